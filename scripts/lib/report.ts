/**
 * The figures a benchmark hands to `npm run bench`: with `--json <file>` each script writes its
 * rows there (its human output stays as it was). A target is a bound on the value, or on the
 * ratio to the baseline when there is one: `met` says whether this run held it.
 */
import { writeFileSync } from "node:fs";

export interface Row {
  figure: string;
  /** null: the figure could not be measured (`error` says why). */
  value: number | null;
  unit: string;
  baseline?: number;
  baselineLabel?: string;
  /** value / baseline, when both exist. */
  ratio?: number;
  /** e.g. "≤ 500 ms", "≤ 1.3×", "≥ 100,000 rows/s". */
  target?: string;
  met?: boolean;
  error?: string;
}

/** A bound on the value itself (`max`, `min`) or on value / baseline (`ratioMax`, `ratioMin`). */
export interface Bound {
  max?: number;
  min?: number;
  ratioMax?: number;
  ratioMin?: number;
}

const num = (n: number) => n.toLocaleString("en-US");

/** A row with its ratio, target and `met` worked out from the bound. */
export function figure(
  name: string,
  value: number,
  unit: string,
  o: Bound & { baseline?: number; baselineLabel?: string } = {},
): Row {
  const row: Row = { figure: name, value, unit };
  if (o.baseline !== undefined) {
    row.baseline = o.baseline;
    row.baselineLabel = o.baselineLabel;
    if (o.baseline > 0) row.ratio = value / o.baseline;
  }
  const checks: { ok: boolean; text: string }[] = [];
  const ratio = row.ratio ?? Number.NaN;
  if (o.max !== undefined) checks.push({ ok: value <= o.max, text: `≤ ${num(o.max)} ${unit}` });
  if (o.min !== undefined) checks.push({ ok: value >= o.min, text: `≥ ${num(o.min)} ${unit}` });
  if (o.ratioMax !== undefined)
    checks.push({ ok: ratio <= o.ratioMax, text: `≤ ${o.ratioMax}× baseline` });
  if (o.ratioMin !== undefined)
    checks.push({ ok: ratio >= o.ratioMin, text: `≥ ${o.ratioMin}× baseline` });
  if (checks.length) {
    row.target = checks.map((c) => c.text).join(", ");
    row.met = checks.every((c) => c.ok);
  }
  return row;
}

/** A figure that could not be measured, with the reason. */
export const failed = (name: string, reason: unknown, target?: string): Row => ({
  figure: name,
  value: null,
  unit: "",
  target,
  met: target ? false : undefined,
  error: (reason instanceof Error ? reason.message : String(reason)).split("\n")[0]!.slice(0, 200),
});

/** `--json <file>` from argv, if given. */
export function jsonTarget(argv = process.argv.slice(2)): string | undefined {
  const i = argv.indexOf("--json");
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Collects rows and writes them when asked (and on every add, so a crash keeps what was measured). */
export function reporter(argv = process.argv.slice(2)) {
  const file = jsonTarget(argv);
  const rows: Row[] = [];
  const flush = () => {
    if (file) writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
  };
  flush();
  return {
    rows,
    add(...more: Row[]) {
      rows.push(...more);
      flush();
    },
  };
}

/** Rejects after `ms` with a sentence naming what did not finish. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
