/** `GET /api/v1/customer/`: a union on `type` (Jiko's reference example and the Partner model). */
import { z } from "zod";

export const CustomerAccountStatus = z.enum(["OPEN", "CLOSED", "FROZEN", "PENDING"]);

export const Address = z.object({
  street_address: z.string(),
  street_address2: z.string().nullable().optional(),
  city: z.string(),
  postal_code: z.string(),
  state: z.string(),
  country: z.string().length(2),
});

const common = {
  address: Address,
  email: z.email(),
  phone_number: z.string(),
  account_status: CustomerAccountStatus,
};

export const BusinessCustomer = z.object({
  ...common,
  type: z.literal("BUSINESS"),
  name: z.string(),
  identification_number: z.object({
    identification_number: z.string(),
    issuing_country: z.string().length(2),
    type: z.enum(["TIN", "EIN", "NON_US_BUSINESS_ID"]),
  }),
});

export const IndividualCustomer = z.object({
  ...common,
  type: z.literal("INDIVIDUAL"),
  name: z.object({
    first_name: z.string(),
    middle_name: z.string().nullable().optional(),
    last_name: z.string(),
  }),
  date_of_birth: z.iso.date(),
});

export const Customer = z.discriminatedUnion("type", [BusinessCustomer, IndividualCustomer]);
export type Customer = z.infer<typeof Customer>;

export { customerDisplayName } from "./customer-name";
