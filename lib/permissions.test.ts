import { describe, expect, it } from "vitest";
import { ROLES } from "./jiko/roles";
import { SCOPES } from "./jiko/scopes";
import { CAPABILITIES, capabilitiesFor, ROLE_CAPABILITIES } from "./permissions";

const allScopes = [...SCOPES];

describe("role → capabilities", () => {
  it("gives admins every capability and read-only members only reading", () => {
    expect(capabilitiesFor("ADMIN", allScopes)).toEqual(new Set(Object.keys(CAPABILITIES)));
    const readOnly = capabilitiesFor("READ_ONLY", allScopes);
    for (const c of readOnly) expect(c).toMatch(/:view$/);
    expect(readOnly.has("team:manage")).toBe(false);
    expect(readOnly.has("pockets:manage")).toBe(false);
  });

  it("keeps dual control apart: initiators draft, reviewers approve", () => {
    const initiator = capabilitiesFor("INITIATOR", allScopes);
    const reviewer = capabilitiesFor("REVIEWER", allScopes);
    expect(initiator.has("transfers:initiate")).toBe(true);
    expect(initiator.has("transfers:review")).toBe(false);
    expect(reviewer.has("transfers:review")).toBe(true);
    expect(reviewer.has("transfers:initiate")).toBe(false);
  });

  it("narrows a role by the scopes the token carries", () => {
    const adminWithoutTeamWrite = capabilitiesFor(
      "ADMIN",
      allScopes.filter((s) => s !== "team.write"),
    );
    expect(adminWithoutTeamWrite.has("team:manage")).toBe(false);
    expect(adminWithoutTeamWrite.has("team:view")).toBe(true);
    expect(capabilitiesFor("ADMIN", ["openid"]).size).toBe(0);
  });

  it("defines every role and only known capabilities", () => {
    for (const role of ROLES) {
      for (const c of ROLE_CAPABILITIES[role]) expect(CAPABILITIES).toHaveProperty(c);
    }
  });
});
