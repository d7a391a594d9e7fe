/**
 * Counterparties v2: the payees a pocket may send money to (contract-notes §6).
 *
 * Documented: the paths, the cursor list, lowercase types `ach`, `wire`, `international_wire`,
 * `on_us`; statuses PENDING, LINKED, UNLINKED and VERIFIED ("money only moves to VERIFIED
 * counterparties"); the verification methods; on_us `account_number` = the 12-digit Jiko network
 * address. INFERRED (Jiko publishes no field list): the shape below follows Partner v1's
 * Counterparty, `{id, type, <type>: {…}}`, with the ACH fields v1 shows (`account_number`,
 * `routing_number`, `name_on_account`, `account_type`, `institution_name`); the wire fields follow
 * the create page's prose (beneficiary address, identifier type, additional instructions); the
 * counterparty's `name`, `verification_method`, `time_created`/`time_updated`, the unlink body
 * `{status: "UNLINKED"}`, and what each status means:
 *   PENDING    verification under way (micro-deposits, documents, a name match); no money moves
 *   VERIFIED   money may move to it
 *   LINKED     linked without verification (`unverified`): it may pull by ACH, nothing is sent
 *   UNLINKED   removed by the customer; kept for history, no money moves
 * Also INFERRED: who may add or unlink payees (COUNTERPARTY_RULES), and how long verification
 * takes per method on Jiko's clock.
 */
import { z } from "zod";
import { isValidAbaRouting, isValidIban, isValidSwift } from "../bank-numbers";
import { cursorList, IsoDateTime } from "./common";
import { COUNTERPARTY_STATUSES, COUNTERPARTY_TYPES } from "./counterparty-terms";

// The payees page draws the rules and the lists of codes at first load, so they live without zod.
export * from "./counterparty-terms";

export const CounterpartyType = z.enum(COUNTERPARTY_TYPES);
export type CounterpartyType = z.infer<typeof CounterpartyType>;

export const CounterpartyStatus = z.enum(COUNTERPARTY_STATUSES);
export type CounterpartyStatus = z.infer<typeof CounterpartyStatus>;

export const VerificationMethod = z.enum([
  "incoming_wire",
  "micro_deposits",
  "name_match",
  "plaid",
  "pre_verified",
  "supporting_documents",
  "unverified",
]);
export type VerificationMethod = z.infer<typeof VerificationMethod>;

