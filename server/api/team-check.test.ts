import { describe, expect, it } from "vitest";
import { TEAM_HEADER } from "@/lib/team-binding";
import type { Viewer } from "../viewer";
import { teamMismatch } from "./team-check";

const viewer = {
  team: { id: "team-eu", name: "Harborline Europe" },
  memberships: [
    { team_id: "team-us", team_name: "Harborline Treasury" },
    { team_id: "team-eu", team_name: "Harborline Europe" },
  ],
} as unknown as Viewer;

const change = (team?: string) =>
  new Request("http://localhost/api/team/invites", {
    method: "POST",
    headers: team ? { [TEAM_HEADER]: team } : {},
  });

describe("a change names the team its page was rendered for", () => {
  it("proceeds when the session still acts for that team", () => {
    expect(teamMismatch(change("team-eu"), viewer)).toBeNull();
  });

  it("is refused, naming both teams, after a switch in another tab", () => {
    expect(teamMismatch(change("team-us"), viewer)).toEqual({
      kind: "other-team",
      message:
        "This page was opened for Harborline Treasury, but you have since switched to Harborline Europe. Nothing was changed. Reload the page to continue in Harborline Europe.",
    });
  });

  it("is refused when it names no team", () => {
    expect(teamMismatch(change(), viewer)).toMatchObject({
      kind: "unnamed",
      message: expect.stringMatching(/does not say which team/),
    });
  });
});
