import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which session a sign-in callback signs into. Auth.js creates the session (or keeps the one the
 * browser already has, on a team switch) and only then reports the new tokens, without saying
 * which session they belong to; this carries it from one to the other within the request.
 */
interface SignInContext {
  /** The session cookie the request came with. */
  existing?: string;
  /** A session Auth.js created during this request. */
  created?: string;
}

const store = new AsyncLocalStorage<SignInContext>();

export function withSignInContext<T>(existing: string | undefined, run: () => T): T {
  return store.run({ existing }, run);
}

export function noteCreatedSession(sessionToken: string): void {
  const ctx = store.getStore();
  if (ctx) ctx.created = sessionToken;
}

/** The session the tokens of this sign-in belong to. */
export function signingInto(): string | undefined {
  const ctx = store.getStore();
  return ctx?.created ?? ctx?.existing;
}
