/**
 * The sandbox's T-bill yield curve: a deterministic function of (pricing date, days to maturity)
 * giving a discount rate. A smooth path through anchor dates (roughly 2024–2026 T-bills: about
 * 5.2% falling toward ~3.9%, inverted early and gently upward-sloped later), a slow wave and a
 * small day-to-day wiggle from a PRNG seeded by the date, so every run prices the same.
 *
 * Rates are integers in units of 0.001 % (1e-5 as a fraction): 4215 = 4.215 % = 0.04215, the
 * precision at which T-bill discount rates are quoted.
 */
import { daysBetween } from "../../lib/jiko/business-days";

/** The curve's key tenors, in days to maturity (4, 13, 26, 52 weeks). */
export const TENORS = [28, 91, 182, 364] as const;

/** [date, 4-week rate %, 52-week minus 4-week spread %]. Before the first / after the last: flat. */
const ANCHORS: ReadonlyArray<readonly [string, number, number]> = [
  ["2024-01-01", 5.28, -0.4],
  ["2024-11-15", 5.15, -0.45],
  ["2025-05-01", 4.7, -0.35],
  ["2025-11-01", 4.25, -0.2],
  ["2026-05-01", 4.0, -0.05],
  ["2026-11-01", 3.9, 0.1],
  ["2027-11-01", 3.85, 0.15],
];
/** Where each tenor sits between the 4-week rate (0) and the 52-week rate (1). */
const SHAPE = [0, 0.3, 0.6, 1] as const;

const smoothstep = (x: number) => x * x * (3 - 2 * x);

function level(date: string): { base: number; spread: number } {
  const first = ANCHORS[0]!;
  const last = ANCHORS[ANCHORS.length - 1]!;
  if (date <= first[0]) return { base: first[1], spread: first[2] };
  if (date >= last[0]) return { base: last[1], spread: last[2] };
  for (let i = 1; i < ANCHORS.length; i++) {
    const [d1, b1, s1] = ANCHORS[i]!;
    if (date > d1) continue;
    const [d0, b0, s0] = ANCHORS[i - 1]!;
    const x = smoothstep(daysBetween(d0, date) / daysBetween(d0, d1));
    return { base: b0 + (b1 - b0) * x, spread: s0 + (s1 - s0) * x };
  }
  return { base: last[1], spread: last[2] };
}

/** FNV-1a of the date, then mulberry32: a fixed-seed PRNG per date. */
function prng(date: string): () => number {
  let h = 0x811c9dc5 ^ 0x5eed;
  for (let i = 0; i < date.length; i++) h = Math.imul(h ^ date.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cache = new Map<string, readonly number[]>();

/** The four tenor rates of a date, in 0.001 % units. */
export function tenorRates(date: string): readonly number[] {
  const hit = cache.get(date);
  if (hit) return hit;
  const { base, spread } = level(date);
  const rand = prng(date);
  const day = daysBetween("2024-01-01", date);
  // A slow wave (±5 bp, ~3 months) and a daily wiggle (±1.5 bp common, ±0.5 bp per tenor).
  const shift = 0.05 * Math.sin((2 * Math.PI * day) / 97) + (rand() - 0.5) * 0.03;
  const rates = SHAPE.map((w) => {
    const pct = Math.max(0.5, base + shift + spread * w + (rand() - 0.5) * 0.01);
    return Math.round(pct * 1000);
  });
  if (cache.size > 5000) cache.clear();
  cache.set(date, rates);
  return rates;
}

/** Discount rate (0.001 % units) for `days` to maturity on `date`: linear between tenors. */
export function discountRate(date: string, days: number): number {
  const rates = tenorRates(date);
  if (days <= TENORS[0]) return rates[0]!;
  for (let i = 1; i < TENORS.length; i++) {
    const t1 = TENORS[i]!;
    if (days > t1) continue;
    const t0 = TENORS[i - 1]!;
    const r0 = rates[i - 1]!;
    const r1 = rates[i]!;
    return Math.round(r0 + ((r1 - r0) * (days - t0)) / (t1 - t0));
  }
  return rates[TENORS.length - 1]!;
}
