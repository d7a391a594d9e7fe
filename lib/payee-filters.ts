/**
 * The payee list's filters, kept in the URL (`?type=wire&status=PENDING&unlinked=1`) so Back undoes
 * a filter and a filtered list can be shared. Read by the server page and the browser alike.
 */
// No zod here: the payees page reads and applies these at first load (lib/payee-filter-schemas.ts
// holds the schema the filter bar checks with).
import type { Counterparty } from "./jiko/counterparties";
import { COUNTERPARTY_STATUSES, COUNTERPARTY_TYPES } from "./jiko/counterparty-terms";
import type { PayeeFilters } from "./payee-filter-schemas";

export type { PayeeFilters };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The value when it is one of the codes, else undefined. */
const oneOf = <T extends string>(codes: readonly T[], v: string | undefined): T | undefined =>
  codes.find((c) => c === v);

/** The filters in a URL's search params; a value that is not one of Jiko's codes is ignored. */
export function parsePayeeFilters(
  params: Record<string, string | string[] | undefined>,
): PayeeFilters {
  return {
    type: oneOf(COUNTERPARTY_TYPES, first(params.type)),
    status: oneOf(COUNTERPARTY_STATUSES, first(params.status)),
    unlinked: first(params.unlinked) === "1" || undefined,
  };
}

export function payeeFiltersToSearch(f: PayeeFilters): string {
  const search = new URLSearchParams();
  if (f.type) search.set("type", f.type);
  if (f.status) search.set("status", f.status);
  if (f.unlinked) search.set("unlinked", "1");
  return search.toString();
}

/** The payees the filters let through; asking for Unlinked shows them whatever the checkbox. */
export function filterPayees(items: readonly Counterparty[], f: PayeeFilters): Counterparty[] {
  return items.filter(
    (c) =>
      (!f.type || c.type === f.type) &&
      (!f.status || c.status === f.status) &&
      (c.status !== "UNLINKED" || f.unlinked || f.status === "UNLINKED"),
  );
}
