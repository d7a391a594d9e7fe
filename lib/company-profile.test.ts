import { describe, expect, it } from "vitest";
import { ProfileForm, ProfileUpdate, profileChanges, profileFormValues } from "./company-profile";
import { UpdateCustomerRequest } from "./jiko/company";
import type { Customer } from "./jiko/customer";

const company: Customer = {
  type: "BUSINESS",
  name: "Harborline Logistics Inc.",
  identification_number: {
    identification_number: "12-3456789",
    issuing_country: "US",
    type: "EIN",
  },
  email: "finance@harborline.example",
  phone_number: "+14155550100",
  account_status: "OPEN",
  address: {
    street_address: "1 Market St",
    street_address2: null,
    city: "San Francisco",
    state: "CA",
    postal_code: "94105",
    country: "US",
  },
};

const edit = (patch: (v: ReturnType<typeof profileFormValues>) => void) => {
  const v = profileFormValues(company);
  patch(v);
  return ProfileForm.safeParse(v);
};

describe("the profile form", () => {
  it("starts from Jiko's values and sends nothing when nothing changed", () => {
    const parsed = edit(() => {});
    expect(parsed.success).toBe(true);
    expect(profileChanges(parsed.data!, company)).toEqual({});
  });

  it("sends only the changed email, which Jiko's own schema accepts", () => {
    const parsed = edit((v) => {
      v.email = " treasury@harborline.example ";
    });
    const change = profileChanges(parsed.data!, company);
    expect(change).toEqual({ email: "treasury@harborline.example" });
    expect(UpdateCustomerRequest.safeParse(change).success).toBe(true);
  });

  it("writes a phone as digits and sends the whole address when a part of it changed", () => {
    const parsed = edit((v) => {
      v.phone_number = "+1 (415) 555-0199";
      v.address.city = "Oakland";
      v.address.country = "us";
    });
    const change = profileChanges(parsed.data!, company);
    expect(change.phone_number).toBe("+14155550199");
    expect(change.address).toEqual({ ...company.address, city: "Oakland" });
    expect(change.email).toBeUndefined();
    expect(UpdateCustomerRequest.safeParse(change).success).toBe(true);
  });

  it("puts each mistake under its own field", () => {
    const parsed = edit((v) => {
      v.email = "not an email";
      v.phone_number = "12";
      v.address.city = " ";
      v.address.country = "USA";
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths.sort()).toEqual(["address.city", "address.country", "email", "phone_number"]);
  });

  it("is never stricter than Jiko about an email: an address without a dot is Jiko's to refuse", () => {
    expect(
      edit((v) => {
        v.email = "finance@harborline";
      }).success,
    ).toBe(true);
    expect(UpdateCustomerRequest.safeParse({ email: "finance@harborline" }).success).toBe(false);
  });
});

describe("the body the route accepts", () => {
  it("refuses fields Jiko does not let change", () => {
    expect(ProfileUpdate.safeParse({ name: "Another Inc." }).success).toBe(false);
    expect(ProfileUpdate.safeParse({ email: "a@b", account_status: "CLOSED" }).success).toBe(false);
  });

  it("accepts what the form sends", () => {
    const parsed = edit((v) => {
      v.address.street_address2 = "Suite 5";
    });
    expect(ProfileUpdate.parse(profileChanges(parsed.data!, company))).toEqual({
      address: { ...company.address, street_address2: "Suite 5" },
    });
  });
});
