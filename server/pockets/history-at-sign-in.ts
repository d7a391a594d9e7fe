import "server-only";
import { after } from "next/server";
import type { JikoClient } from "../jiko";
import { log } from "../log";
import { processWide } from "../process-wide";
import { allPockets } from "./all-pockets";
import { earningsSeries } from "./earnings-series";

/** Sessions whose history fill this instance has started; bounded, oldest dropped first. */
const started = processWide("history-fill:started-sessions", () => new Set<string>());
const MAX_REMEMBERED = 10_000;

/**
 * Starts the team's history fill on a session's first page, whichever page a sign-in lands on,
 * once the page has been sent (Next's `after`), so the fill never competes with the page it
 * follows. Closed months already in the database for the team cost one pockets read and the
 * pockets' spans (kept a minute), and no earnings call.
 */
export function fillHistoryAfterSignIn(session: {
  sessionToken: string;
  userId: string;
  jiko: JikoClient;
}): void {
  if (started.has(session.sessionToken)) return;
  started.add(session.sessionToken);
  if (started.size > MAX_REMEMBERED) started.delete(started.values().next().value as string);
  after(async () => {
    try {
      const pockets = (await allPockets(session.jiko)).filter((p) => p.status !== "CLOSED");
      // Reading the series queues what the database lacks (and only that) for the fill.
      await earningsSeries(session.userId, session.jiko, pockets);
    } catch (err) {
      // The overview starts it too: a failure here only means it starts there.
      started.delete(session.sessionToken);
      log.warn({ err }, "the earnings history could not start filling after sign-in");
    }
  });
}
