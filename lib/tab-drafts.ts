/**
 * Forms kept in this browser tab (sessionStorage) until they are sent: a session that ends while
 * a person fills one in takes them through sign-in and back to the page (a full navigation that
 * would otherwise lose what they typed). Each draft names its owner (the person's membership), so
 * whoever signs in next in the tab never sees another's draft, and sign-out clears the tab's
 * storage (components/providers/query-provider.tsx): keep nothing else in it.
 * Storage can be unavailable (disabled, full, a private window): a draft is then simply not kept.
 */

/**
 * What checks a draft's shape on the way back: a zod schema, or for a page that does not load
 * zod (27 kB compressed) a check of its own with the same `safeParse`.
 */
export interface DraftShape<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const PREFIX = "treasury-desk:draft:";
/** A draft older than this is not brought back: the person has moved on. */
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The storage a draft lives in: the tab's own, where there is one. */
type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Where and when a draft is read or written: the tab's storage, now, unless a test says. */
interface DraftPlace {
  storage?: DraftStorage | null;
  now?: number;
}

function tabStorage(): DraftStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

interface Stored {
  owner: string;
  savedAt: number;
  value: unknown;
}

/** What is stored as `name` for `owner`, recent enough, before any check of its shape. */
function storedValue(
  name: string,
  owner: string,
  { storage = tabStorage(), now = Date.now() }: DraftPlace,
) {
  try {
    const raw = storage?.getItem(PREFIX + name);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as Partial<Stored>;
    if (stored.owner !== owner || typeof stored.savedAt !== "number") return undefined;
    if (now - stored.savedAt > DRAFT_MAX_AGE_MS) return undefined;
    return { value: stored.value };
  } catch {
    return undefined;
  }
}

/** The draft `name` of `owner`, when there is one of the schema's shape and recent enough. */
export function readDraft<T>(
  name: string,
  owner: string,
  schema: DraftShape<T>,
  place: DraftPlace = {},
): T | null {
  const stored = storedValue(name, owner, place);
  if (!stored) return null;
  const value = schema.safeParse(stored.value);
  return value.success ? value.data : null;
}

/**
 * Whether `owner` left a draft `name` here: a page opens the form it belongs to, which reads it
 * (and checks its shape) itself.
 */
export function hasDraft(name: string, owner: string, place: DraftPlace = {}): boolean {
  return storedValue(name, owner, place) !== undefined;
}

/**
 * A form's values of the same kinds as its blank ones, key by key (text, yes/no, lists of text):
 * a dialog's draft, checked without a schema of its own. The form's rules run again on sending.
 */
export function shapeOf<T extends Record<string, unknown>>(blank: T): DraftShape<T> {
  const kind = (v: unknown) => (Array.isArray(v) ? "array" : typeof v);
  return {
    safeParse(value) {
      if (typeof value !== "object" || value === null) return { success: false };
      const v = value as Record<string, unknown>;
      const data: Record<string, unknown> = {};
      for (const [key, b] of Object.entries(blank)) {
        // Nested values are not checked here: a form with any keeps no draft this way.
        if (kind(b) === "object" || kind(v[key]) !== kind(b)) return { success: false };
        if (Array.isArray(b) && !(v[key] as unknown[]).every((x) => typeof x === "string"))
          return { success: false };
        data[key] = v[key];
      }
      return { success: true, data: data as T };
    },
  };
}

/** Whether a form's values are its blank ones, key by key: a blank form is no draft. */
export function isBlank(values: Record<string, unknown>, blank: Record<string, unknown>): boolean {
  return Object.keys(blank).every(
    (key) => JSON.stringify(values[key]) === JSON.stringify(blank[key]),
  );
}

export function writeDraft(
  name: string,
  owner: string,
  value: unknown,
  { storage = tabStorage(), now = Date.now() }: DraftPlace = {},
): void {
  const stored: Stored = { owner, savedAt: now, value };
  try {
    storage?.setItem(PREFIX + name, JSON.stringify(stored));
  } catch {
    // Full or refused: the draft is not kept, the form goes on.
  }
}

export function dropDraft(name: string, storage = tabStorage()): void {
  try {
    storage?.removeItem(PREFIX + name);
  } catch {}
}
