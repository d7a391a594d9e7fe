import { describe, expect, it } from "vitest";
import { BusinessApplicationDraft } from "./applications";
import { maskIdentification, UpdateCustomerRequest } from "./company";

describe("maskIdentification", () => {
  it.each([
    ["123-45-6789", "*****6789"],
    ["123456789", "*****6789"],
    ["94-3185527", "*****5527"],
    ["1234", "*1234"],
  ])("%s → %s", (raw, masked) => {
    expect(maskIdentification(raw)).toBe(masked);
  });
});

describe("request bodies", () => {
  it("a customer update takes contact details only", () => {
    expect(UpdateCustomerRequest.safeParse({ email: "a@b.example" }).success).toBe(true);
    expect(UpdateCustomerRequest.safeParse({ name: "X" }).success).toBe(false);
    expect(UpdateCustomerRequest.safeParse({ phone_number: "call me" }).success).toBe(false);
  });

  it("an application draft may be empty but its numbers must be well formed", () => {
    expect(BusinessApplicationDraft.safeParse({}).success).toBe(true);
    expect(
      BusinessApplicationDraft.safeParse({ identification_number: "12-3456789" }).success,
    ).toBe(true);
    expect(BusinessApplicationDraft.safeParse({ identification_number: "123" }).success).toBe(
      false,
    );
    expect(BusinessApplicationDraft.safeParse({ status: "APPROVED" }).success).toBe(false);
  });
});
