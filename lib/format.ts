/** Display formatting, applied only at the edge. */

/** E.164 → "+1 (415) 555-0100" for North American numbers; other numbers unchanged. */
export function formatPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164.replace(/[\s()-]/g, ""));
  return nanp ? `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}

const count = new Intl.NumberFormat("en-US");
const english = new Intl.PluralRules("en-US");

/**
 * "1 business day", "2 business days", "1,204 transactions": the count with the noun in the
 * right number. `many` defaults to `one` + "s"; give it for irregular nouns ("entry", "entries").
 * `more` adds "+" after the count for a list with further pages ("50+ trades").
 */
export function plural(
  n: number,
  one: string,
  many = `${one}s`,
  opts: { more?: boolean } = {},
): string {
  const noun = !opts.more && english.select(n) === "one" ? one : many;
  return `${count.format(n)}${opts.more ? "+" : ""} ${noun}`;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Up to two initials for an avatar: the first character of the first two words, upper-cased.
 * Characters are whole grapheme clusters, so an emoji or an accented letter written as a base
 * plus a combining mark stays whole ("🦊 Zoë" → "🦊Z", not half a surrogate pair).
 */
export function initials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? "")
    .join("")
    .toUpperCase();
}
