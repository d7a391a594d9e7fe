import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InviteMemberRequest } from "./jiko/team";

// Loaded through lib/jiko/roles.ts, as the team forms load it: no direct import of the module.

const messageOf = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input).error?.issues[0]?.message;

describe("zod's issues, said as sentences", () => {
  it("never shows zod's default wording", () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.string().max(64), "x".repeat(65), "Use at most 64 characters"],
      [z.string().min(1), "", "This is required"],
      [z.string().min(3), "ab", "Use at least 3 characters"],
      [z.number().int().max(100), 101, "Enter 100 or less"],
      [z.number().positive(), 0, "Enter more than 0"],
      [z.array(z.string()).min(1), [], "Choose at least one"],
      [z.email(), "not-an-email", "Enter a valid email address"],
      [z.uuid(), "nope", "This is not a valid reference"],
      [z.enum(["A", "B"]), "C", "Choose one of the options offered"],
      [z.object({ a: z.string() }), {}, "This is required"],
      [z.coerce.number(), "abc", "Enter a number"],
      [z.object({}).strict(), { extra: 1 }, "This has fields that are not accepted"],
    ];
    for (const [schema, input, expected] of cases) {
      const message = messageOf(schema, input);
      expect(message).toBe(expected);
      expect(message).not.toMatch(/expected|Too big|Too small|Invalid/);
    }
  });

  it("keeps a schema's own message", () => {
    expect(messageOf(z.string().max(2, "Keep it short"), "abc")).toBe("Keep it short");
  });

  it("answers the invite form in words for a role it does not know", () => {
    const r = InviteMemberRequest.safeParse({
      first_name: "Riley",
      last_name: "Quinn",
      email: "riley@example.test",
      phone_number: "+14155550188",
      role: "OWNER",
    });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["Choose one of the options offered"]);
  });
});
