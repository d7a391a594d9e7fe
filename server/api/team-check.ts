import "server-only";
import { TEAM_HEADER } from "@/lib/team-binding";
import type { Viewer } from "../viewer";

export interface TeamMismatch {
  /** "other-team": rendered for another team; "unnamed": the change names no team at all. */
  kind: "other-team" | "unnamed";
  message: string;
}

/**
 * Why a change must be refused because the page that sent it was rendered for another team than
 * the one this session now acts for (null: it may proceed). A change that names no team is
 * refused too: only the dashboard's own pages send changes, and they always name it.
 */
export function teamMismatch(req: Request, viewer: Viewer): TeamMismatch | null {
  const pageTeam = req.headers.get(TEAM_HEADER);
  if (pageTeam === viewer.team.id) return null;
  if (!pageTeam) {
    return {
      kind: "unnamed",
      message: "This change does not say which team it is for. Reload the page and try again.",
    };
  }
  const named = viewer.memberships.find((m) => m.team_id === pageTeam)?.team_name ?? "another team";
  return {
    kind: "other-team",
    message: `This page was opened for ${named}, but you have since switched to ${viewer.team.name}. Nothing was changed. Reload the page to continue in ${viewer.team.name}.`,
  };
}
