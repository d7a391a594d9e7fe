/**
 * State that must be one per server process: what Jiko's rate limits count, the calls under way,
 * the background fills. Next compiles a module once per layer (the pages' server components and
 * the route handlers each get their own copy in the production build), so a module-level Map is
 * two Maps there: the pacer counted each layer's calls apart, and a new person's pages and the
 * history fill together went past Jiko's per-minute limit. The value lives on globalThis under a
 * registered symbol, created once by whichever copy asks first.
 */
export function processWide<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`treasury-desk:${name}`);
  let value = holder[key];
  if (value === undefined) {
    value = create();
    holder[key] = value;
  }
  return value;
}