const text = (max: number) => z.string().trim().min(1).max(max);
const digits = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${min},${max}}$`), `${what} must be ${min}–${max} digits`);

export const RoutingNumber = z
  .string()
  .trim()
  .regex(/^\d{9}$/, "A routing number is 9 digits")
  .refine(isValidAbaRouting, "This is not a valid ABA routing number (its check digit is wrong)");
export const AccountNumber = digits(4, 17, "An account number");
/** The 12-digit Jiko network address of a pocket (JikoNet guide). */
export const JikoNetworkAddress = z
  .string()
  .trim()
  .regex(/^\d{12}$/, "A Jiko network address is 12 digits");
export const SwiftCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidSwift, "A SWIFT/BIC code is 8 or 11 letters and digits (e.g. DEUTDEFF)");

export const Address = z.object({
  line1: text(100),
  /** "Apartment, Suite, Box number, etc." */
  line2: z.string().trim().max(100).nullish(),
  city: text(60),
  state: z.string().trim().max(60).nullish(),
  postal_code: z.string().trim().max(20).nullish(),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code (e.g. US, DE)"),
});
export type Address = z.infer<typeof Address>;

export const AchDetails = z.object({
  account_number: AccountNumber,
  routing_number: RoutingNumber,
  name_on_account: text(100),
  account_type: z.enum(["CHECKING", "SAVINGS"]),
  institution_name: z.string().nullish(),
});
export const WireDetails = z.object({
  account_number: AccountNumber,
  routing_number: RoutingNumber,
  beneficiary_name: text(140),
  beneficiary_address: Address,
  institution_name: z.string().nullish(),
  /** "Any additional wire instructions required for the wire to be processed correctly." */
  additional_instructions: z.string().trim().max(140).nullish(),
});
export const InternationalWireDetails = z
  .object({
    /** "The code describing the identifier for the counterparty at the counterparty institution." */
    identifier_type: z.enum(["IBAN", "ACCOUNT_NUMBER"]),
    account_number: z
      .string()
      .trim()
      .toUpperCase()
      .transform((s) => s.replace(/\s+/g, ""))
      .pipe(z.string().regex(/^[A-Z0-9]{4,34}$/, "Use 4–34 letters and digits")),
    swift_code: SwiftCode,
    beneficiary_name: text(140),
    beneficiary_address: Address,
    institution_name: z.string().nullish(),
    additional_instructions: z.string().trim().max(140).nullish(),
  })
  .superRefine((d, ctx) => {
    if (d.identifier_type === "IBAN" && !isValidIban(d.account_number)) {
      ctx.addIssue({
        code: "custom",
        path: ["account_number"],
        message: "This is not a valid IBAN (its check digits or length are wrong)",
      });
    }
  });
export const OnUsDetails = z.object({
  account_number: JikoNetworkAddress,
});

const common = {
  id: z.uuid(),
  /** The payee's legal or display name. */
  name: z.string(),
  status: CounterpartyStatus,
  verification_method: VerificationMethod,
  time_created: IsoDateTime,
  time_updated: IsoDateTime,
  object_type: z.literal("Counterparty"),
};

/** Responses are read leniently inside each variant: Jiko's stored values need not pass input rules. */
export const Counterparty = z.discriminatedUnion("type", [
  z.object({
    ...common,
    type: z.literal("ach"),
    ach: z.object({
      account_number: z.string(),
      routing_number: z.string(),
      name_on_account: z.string(),
      account_type: z.string(),
      institution_name: z.string().nullish(),
    }),
  }),
  z.object({
    ...common,
    type: z.literal("wire"),
    wire: z.object({
      account_number: z.string(),
      routing_number: z.string(),
      beneficiary_name: z.string(),
      beneficiary_address: Address.partial().loose(),
      institution_name: z.string().nullish(),
      additional_instructions: z.string().nullish(),
    }),
  }),
  z.object({
    ...common,
    type: z.literal("international_wire"),
    international_wire: z.object({
      identifier_type: z.string(),
      account_number: z.string(),
      swift_code: z.string(),
      beneficiary_name: z.string(),
      beneficiary_address: Address.partial().loose(),
      institution_name: z.string().nullish(),
      additional_instructions: z.string().nullish(),
    }),
  }),
  z.object({
    ...common,
    type: z.literal("on_us"),
    on_us: z.object({ account_number: z.string() }),
  }),
]);
export type Counterparty = z.infer<typeof Counterparty>;
export const CounterpartyList = cursorList(Counterparty);
export type CounterpartyList = z.infer<typeof CounterpartyList>;

export const CounterpartyQuery = z.object({
  type: CounterpartyType.optional(),
  status: CounterpartyStatus.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type CounterpartyQuery = z.infer<typeof CounterpartyQuery>;

const name = text(140);
/** POST /api/v2/counterparties/: one schema per type (the create page's "case #2" is on_us). */
export const CreateCounterpartyRequest = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ach"), name, ach: AchDetails }),
  z.object({ type: z.literal("wire"), name, wire: WireDetails }),
  z.object({
    type: z.literal("international_wire"),
    name,
    international_wire: InternationalWireDetails,
  }),
  z.object({ type: z.literal("on_us"), name, on_us: OnUsDetails }),
]);
export type CreateCounterpartyRequest = z.infer<typeof CreateCounterpartyRequest>;

/** PATCH /api/v2/counterparties/{id}/: INFERRED body; unlinking is the one change documented. */
export const UpdateCounterpartyRequest = z.object({ status: z.literal("UNLINKED") });
export type UpdateCounterpartyRequest = z.infer<typeof UpdateCounterpartyRequest>;
