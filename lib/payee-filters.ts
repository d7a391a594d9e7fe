/**
 * The payee list's filters, kept in the URL (`?type=wire&status=PENDING&unlinked=1`) so Back undoes
 * a filter and a filtered list can be shared. Read by the server page and the browser alike.
 */
import { z } from "zod";
import { type Counterparty, CounterpartyStatus, CounterpartyType } from "./jiko/counterparties";

export const PayeeFilters = z.object({
  type: CounterpartyType.optional(),
  status: CounterpartyStatus.optional(),
  /** Unlinked payees are history: hidden unless asked for. */
  unlinked: z.boolean().optional(),
});
export type PayeeFilters = z.infer<typeof PayeeFilters>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The filters in a URL's search params; a value that is not one of Jiko's codes is ignored. */
export function parsePayeeFilters(
  params: Record<string, string | string[] | undefined>,
): PayeeFilters {
  const type = CounterpartyType.safeParse(first(params.type));
  const status = CounterpartyStatus.safeParse(first(params.status));
  return {
    type: type.success ? type.data : undefined,
    status: status.success ? status.data : undefined,
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
