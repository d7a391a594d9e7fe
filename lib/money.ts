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
