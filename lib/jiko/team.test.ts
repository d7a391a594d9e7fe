import { describe, expect, it } from "vitest";
import { CreateServiceUserRequest, EditTeamMemberRequest, InviteMemberRequest } from "./team";

const valid = {
  first_name: "Riley",
  last_name: "Quinn",
  email: "Riley.Quinn@Example.com ",
  phone_number: "+1 (415) 555-0188",
  role: "INITIATOR",
};
const messages = (input: unknown) => {
  const r = InviteMemberRequest.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("invite validation", () => {
  it("normalizes what a person types: email lower-cased and trimmed, phone to E.164", () => {
    const parsed = InviteMemberRequest.parse(valid);
    expect(parsed.email).toBe("riley.quinn@example.com");
    expect(parsed.phone_number).toBe("+14155550188");
  });

  it("says what is wrong with each field", () => {
    expect(messages({ ...valid, first_name: "  " })).toEqual(["first_name: Enter the first name"]);
    expect(messages({ ...valid, email: "riley@" })).toEqual(["email: Enter a valid email address"]);
    expect(messages({ ...valid, phone_number: "415 555 0188" })).toEqual([
      "phone_number: Enter the number in international form, like +1 415 555 0100",
    ]);
    expect(messages({ ...valid, role: "OWNER" })[0]).toMatch(/^role:/);
    expect(messages({ ...valid, last_name: "x".repeat(65) })).toEqual([
      "last_name: Keep the last name under 64 characters",
    ]);
  });

  it("needs a change to edit a member, and only known statuses", () => {
    expect(EditTeamMemberRequest.safeParse({}).success).toBe(false);
    expect(EditTeamMemberRequest.safeParse({ status: "PENDING" }).success).toBe(false);
    expect(EditTeamMemberRequest.safeParse({ role: "ADMIN", extra: 1 }).success).toBe(false);
    expect(EditTeamMemberRequest.parse({ role: "REVIEWER" })).toEqual({ role: "REVIEWER" });
  });

  it("validates a service user", () => {
    expect(
      CreateServiceUserRequest.safeParse({
        name: "ERP sync",
        email: "it@example.com",
        role: "READ_ONLY",
      }).success,
    ).toBe(true);
    expect(
      CreateServiceUserRequest.safeParse({ name: "", email: "it@example.com", role: "READ_ONLY" })
        .success,
    ).toBe(false);
  });

  it("refuses control characters in names with a readable message", () => {
    expect(messages({ ...valid, first_name: "Ri\u0000ley" })).toEqual([
      "first_name: The first name cannot contain tabs, line breaks or control characters",
    ]);
    expect(messages({ ...valid, last_name: "Qu\ninn" })).toEqual([
      "last_name: The last name cannot contain tabs, line breaks or control characters",
    ]);
    const service = CreateServiceUserRequest.safeParse({
      name: "ERP\u001bsync",
      email: "it@example.com",
      role: "READ_ONLY",
    });
    expect(service.error?.issues.map((i) => i.message)).toEqual([
      "The name cannot contain tabs, line breaks or control characters",
    ]);
    // Accents, apostrophes and hyphens are names, not control characters.
    expect(messages({ ...valid, first_name: "Zoë-Anne", last_name: "O'Brien" })).toEqual([]);
  });
});
