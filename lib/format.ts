/** Display formatting, applied only at the edge. */

/** E.164 → "+1 (415) 555-0100" for North American numbers; other numbers unchanged. */
export function formatPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164.replace(/[\s()-]/g, ""));
  return nanp ? `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}
