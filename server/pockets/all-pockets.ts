import "server-only";
import { cache } from "react";
import type { Pocket } from "@/lib/jiko/pockets";
import { queryKeys } from "@/lib/query-keys";
import type { JikoClient } from "../jiko";

/**
 * Jiko's first page of pockets, read once per page render (React's cache): a page that lists the
 * pockets and also needs all of them asks Jiko once.
 */
const firstPage = cache((jiko: JikoClient) => jiko.pockets({ limit: 100 }));

/**
 * A customer's pockets, page by page over Jiko's cursor (bounded: a runaway cursor stops). Read
 * once per page render (React's cache): the overview's figures and its history share one read.
 */
export const allPockets = cache(async (jiko: JikoClient, maxPages = 10): Promise<Pocket[]> => {
  const pockets: Pocket[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const list = cursor ? await jiko.pockets({ cursor, limit: 100 }) : await firstPage(jiko);
    pockets.push(...list.items);
    if (!list.next_page) break;
    cursor = list.next_page;
  }
  return pockets;
});

/** The first page of pockets under the key the browser's `usePockets` reads, for server prefetch. */
export const pocketListQuery = (jiko: JikoClient) => ({
  queryKey: queryKeys.pockets(),
  queryFn: () => firstPage(jiko),
});
