import "server-only";
import NextAuth from "next-auth";
import { cache } from "react";
import { authConfig } from "./config";

let config: ReturnType<typeof authConfig> | undefined;

// Lazy: the configuration (env, keys, database) is read at the first request, not at build time.
const nextAuth = NextAuth(() => {
  config ??= authConfig();
  return config;
});

export const { handlers, signIn, signOut } = nextAuth;

/** The current session, once per request. */
export const auth = cache(() => nextAuth.auth());
