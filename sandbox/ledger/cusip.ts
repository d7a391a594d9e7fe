/**
 * CUSIPs of the sandbox's T-bills: every bill maturing on one date shares one, like a Treasury
 * issue. "912797" (the Treasury bill issuer number) + two base-36 characters from the maturity
 * date (days since 2020-01-01, modulo 36² = 1 296, so ids repeat only ~3.5 years apart) + the
 * standard CUSIP check digit.
 */
import { daysBetween } from "../../lib/jiko/business-days";

const B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The CUSIP check digit of the first 8 characters (modulus 10, double-add-double). */
export function cusipCheckDigit(base: string): number {
  if (!/^[0-9A-Z*@#]{8}$/.test(base)) throw new RangeError(`not a CUSIP base: ${base}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = base[i]!;
    let v = c >= "0" && c <= "9" ? Number(c) : c >= "A" && c <= "Z" ? B36.indexOf(c) : 0;
    if (c === "*") v = 36;
    if (c === "@") v = 37;
    if (c === "#") v = 38;
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidCusip(cusip: string): boolean {
  return (
    /^[0-9A-Z*@#]{8}\d$/.test(cusip) && cusipCheckDigit(cusip.slice(0, 8)) === Number(cusip[8])
  );
}

export function billCusip(maturityDate: string): string {
  const n = ((daysBetween("2020-01-01", maturityDate) % 1296) + 1296) % 1296;
  const base = `912797${B36[Math.floor(n / 36)]}${B36[n % 36]}`;
  return `${base}${cusipCheckDigit(base)}`;
}

/** "US Treasury Bill 03/27/2025" */
export function billDescription(maturityDate: string): string {
  const [y, m, d] = maturityDate.split("-");
  return `US Treasury Bill ${m}/${d}/${y}`;
}
