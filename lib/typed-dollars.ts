/**
 * Amounts as people type them into the filters and the transfer form, read into integer cents.
 * Apart from lib/money.ts, which every page loads to show amounts, so that only the pages that
 * read typed amounts load this.
 */

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
