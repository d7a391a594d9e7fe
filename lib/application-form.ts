/**
 * The new-entity application as a person fills it in: the form's shape, what each step checks,
 * and the mapping between the form and Jiko's business application draft. Each step saves only
 * its own fields (an update replaces the fields it names), so the draft at Jiko is the one copy.
 */
import { z } from "zod";
import type {
  ApplicationOwnerInput,
  BusinessApplication,
  BusinessApplicationDraft,
} from "./jiko/applications";

export const STEPS = ["entity", "address", "owners", "agreement", "review"] as const;
export type Step = (typeof STEPS)[number];
export const STEP_TITLES: Record<Step, string> = {
  entity: "Entity details",
  address: "Address",
  owners: "Beneficial owners",
  agreement: "Agreements",
  review: "Review and apply",
};

export interface AddressForm {
  street_address: string;
  street_address2: string;
  city: string;
  state: string;
  postal_code: string;
}
export interface OwnerForm extends AddressForm {
  first_name: string;
  last_name: string;
  date_of_birth: string;
  /** The full SSN as typed; blank for an owner read back from Jiko (which shows the last four). */
  ssn: string;
  /** The last four digits Jiko shows for an owner already saved ("" for a new owner). */
  ssn_last4: string;
  control_person: boolean;
  authorized_representative: boolean;
  ownership_percentage: string;
}
export interface ApplicationForm {
  entity: { business_name: string; ein: string; email: string; phone_number: string };
  address: AddressForm;
  owners: OwnerForm[];
  consent: { accepted: boolean; version: string; timestamp: string };
}

const BLANK_ADDRESS: AddressForm = {
  street_address: "",
  street_address2: "",
  city: "",
  state: "",
  postal_code: "",
};
export const BLANK_OWNER: OwnerForm = {
  first_name: "",
  last_name: "",
  date_of_birth: "",
  ssn: "",
  ssn_last4: "",
  ...BLANK_ADDRESS,
  control_person: false,
  authorized_representative: false,
  ownership_percentage: "",
};
export const BLANK_APPLICATION: ApplicationForm = {
  entity: { business_name: "", ein: "", email: "", phone_number: "" },
  address: BLANK_ADDRESS,
  owners: [BLANK_OWNER],
  consent: { accepted: false, version: "", timestamp: "" },
};

const required = (what: string) => z.string().trim().min(1, `Enter ${what}`);
const digitsOnly = (s: string) => s.replace(/[\s().-]/g, "");

const AddressShape = z.object({
  street_address: required("the street address"),
  street_address2: z.string(),
  city: required("the city"),
  state: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Enter the 2-letter state code, like NY"),
  postal_code: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code, like 10001"),
});

const EntityShape = z.object({
  business_name: required("the company's legal name").max(200, "Use at most 200 characters"),
  ein: z
    .string()
    .trim()
    .regex(/^\d{2}-?\d{7}$/, "Enter the 9-digit EIN, like 12-3456789"),
  email: z.email("Enter an email address, like treasury@example.com"),
  phone_number: z
    .string()
    .refine(
      (s) => /^\+?[0-9]{7,15}$/.test(digitsOnly(s)),
      "Enter a phone number of 7 to 15 digits",
    ),
});

/** Age on `today` (YYYY-MM-DD) of a person born on `dob`. */
function ageOn(dob: string, today: string): number {
  const [y, m, d] = dob.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

const SSN = /^\d{3}-?\d{2}-?\d{4}$/;

function ownerShape(today: string) {
  return AddressShape.extend({
    first_name: required("the first name"),
    last_name: required("the last name"),
    date_of_birth: z.iso
      .date("Enter the date of birth")
      .refine((d) => d <= today && ageOn(d, today) >= 18, "An owner must be 18 or older"),
    ssn: z.string().trim(),
    ssn_last4: z.string(),
    control_person: z.boolean(),
    authorized_representative: z.boolean(),
    ownership_percentage: z
      .string()
      .trim()
      .refine(
        (s) => s === "" || (/^\d{1,3}(\.\d{1,2})?$/.test(s) && Number(s) <= 100),
        "Enter a percentage from 0 to 100, like 25 or 12.5",
      ),
  });
}

/** Errors keyed by the field's path ("entity.ein", "owners.0.ssn"). */
export type StepErrors = Record<string, string>;

function collect(result: z.ZodSafeParseResult<unknown>, prefix: string, into: StepErrors) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    const path = [prefix, ...issue.path.map(String)].join(".");
    into[path] ??= issue.message;
  }
}

