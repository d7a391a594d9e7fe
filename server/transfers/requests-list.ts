import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import type { TransferRequest } from "@/lib/jiko/transfers";
import { queryKeys } from "@/lib/query-keys";
import { pocketListQuery } from "../pockets/all-pockets";
import type { Viewer } from "../viewer";
import { allCounterparties, allTransferRequests } from "./lists";

/** mine: what I asked for; decided: the history of decisions; all: everything. */
export type RequestsView = "mine" | "decided" | "all";

/** The team's transfer requests in one view of the list, newest first. */
export async function requestsInView(
  viewer: Viewer,
  view: RequestsView,
): Promise<{ items: TransferRequest[] }> {
  const all = await allTransferRequests(viewer.jiko);
  const items =
    view === "mine"
      ? all.filter((r) => r.created_by.id === viewer.memberId)
      : view === "decided"
        ? all.filter((r) => r.status !== "PENDING")
        : all;
  return { items };
}

/**
 * What a list of requests reads, under the keys its hooks use (components/transfers/
 * requests-list.tsx): the requests, every payee (unlinked ones too: an old request still names
 * whom it paid) and the pockets, so the list paints with the page.
 */
export const requestsListLoad = (viewer: Viewer, view: RequestsView) => (client: QueryClient) =>
  Promise.all([
    client.prefetchQuery({
      queryKey: queryKeys.transferRequests(view),
      queryFn: () => requestsInView(viewer, view),
    }),
    client.prefetchQuery({
      queryKey: queryKeys.allCounterparties(),
      queryFn: async () => ({ items: await allCounterparties(viewer.jiko) }),
    }),
    client.prefetchQuery(pocketListQuery(viewer.jiko)),
  ]);
