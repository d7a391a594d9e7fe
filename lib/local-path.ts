import { z } from "zod";

/**
 * A path on this site (path and query), or "/": a crafted link or form can never send a person
 * to another origin after signing in or switching team. Refuses protocol-relative `//host`,
 * absolute URLs, backslashes (browsers read `/\host` as `//host`) and whitespace or controls.
 */
export const LocalPath = z
  .string()
  .regex(/^\/(?![/\\])[^\s\\]*$/)
  .refine((path) => [...path].every((ch) => ch.charCodeAt(0) > 0x1f && ch !== "\u007f"))
  .catch("/");

/** The local path of a same-origin URL (e.g. a Referer), or undefined for any other origin. */
export function localPathOf(url: string | null | undefined, origin: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== origin) return undefined;
    const path = LocalPath.parse(parsed.pathname + parsed.search);
    return path;
  } catch {
    return undefined;
  }
}
