/**
 * The sandbox clock and the engine's catch-up. today = the New York date of the wall clock +
 * `offset_days` (persisted; `POST /_sandbox/clock` raises it). The engine has run every day up to
 * `processed_through`; whenever a later day's trading time has passed (start-up, the morning's
 * trades, an advance), the days in between run one by one, in one transaction: a day runs when its
 * trades are struck (engine.ts `lastRunDay`), so no trade is booked ahead of the sandbox's now.
 * Calls are serialized.
 */
import { eq } from "drizzle-orm";
import { addDays } from "../../lib/jiko/business-days";
import type { DbOrTx, SandboxDb } from "../db/open";
import { sandboxClock } from "../db/schema";
import { lastRunDay } from "./engine";
import { bookedFlows, loadBooks, runDays, writeRun } from "./store";

const DAY_MS = 86_400_000;
const NY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/New_York",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The New York calendar date of an instant, "YYYY-MM-DD". */
export const newYorkDate = (at: Date) => NY.format(at);

export interface ClockRow {
  seededOn: string;
  offsetDays: number;
  processedThrough: string;
}

export async function writeClock(db: DbOrTx, row: ClockRow) {
  await db
    .insert(sandboxClock)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: sandboxClock.id, set: row });
}

export class SandboxClock {
  private queue: Promise<unknown> = Promise.resolve();
  private row?: ClockRow;

  constructor(
    private readonly db: SandboxDb,
    /** The wall clock (tests may pin it). */
    readonly wallNow: () => Date = () => new Date(),
  ) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<ClockRow> {
    if (this.row) return this.row;
    const [row] = await this.db.select().from(sandboxClock).where(eq(sandboxClock.id, 1));
    if (row) {
      this.row = {
        seededOn: row.seededOn,
        offsetDays: row.offsetDays,
        processedThrough: row.processedThrough,
      };
    } else {
      // A database seeded before the ledger existed: start the clock today, pockets empty.
      const today = newYorkDate(this.wallNow());
      this.row = { seededOn: today, offsetDays: 0, processedThrough: addDays(today, -1) };
      await writeClock(this.db, this.row);
    }
    return this.row;
  }

  /** Today on the sandbox clock (catching up first). */
  async today(): Promise<string> {
    await this.catchUp();
    return this.todayOf(this.row!);
  }

  private todayOf(row: ClockRow) {
    return addDays(newYorkDate(this.wallNow()), row.offsetDays);
  }

  private nowOf(row: ClockRow) {
    return new Date(this.wallNow().getTime() + row.offsetDays * DAY_MS);
  }

  /** The sandbox's "now": the wall clock moved by the offset (pricing timestamps). */
  async now(): Promise<Date> {
    return this.nowOf(await this.load());
  }

  async view(): Promise<{ today: string; offset_days: number }> {
    const today = await this.today();
    return { today, offset_days: this.row!.offsetDays };
  }

  /** Runs the engine over the days since the last processed one. */
  catchUp(): Promise<void> {
    return this.serial(async () => {
      const row = await this.load();
      const through = lastRunDay(this.todayOf(row), this.nowOf(row));
      if (row.processedThrough >= through) return;
      const from = addDays(row.processedThrough, 1);
      await this.db.transaction(async (tx) => {
        const books = await loadBooks(tx, row.processedThrough);
        const booked = await bookedFlows(tx, from, through);
        const run = runDays(books, from, through, (d) => booked.filter((f) => f.date === d));
        await writeRun(tx, books, run, { writeFlows: false });
        await writeClock(tx, { ...row, processedThrough: through });
      });
      this.row = { ...row, processedThrough: through };
    });
  }

  /**
   * Runs `fn` between the engine's day runs, never during one: a change to lots or flows made
   * here cannot be overwritten by a run that loaded the books before it. `fn` must not call
   * `today()` or `catchUp()` (they wait for this queue).
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.serial(fn);
  }

  /** Moves the clock forward `days` and catches up. */
  async advance(days: number) {
    await this.serial(async () => {
      const row = await this.load();
      const next = { ...row, offsetDays: row.offsetDays + days };
      await writeClock(this.db, next);
      this.row = next;
    });
    return this.view();
  }

  /** After a reseed or an external write of the clock row. */
  forget() {
    this.row = undefined;
  }
}
