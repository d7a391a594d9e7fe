import { describe, expect, it } from "vitest";
import {
  type ApplicationForm,
  BLANK_APPLICATION,
  BLANK_OWNER,
  draftOfStep,
  formOfApplication,
  type OwnerForm,
  openDraft,
  resumeStep,
  validateStep,
} from "./application-form";
import { applicationOf } from "./application-test-fixtures";
import { BusinessApplicationDraft } from "./jiko/applications";

const TODAY = "2026-12-02";
const owner: OwnerForm = {
  ...BLANK_OWNER,
  first_name: "Rosa",
  last_name: "Diaz",
  date_of_birth: "1980-05-17",
  ssn: "400-12-3456",
  street_address: "1 Main St",
  city: "Albany",
  state: "ny",
  postal_code: "12207",
  control_person: true,
  ownership_percentage: "60",
};
const filled: ApplicationForm = {
  entity: {
    business_name: "Northwind Holdings LLC",
    ein: "45-6789012",
    email: "ops@northwind.example",
    phone_number: "(212) 555-0100",
  },
  address: {
    street_address: "5 Pier Rd",
    street_address2: "",
    city: "New York",
    state: "NY",
    postal_code: "10004",
  },
  owners: [owner],
  consent: { accepted: true, version: "2025.2", timestamp: "2026-12-02T10:00:00.000Z" },
};
const ctx = { today: TODAY, savedOwners: [] as OwnerForm[] };

describe("each step's checks", () => {
  it("a blank entity step names every field under it", () => {
    expect(Object.keys(validateStep("entity", BLANK_APPLICATION, ctx)).sort()).toEqual([
      "entity.business_name",
      "entity.ein",
      "entity.email",
      "entity.phone_number",
    ]);
  });

  it("an EIN needs 9 digits and a phone 7 to 15, punctuation allowed", () => {
    const bad = { ...filled, entity: { ...filled.entity, ein: "45-678", phone_number: "555" } };
    const errors = validateStep("entity", bad, ctx);
    expect(errors["entity.ein"]).toMatch(/9-digit EIN/);
    expect(errors["entity.phone_number"]).toMatch(/7 to 15/);
    expect(validateStep("entity", filled, ctx)).toEqual({});
  });

  it("an address needs a 2-letter state and a ZIP code", () => {
    const bad = { ...filled, address: { ...filled.address, state: "New", postal_code: "1" } };
    expect(validateStep("address", bad, ctx)).toEqual({
      "address.state": "Enter the 2-letter state code, like NY",
      "address.postal_code": "Enter a 5-digit ZIP code, like 10001",
    });
  });

  it("owners: adults with an SSN, a control person, at most 100% between them", () => {
    const minor = { ...owner, date_of_birth: "2015-01-01", ssn: "12" };
    const errors = validateStep("owners", { ...filled, owners: [minor] }, ctx);
    expect(errors["owners.0.date_of_birth"]).toBe("An owner must be 18 or older");
    expect(errors["owners.0.ssn"]).toMatch(/9-digit SSN/);
    expect(validateStep("owners", { ...filled, owners: [] }, ctx).owners).toMatch(/at least one/);
    const noControl = { ...owner, control_person: false };
    expect(validateStep("owners", { ...filled, owners: [noControl] }, ctx).owners).toMatch(
      /control person/,
    );
    const twice = [owner, { ...owner, control_person: false }];
    expect(validateStep("owners", { ...filled, owners: twice }, ctx).owners).toMatch(/100%/);
    expect(validateStep("owners", filled, ctx)).toEqual({});
  });

  it("the agreement step needs the box checked", () => {
    const unchecked = { ...filled, consent: { ...filled.consent, accepted: false } };
    expect(validateStep("agreement", unchecked, ctx)).toEqual({
      "consent.accepted": "Check the box to consent to the agreements",
    });
  });
});

describe("the draft at Jiko and the form", () => {
  const saved = { ...filled.entity };
  const draft = {
    ...draftOfStep("entity", filled, []),
    ...draftOfStep("address", filled, []),
    ...draftOfStep("owners", filled, []),
    ...draftOfStep("agreement", filled, []),
  };

  it("each step sends only its own fields, in the contract's shape", () => {
    expect(BusinessApplicationDraft.parse(draft)).toEqual(draft);
    expect(draftOfStep("entity", filled, [])).toEqual({
      business_name: saved.business_name,
      identification_number: "45-6789012",
      email: "ops@northwind.example",
      phone_number: "2125550100",
    });
    expect(draft.beneficial_owners?.[0]).toMatchObject({
      roles: ["CONTROL_PERSON"],
      address: { state: "NY", country: "US" },
      identification_number: "400-12-3456",
    });
    expect(draftOfStep("review", filled, [])).toBeNull();
  });

  it("reads a saved draft back; unchanged owners are not sent again, changed ones need full SSNs", () => {
    const back = formOfApplication(applicationOf(draft));
    expect(back.entity).toEqual({ ...filled.entity, phone_number: "2125550100" });
    expect(back.owners[0]).toMatchObject({ ssn: "", ssn_last4: "3456", state: "NY" });
    expect(back.consent).toEqual(filled.consent);
    const c = { today: TODAY, savedOwners: back.owners };
    expect(validateStep("owners", back, c)).toEqual({});
    expect(draftOfStep("owners", back, back.owners)).toBeNull();
    const edited = { ...back, owners: [{ ...back.owners[0]!, city: "Troy" }] };
    expect(validateStep("owners", edited, c)["owners.0.ssn"]).toMatch(/ends 3456/);
  });

  it("resumes at the first step the draft lacks, and at the agreements for a new version", () => {
    expect(resumeStep(applicationOf({}), "2025.2")).toBe("entity");
    const entity = draftOfStep("entity", filled, [])!;
    expect(resumeStep(applicationOf(entity), "2025.2")).toBe("address");
    const address = { ...entity, ...draftOfStep("address", filled, []) };
    expect(resumeStep(applicationOf(address), "2025.2")).toBe("owners");
    const owners = { ...address, ...draftOfStep("owners", filled, []) };
    expect(resumeStep(applicationOf(owners), "2025.2")).toBe("agreement");
    expect(resumeStep(applicationOf(draft), "2025.2")).toBe("review");
    expect(resumeStep(applicationOf(draft), "2026.1")).toBe("agreement");
  });

  it("the draft to resume is the newest one not applied for", () => {
    const draftApp = applicationOf({}, "CREATED");
    const sent = applicationOf({}, "SUBMITTED");
    expect(openDraft([sent, draftApp])).toBe(draftApp);
    expect(openDraft([sent])).toBeNull();
  });
});
