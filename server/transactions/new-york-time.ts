import "server-only";
import { nyDateTimeWithOffset } from "@/lib/dates";

/**
 * New York times for the transactions export: a UTC instant as the local time with its offset,
 * as nyDateTimeWithOffset writes it, with the zone's offset worked out once per day or hour
 * rather than per row.
 */

const DAY_MS = 86_400_000;
/** Zones change offset on a quarter hour at most. */
const QUARTER_HOUR_MS = 15 * 60_000;

interface Offset {
  minutes: number;
  suffix: string;
}

/** New York's offset at an instant on a whole second, read from nyDateTimeWithOffset itself. */
function offsetAt(instant: number): Offset {
  const start = new Date(instant).toISOString();
  const text = nyDateTimeWithOffset(start);
  const minutes = Math.round((Date.parse(`${text.slice(0, 19)}Z`) - instant) / 60_000);
  return { minutes, suffix: text.slice(19) };
}

/**
 * nyDateTimeWithOffset with the zone's offset looked up once per UTC day (a time-zone formatter
 * per row was most of the export's time): a day that starts and ends on the same offset keeps it
 * throughout (New York changes twice a year, months apart); the two days that change are looked
 * up per quarter hour.
 */
function exactNewYorkTimes() {
  const days = new Map<number, Offset | null>();
  const quarters = new Map<number, Offset>();
  return (iso: string | undefined): string => {
    const instant = iso ? Date.parse(iso) : Number.NaN;
    if (Number.isNaN(instant)) return "";
    const day = Math.floor(instant / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      if (days.size > 10_000) days.clear();
      const first = offsetAt(day * DAY_MS);
      const last = offsetAt((day + 1) * DAY_MS - 1_000);
      offset = first.suffix === last.suffix ? first : null;
      days.set(day, offset);
    }
    if (offset === null) {
      const quarter = Math.floor(instant / QUARTER_HOUR_MS);
      offset = quarters.get(quarter);
      if (!offset) {
        if (quarters.size > 10_000) quarters.clear();
        offset = offsetAt(quarter * QUARTER_HOUR_MS);
        quarters.set(quarter, offset);
      }
    }
    // Years beyond 9999 do not fit the pattern: the formatter itself answers for them.
    if (Number.isNaN(offset.minutes)) return nyDateTimeWithOffset(iso as string);
    const local = new Date(Math.floor(instant / 1000) * 1000 + offset.minutes * 60_000);
    return `${local.toISOString().slice(0, 19)}${offset.suffix}`;
  };
}

/** A UTC time as Jiko writes it: "2026-12-03T22:59:55.091Z" (fraction optional). */
export const UTC_TIME = /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

/** A UTC hour in New York: the local "YYYY-MM-DDTHH" and the offset written after the seconds. */
export interface LocalHour {
  hour: string;
  suffix: string;
}

/**
 * exactNewYorkTimes, without a Date per row for Jiko's own format (a parse and a Date per row were
 * nearly half of the rows' own work, and Next's server wraps the Date constructor, which makes
 * each one dearer still): New York is a whole number of hours from UTC and
 * changes offset on a UTC hour, so the local hour and the offset are worked out once per UTC
 * hour and the minutes and seconds kept as written. Anything else goes the exact way.
 */
export function newYorkTimes() {
  const exact = exactNewYorkTimes();
  const hours = new Map<string, LocalHour | null>();
  const hourOf = (key: string): LocalHour | null => {
    const first = exact(`${key}:00:00Z`);
    const last = exact(`${key}:59:59Z`);
    const whole = first.slice(13, 19) === ":00:00" && last.slice(13, 19) === ":59:59";
    return whole && first.slice(19) === last.slice(19)
      ? { hour: first.slice(0, 13), suffix: first.slice(19) }
      : null;
  };
  /** The hour `key` ("YYYY-MM-DDTHH", UTC), remembered; null when it is not one whole offset. */
  const localHour = (key: string): LocalHour | null => {
    let local = hours.get(key);
    if (local === undefined) {
      if (hours.size > 100_000) hours.clear();
      local = hourOf(key);
      hours.set(key, local);
    }
    return local;
  };
  return {
    localHour,
    format(iso: string | undefined): string {
      if (!iso || !UTC_TIME.test(iso)) return exact(iso);
      const local = localHour(iso.slice(0, 13));
      return local ? `${local.hour}${iso.slice(13, 19)}${local.suffix}` : exact(iso);
    },
  };
}
