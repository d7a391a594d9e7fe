/**
 * Business days as Jiko's earnings periods use them ("through to the current day if business day,
 * or last business day"): Monday to Friday in America/New_York, except the US federal holidays the
 * Federal Reserve observes. Computed by rule for any year. A holiday on a Sunday is observed on the
 * Monday; one on a Saturday is not moved (the Fed stays open the Friday before).
 *
 * Dates are "YYYY-MM-DD" strings (New York calendar days); the arithmetic runs on UTC midnights so
 * no time zone or DST can shift a day. Pure: shared by the dashboard and the sandbox.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (fromUtc(t) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return t;
}

const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);
const ymd = (y: number, m: number, d: number) => fromUtc(Date.UTC(y, m - 1, d));
/** 0 = Sunday … 6 = Saturday. */
const weekday = (date: string) => new Date(toUtc(date)).getUTCDay();

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** The n-th (1-based) `dow` of a month, or the last one for n = -1. */
function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return ymd(year, month, 1 + ((dow - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0));
  const back = (lastDay.getUTCDay() - dow + 7) % 7;
  return ymd(year, month, lastDay.getUTCDate() - back);
}

/** Fixed-date holidays move to Monday when on a Sunday; a Saturday one is simply lost (Fed rule). */
const sundayToMonday = (date: string) => (weekday(date) === 0 ? addDays(date, 1) : date);

const cache = new Map<number, ReadonlySet<string>>();

/** The Federal Reserve's observed holidays of a year (observed dates, not the nominal ones). */
export function federalHolidays(year: number): ReadonlySet<string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = [
    sundayToMonday(ymd(year, 1, 1)), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday (Presidents Day)
    nthWeekday(year, 5, 1, -1), // Memorial Day
    ...(year >= 2022 ? [sundayToMonday(ymd(year, 6, 19))] : []), // Juneteenth (Fed from 2022)
    sundayToMonday(ymd(year, 7, 4)), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    sundayToMonday(ymd(year, 11, 11)), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    sundayToMonday(ymd(year, 12, 25)), // Christmas Day
  ];
  // A Saturday holiday is not observed at all by the Fed (it stays open the Friday before).
  const set = new Set(days.filter((d) => weekday(d) !== 6));
  cache.set(year, set);
  return set;
}

export function isBusinessDay(date: string): boolean {
  const dow = weekday(date);
  if (dow === 0 || dow === 6) return false;
  return !federalHolidays(Number(date.slice(0, 4))).has(date);
}

export function lastBusinessDayOnOrBefore(date: string): string {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, -1);
  return d;
}

export function nextBusinessDayOnOrAfter(date: string): string {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

export type PeriodToDate = "wtd" | "mtd" | "ytd";

/** First calendar day of the week (Monday), month or year containing `today`. */
export function periodStart(period: PeriodToDate, today: string): string {
  toUtc(today);
  switch (period) {
    case "wtd":
      return addDays(today, -((weekday(today) + 6) % 7));
    case "mtd":
      return `${today.slice(0, 7)}-01`;
    case "ytd":
      return `${today.slice(0, 4)}-01-01`;
  }
}
