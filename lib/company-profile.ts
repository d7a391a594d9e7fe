/**
 * The company's contact details as the dashboard edits them: the form the browser checks, the
 * body the route accepts, and the change actually sent to Jiko (only what differs).
 *
 * The browser catches what a person mistypes (an empty city, a phone without enough digits); the
 * route only checks the body's shape; Jiko has the last word on every value (its 422 is shown
 * under the field it names).
 */
import { z } from "zod";
import type { UpdateCustomerRequest } from "./jiko/company";
import type { Customer } from "./jiko/customer";

/** Something@something: enough to catch a slip, never stricter than Jiko. */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A phone number as typed, without the spaces, dashes, dots and brackets people write. */
export const normalizePhone = (raw: string) => raw.replace(/[\s().-]/g, "");

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);
const required = (max: number, message: string) => text(max).min(1, message);

export const AddressForm = z.object({
  street_address: required(120, "Enter the street address"),
  street_address2: text(120),
  city: required(80, "Enter the city"),
  state: required(40, "Enter the state or region"),
  postal_code: required(20, "Enter the postal code"),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, like US"),
});

export const ProfileForm = z.object({
  email: text(254).regex(LOOKS_LIKE_EMAIL, "Enter an email address, like finance@company.com"),
  phone_number: z
    .string()
    .transform(normalizePhone)
    .pipe(z.string().regex(/^\+?[0-9]{7,15}$/, "Enter 7 to 15 digits, optionally after a +")),
  address: AddressForm,
});
export type ProfileFormInput = z.input<typeof ProfileForm>;
export type ProfileFormValues = z.output<typeof ProfileForm>;

/** What the route accepts from the browser: the shape and sizes only; Jiko judges the values. */
export const ProfileUpdate = z.strictObject({
  email: text(254).min(1).optional(),
  phone_number: text(32).min(1).optional(),
  address: z
    .strictObject({
      street_address: text(120),
      street_address2: text(120).nullable().optional(),
      city: text(80),
      state: text(40),
      postal_code: text(20),
      country: text(2),
    })
    .optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

/** The form's starting values: the company's details as Jiko has them. */
export function profileFormValues(c: Customer): ProfileFormInput {
  return {
    email: c.email,
    phone_number: c.phone_number,
    address: {
      street_address: c.address.street_address,
      street_address2: c.address.street_address2 ?? "",
      city: c.address.city,
      state: c.address.state,
      postal_code: c.address.postal_code,
      country: c.address.country,
    },
  };
}

const sameAddress = (a: Customer["address"], b: ProfileFormValues["address"]) =>
  a.street_address === b.street_address &&
  (a.street_address2 ?? "") === b.street_address2 &&
  a.city === b.city &&
  a.state === b.state &&
  a.postal_code === b.postal_code &&
  a.country === b.country;

/**
 * Only what changed, so the audit log records the real change (the address goes whole: Jiko
 * replaces it as one). Empty when nothing changed.
 */
export function profileChanges(
  values: ProfileFormValues,
  current: Customer,
): UpdateCustomerRequest {
  const out: UpdateCustomerRequest = {};
  if (values.email !== current.email) out.email = values.email;
  if (values.phone_number !== current.phone_number) out.phone_number = values.phone_number;
  if (!sameAddress(current.address, values.address)) {
    out.address = { ...values.address, street_address2: values.address.street_address2 || null };
  }
  return out;
}
