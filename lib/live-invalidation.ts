/**
 * Which cached queries a Jiko event makes stale. Pages re-read through React Query, so an event
 * only names what changed; the data itself still comes from Jiko with the person's own token.
 */
import { queryKeys } from "./query-keys";

type Key = readonly unknown[];

const MONEY: Key[] = [
  queryKeys.pockets(),
  ["pocket"],
  queryKeys.overview(),
  ["transactions"],
  ["trades"],
  ["transfers"],
];

/** By the event type's first words, most specific first. */
const RULES: Array<[prefix: string, keys: Key[]]> = [
  ["transfer_requests.", [["transfers"], queryKeys.pockets(), queryKeys.overview()]],
  ["transfers.", MONEY],
  ["transactions.", MONEY],
  ["counterparties.", [queryKeys.counterparties()]],
  ["team.", [queryKeys.team(), ["audit-log"], queryKeys.viewer()]],
  ["reports.", [queryKeys.reports()]],
  ["webhooks.", [["webhooks"]]],
];

/**
 * The query keys (prefixes) to invalidate for an event. Every event also refreshes the bell and
 * the webhook settings' event list; an event type we do not know refreshes everything money.
 */
export function keysToInvalidate(eventType: string): Key[] {
  const rule = RULES.find(([prefix]) => eventType.startsWith(prefix));
  return [...(rule ? rule[1] : MONEY), queryKeys.notifications(), ["webhooks", "events"]];
}
