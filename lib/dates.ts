/** Dates for people: business days live in America/New_York (Jiko's and the Treasury market's). */
export const BUSINESS_TIME_ZONE = "America/New_York";

/** One formatter per zone: making one costs far more than formatting with it. */
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, format);
  }
  return format;
}

/** Minutes to add to UTC to get local time in the zone at that instant. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a calendar day ("YYYY-MM-DD") starts in the zone, as an ISO string in UTC. */
export function startOfDay(day: string, timeZone = BUSINESS_TIME_ZONE): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  // Across a DST change the offset at the result can differ from the guess's: settle it.
  instant = guess - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** The last millisecond of a calendar day in the zone. */
export function endOfDay(day: string, timeZone = BUSINESS_TIME_ZONE): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(
    Date.parse(startOfDay(next.toISOString().slice(0, 10), timeZone)) - 1,
  ).toISOString();
}

const dateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: BUSINESS_TIME_ZONE,
  dateStyle: "medium",
  timeStyle: "short",
});
const dateOnly = new Intl.DateTimeFormat("en-US", {
  timeZone: BUSINESS_TIME_ZONE,
  dateStyle: "medium",
});

export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} ET`;
export const formatDate = (iso: string) => dateOnly.format(new Date(iso));

const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: BUSINESS_TIME_ZONE });
/** The New York calendar day ("YYYY-MM-DD") an instant falls on. */
export const nyDate = (iso: string) => isoDay.format(new Date(iso));

/**
 * An instant as New York wall-clock time with its offset ("2026-03-08T03:30:00-04:00"): what a
 * spreadsheet user reads beside the page's times, still unambiguous across DST.
 */
export function nyDateTimeWithOffset(iso: string, timeZone = BUSINESS_TIME_ZONE): string {
  const instant = Date.parse(iso);
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(Math.floor(instant / 1000) * 1000 + offset * 60_000).toISOString();
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local.slice(0, 19)}${offset < 0 ? "-" : "+"}${hh}:${mm}`;
}
