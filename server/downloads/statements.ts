import "server-only";
import type { StatementListQuery, StatementSummaryList } from "@/lib/jiko/statements";
import type { JikoClient } from "../jiko";

/**
 * The statements list for the browser (the route's JSON and the page's prefetched data): every
 * statement without its signed PDF link, which never leaves the server.
 */
export async function statementsForBrowser(
  jiko: JikoClient,
  query: StatementListQuery,
): Promise<StatementSummaryList> {
  const list = await jiko.statements(query);
  return {
    ...list,
    items: list.items.map(({ pdf_download_url: _link, ...summary }) => summary),
  };
}
