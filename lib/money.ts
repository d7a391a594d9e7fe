/**
 * Money is integer cents everywhere; this is the one place it becomes text. The cents are turned
 * into an exact decimal string (no division into a float) that Intl formats.
 */
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const usdCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

export function centsToDecimalString(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, "0");
  return `${sign}${whole}.${frac}`;
}

/** A decimal amount ("1234.56", "-0.5") back to cents, exactly; a RangeError otherwise. */
export function decimalStringToCents(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal amount: ${text}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -cents : cents;
}

/** An amount as people type it, read into cents; or why it cannot be read. */
export type TypedAmount = { ok: true; cents: number } | { ok: false; message: string };

/** The largest amount a filter takes: 13 digits of dollars, well inside a safe integer of cents. */
const MAX_TYPED_DOLLARS_DIGITS = 13;

/**
 * Dollars as people type them, forgiving: "1,000", "1000.5", "$1,000", "$ 1,000.50", " 25 ".
 * Commas must group thousands ("1,00" is refused rather than guessed), at most two decimals, no
 * sign (the direction filter says in or out). Read digit by digit into integer cents: no float.
 */
export function parseTypedDollars(text: string): TypedAmount {
  const t = text.trim().replace(/^\$\s*/, "");
  if (t === "") return { ok: false, message: "Enter an amount" };
  if (/^[-+(]|^\$/.test(t)) {
    return { ok: false, message: "Enter the amount without a sign: the direction says in or out" };
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === undefined && !m[2])) {
    return { ok: false, message: "Enter an amount like 1,250 or 1250.50" };
  }
  const whole = (m[1] ?? "0").replaceAll(",", "").replace(/^0+(?=\d)/, "");
  const frac = m[2] ?? "";
  if (frac.length > 2) return { ok: false, message: "Use at most two decimals (cents)" };
  if (whole.length > MAX_TYPED_DOLLARS_DIGITS) {
    return { ok: false, message: "That amount is too large" };
  }
  return { ok: true, cents: Number(whole) * 100 + Number(frac.padEnd(2, "0")) };
}

type DecimalFormatter = { format(value: string): string };
const exact = (f: Intl.NumberFormat) => f as unknown as DecimalFormatter;

/** "$1,234,567.89" */
export const formatCents = (cents: number) => exact(usd).format(centsToDecimalString(cents));

/** "$1.2M", for chart axes. */
export const formatCentsCompact = (cents: number) =>
  exact(usdCompact).format(centsToDecimalString(cents));

/** A yield given as a decimal fraction string ("0.043125") → "4.31%". */
export function formatRate(fraction: string, digits = 2): string {
  const pct = new Intl.NumberFormat("en-US", {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return exact(pct).format(fraction);
}
