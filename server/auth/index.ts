import "server-only";
import NextAuth from "next-auth";
import { authConfig } from "./config";

let config: ReturnType<typeof authConfig> | undefined;

// Lazy: the configuration (env, keys, database) is read at the first request, not at build time.
const nextAuth = NextAuth(() => {
  config ??= authConfig();
  return config;
});

// Reading the session is server/auth/session.ts's (idle and absolute lifetimes, tokens per session).
export const { handlers, signIn, signOut } = nextAuth;
