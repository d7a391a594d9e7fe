import "server-only";
import type { JikoClient } from "../jiko";

/**
 * When a pocket was closed, from the team's audit log (the pocket object carries no date). Only
 * the latest page of closings is read; an older closing, or a log this person may not read,
 * leaves the date unsaid rather than failing the page.
 */
export async function pocketClosedAt(jiko: JikoClient, pocketId: string): Promise<string | null> {
  try {
    const log = await jiko.auditLogs({ "action[]": ["pocket.closed"], limit: 100 });
    return log.items.find((e) => e.target_id === pocketId)?.timestamp ?? null;
  } catch {
    return null;
  }
}
