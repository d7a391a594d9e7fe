// No zod here: the pocket page's actions check a name as it is typed, at first load
// (lib/jiko/pockets.ts holds the schemas, built on these rules).

export const POCKET_NAME_MAX = 64; // INFERRED: Jiko does not publish the limit.

/**
 * Why a pocket's name as a person typed it is refused, or undefined. It is shown everywhere, so
 * no control characters; surrounding spaces do not count.
 */
export function pocketNameIssue(typed: string): string | undefined {
  const name = typed.trim();
  if (name.length < 1) return "Give the pocket a name";
  if (name.length > POCKET_NAME_MAX) return `Keep the name under ${POCKET_NAME_MAX} characters`;
  if (/\p{Cc}/u.test(name))
    return "The name cannot contain tabs, line breaks or control characters";
  return undefined;
}

/** INFERRED: Jiko requires a closure_reason but does not publish its values. */
export const CLOSURE_REASONS = [
  "NO_LONGER_NEEDED",
  "CONSOLIDATING_POCKETS",
  "MOVING_FUNDS_ELSEWHERE",
  "OTHER",
] as const;
