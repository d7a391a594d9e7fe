/**
 * The check rules of bank identifiers, as the networks define them (not Jiko's guesses): ABA
 * routing numbers (3-7-1 weighted check digit), IBANs (ISO 13616 mod 97 and each country's
 * length) and SWIFT/BIC codes (ISO 9362 shape).
 */

/** ABA: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10), and not all zeros. */
export function isValidAbaRouting(routing: string): boolean {
  if (!/^\d{9}$/.test(routing) || routing === "000000000") return false;
  const d = [...routing].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

/** IBAN lengths of the countries a US company most often pays (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AT: 20,
  BE: 16,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IT: 27,
  LT: 20,
  LU: 20,
  LV: 21,
  MT: 31,
  MX: 18,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  AE: 23,
  TR: 26,
  BR: 29,
};

/** An IBAN without spaces: its country's length, then mod 97 of the rearranged number is 1. */
export function isValidIban(input: string): boolean {
  const iban = input.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** BIC: 4 letters (bank), 2 letters (country), 2 letters or digits (place), optional 3 (branch). */
export function isValidSwift(code: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(code.trim().toUpperCase());
}
