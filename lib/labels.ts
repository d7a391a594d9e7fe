/**
 * Words for Jiko's codes: one map per enum, so a screen never shows `SETTLED`, `team_member` or
 * `NON_US_BUSINESS_ID` where a person expects words. Codes Jiko may add later read as words too
 * (`labelFor`), never as the raw code.
 */
import type { z } from "zod";
import type { CounterpartyStatus, VerificationMethod } from "./jiko/counterparties";
import type { BusinessCustomer, CustomerAccountStatus } from "./jiko/customer";
import type { PocketStatus } from "./jiko/pockets";
import type { TradeV2 } from "./jiko/trades";
import type { TransactionStatus } from "./jiko/transactions";

type CustomerIdentificationType = z.infer<typeof BusinessCustomer>["identification_number"]["type"];
type TradeStatus = TradeV2["status"];

export const TRANSACTION_STATUS_LABELS: Record<z.infer<typeof TransactionStatus>, string> = {
  BOOKED: "Pending",
  SETTLED: "Settled",
};

export const TRADE_STATUS_LABELS: Record<TradeStatus, string> = {
  BOOKED: "Booked",
  SETTLED: "Settled",
};

export const POCKET_STATUS_LABELS: Record<PocketStatus, string> = {
  PENDING: "Opening",
  OPEN: "Open",
  FROZEN: "Frozen",
  CLOSED: "Closed",
};

export const ACCOUNT_STATUS_LABELS: Record<z.infer<typeof CustomerAccountStatus>, string> = {
  OPEN: "Account open",
  CLOSED: "Account closed",
  FROZEN: "Account frozen",
  PENDING: "Account opening",
};

export const IDENTIFICATION_TYPE_LABELS: Record<CustomerIdentificationType, string> = {
  EIN: "EIN",
  TIN: "TIN",
  NON_US_BUSINESS_ID: "Non-US business ID",
};

/** INFERRED (Jiko's fee kinds are not published): the fees the sandbox and Jiko's guide show. */
export const FEE_TYPE_LABELS: Record<string, string> = {
  AUM_FEE: "Management fee",
};

/** INFERRED: what an audit entry changed (lib/jiko/audit.ts `target_type`). */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  team_member: "Team member",
  service_user: "Service user",
  pocket: "Pocket",
};

export const COUNTERPARTY_STATUS_LABELS: Record<CounterpartyStatus, string> = {
  PENDING: "Pending",
  VERIFIED: "Verified",
  LINKED: "Linked",
  UNLINKED: "Unlinked",
};

/** How Jiko checks a payee, as the thing under way ("Verification under way (micro-deposits)"). */
export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  incoming_wire: "incoming wire",
  micro_deposits: "micro-deposits",
  name_match: "name check",
  plaid: "bank login through Plaid",
  pre_verified: "verified by Jiko",
  supporting_documents: "documents",
  unverified: "not verified",
};

/** A code's words: from its map, else the code itself made readable ("NEW_KIND" → "New kind"). */
export function labelFor(labels: Record<string, string>, code: string): string {
  const known = Object.hasOwn(labels, code) ? labels[code] : undefined;
  if (known) return known;
  const words = code
    .replace(/[_\s]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
