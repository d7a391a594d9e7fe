/**
 * What the transactions CSV reads of a flow's `details` (its rail's own fields): the constants,
 * and the SQL of the two columns pocket_flows keeps from them (stored generated columns, see
 * sandbox/db/schema.ts). Postgres works them out once, when a flow is written, instead of once per
 * row of every export: at a million rows that took about 15% of the file's time.
 */
import { TRANSACTION_TYPES } from "../../lib/jiko/transactions";

/** Fields the list takes from the row itself: a variant field of that name would override it. */
export const BASE_FIELDS = [
  "id",
  "transaction_id",
  "description",
  "amount",
  "time_booked",
  "time_settled",
  "status",
  "title",
  "direction",
  "pocket_id",
  "customer_id",
  "type",
];

/** Where each variant carries the other party (lib/jiko/transactions.ts counterpartyOf). */
export const COUNTERPARTY: Record<string, string> = {
  ACH: "company_name",
  WIRE: "counterparty_name",
  ON_US: "counterparty_name",
  CARD: "merchant_name",
};

/** A constant as an SQL literal (a column's generating expression takes no parameters). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The other party's field as text: null on a rail without one, or when the field is missing. */
export const COUNTERPARTY_SQL = `"details" ->> (CASE "rail" ${Object.entries(COUNTERPARTY)
  .map(([rail, field]) => `WHEN ${literal(rail)} THEN ${literal(field)}`)
  .join(" ")} END)`;

/**
 * Whether a rail's counterparty is one the CSV's line writer leaves to the list's path: on the
 * rails that carry one, a value that is not text, or no text at all on an ACH.
 */
function partyNeedsJs(rail: string): string {
  const party = COUNTERPARTY[rail];
  if (party === undefined) return "false";
  const type = `jsonb_typeof("details" -> ${literal(party)})`;
  if (rail === "ACH") return `${type} IS DISTINCT FROM 'string'`;
  return `coalesce(${type}, 'null') NOT IN ('string', 'null')`;
}

/**
 * Whether a flow's details are ones the CSV's query cannot vouch for, as the line writer reads
 * them: an unknown rail, details that are not an object or name a base field, a counterparty
 * that is not text.
 */
const byRail = TRANSACTION_TYPES.map((rail) => `WHEN ${literal(rail)} THEN ${partyNeedsJs(rail)}`);
export const DETAILS_NEED_JS_SQL = [
  `(CASE "rail" ${byRail.join(" ")} ELSE true END)`,
  `jsonb_typeof("details") <> 'object'`,
  `"details" ?| ARRAY[${BASE_FIELDS.map(literal).join(", ")}]`,
].join(" OR ");
