import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "./jiko/roles";
import { SCOPES } from "./jiko/scopes";
import { CAPABILITIES, capabilitiesFor, ROLE_CAPABILITIES } from "./permissions";

const allScopes = [...SCOPES];
const root = join(__dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe("role → capabilities", () => {
  it("gives admins every capability and read-only members only reading", () => {
    expect(capabilitiesFor("ADMIN", allScopes)).toEqual(new Set(Object.keys(CAPABILITIES)));
    const readOnly = capabilitiesFor("READ_ONLY", allScopes);
    for (const c of readOnly) expect(c).toMatch(/:view$/);
    expect(readOnly.has("team:manage")).toBe(false);
    expect(readOnly.has("pockets:manage")).toBe(false);
  });

  it("lets reviewers read the audit log and initiators not", () => {
    expect(capabilitiesFor("REVIEWER", allScopes).has("audit:view")).toBe(true);
    expect(capabilitiesFor("INITIATOR", allScopes).has("audit:view")).toBe(false);
  });

  it("promises only what the dashboard ships: every capability is checked by a page or route", () => {
    const sources = filesUnder(join(root, "app"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const unused = Object.keys(CAPABILITIES).filter((c) => !sources.includes(`"${c}"`));
    expect(unused).toEqual([]);
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