const sameOwners = (a: OwnerForm[], b: OwnerForm[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The owners to send with the owners step: none when they are as Jiko already has them (saved
 * SSNs come back masked, so an unchanged list is not sent again), else the whole list with full
 * SSNs (an update replaces the list).
 */
export function ownersChanged(owners: OwnerForm[], saved: OwnerForm[]): boolean {
  return !sameOwners(owners, saved);
}

/** What a step asks for, checked as the person leaves it. `today` is YYYY-MM-DD. */
export function validateStep(
  step: Step,
  form: ApplicationForm,
  ctx: { today: string; savedOwners: OwnerForm[] },
): StepErrors {
  const errors: StepErrors = {};
  if (step === "entity") collect(EntityShape.safeParse(form.entity), "entity", errors);
  if (step === "address") collect(AddressShape.safeParse(form.address), "address", errors);
  if (step === "owners") {
    if (form.owners.length === 0) errors.owners = "Add at least one beneficial owner";
    const shape = ownerShape(ctx.today);
    const changed = ownersChanged(form.owners, ctx.savedOwners);
    form.owners.forEach((o, i) => {
      collect(shape.safeParse(o), `owners.${i}`, errors);
      if (SSN.test(o.ssn.trim())) return;
      if (o.ssn.trim() === "" && o.ssn_last4 && !changed) return;
      errors[`owners.${i}.ssn`] ??=
        o.ssn.trim() === "" && o.ssn_last4
          ? `Enter the full SSN again (it ends ${o.ssn_last4}): Jiko shows saved numbers only in part`
          : "Enter the 9-digit SSN, like 123-45-6789";
    });
    if (form.owners.length > 10) errors.owners = "Name at most 10 beneficial owners";
    else if (form.owners.length && !form.owners.some((o) => o.control_person))
      errors.owners = "Mark at least one owner as the control person";
    const total = form.owners.reduce((s, o) => s + (Number(o.ownership_percentage) || 0), 0);
    if (total > 100) errors.owners = "Ownership adds up to more than 100%";
  }
  if (step === "agreement" && !(form.consent.accepted && form.consent.version))
    errors["consent.accepted"] = "Check the box to consent to the agreements";
  return errors;
}

const addressOut = (a: AddressForm) => ({
  street_address: a.street_address.trim(),
  street_address2: a.street_address2.trim() || null,
  city: a.city.trim(),
  state: a.state.trim().toUpperCase(),
  postal_code: a.postal_code.trim(),
  country: "US",
});

function ownerOut(o: OwnerForm): ApplicationOwnerInput {
  return {
    name: { first_name: o.first_name.trim(), last_name: o.last_name.trim() },
    date_of_birth: o.date_of_birth,
    identification_number: o.ssn.trim(),
    address: addressOut(o),
    roles: [
      ...(o.control_person ? (["CONTROL_PERSON"] as const) : []),
      ...(o.authorized_representative ? (["AUTHORIZED_REPRESENTATIVE"] as const) : []),
    ],
    ownership_percentage: o.ownership_percentage.trim() || null,
  };
}

/** The draft fields one step saves (the review step saves nothing). */
export function draftOfStep(
  step: Step,
  form: ApplicationForm,
  savedOwners: OwnerForm[],
): BusinessApplicationDraft | null {
  switch (step) {
    case "entity":
      return {
        business_name: form.entity.business_name.trim(),
        identification_number: form.entity.ein.trim(),
        email: form.entity.email.trim(),
        phone_number: digitsOnly(form.entity.phone_number),
      };
    case "address":
      return { address: addressOut(form.address) };
    case "owners":
      return ownersChanged(form.owners, savedOwners)
        ? { beneficial_owners: form.owners.map(ownerOut) }
        : null;
    case "agreement":
      return {
        agreement_consent: { version: form.consent.version, timestamp: form.consent.timestamp },
      };
    default:
      return null;
  }
}

const addressIn = (a: BusinessApplication["address"]): AddressForm =>
  a
    ? {
        street_address: a.street_address,
        street_address2: a.street_address2 ?? "",
        city: a.city,
        state: a.state,
        postal_code: a.postal_code,
      }
    : BLANK_ADDRESS;

/** The form as a saved draft reads back (owners' SSNs as their last four digits). */
export function formOfApplication(app: BusinessApplication): ApplicationForm {
  return {
    entity: {
      business_name: app.business_name ?? "",
      ein: app.identification_number ?? "",
      email: app.email ?? "",
      phone_number: app.phone_number ?? "",
    },
    address: addressIn(app.address),
    owners: app.beneficial_owners.map((o) => ({
      first_name: o.name.first_name,
      last_name: o.name.last_name,
      date_of_birth: o.date_of_birth,
      ssn: "",
      ssn_last4: o.identification_number.slice(-4),
      ...addressIn(o.address),
      control_person: o.roles.includes("CONTROL_PERSON"),
      authorized_representative: o.roles.includes("AUTHORIZED_REPRESENTATIVE"),
      ownership_percentage: o.ownership_percentage ?? "",
    })),
    consent: app.agreement_consent
      ? { accepted: true, ...app.agreement_consent }
      : { accepted: false, version: "", timestamp: "" },
  };
}

/**
 * Where a person coming back picks up: the first step the draft lacks; the agreements again when
 * the consent was to a version that is no longer current.
 */
export function resumeStep(app: BusinessApplication, currentVersion: string): Step {
  if (!(app.business_name && app.identification_number && app.email && app.phone_number))
    return "entity";
  if (!app.address) return "address";
  if (app.beneficial_owners.length === 0) return "owners";
  if (app.agreement_consent?.version !== currentVersion) return "agreement";
  return "review";
}

/** The draft to resume: the newest application not yet applied for (lists are newest first). */
export const openDraft = (items: BusinessApplication[]) =>
  items.find((a) => a.status === "CREATED") ?? null;
