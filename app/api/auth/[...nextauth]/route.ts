// GET|POST /api/auth/*: Auth.js (sign-in with Jiko, callback, sign-out, session).
import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { sessionCookie } from "@/server/auth/cookie";
import { withSignInContext } from "@/server/auth/sign-in-context";
import { env } from "@/server/env";

// The callback binds the new tokens to the browser's session: the one it came with, or the one
// Auth.js creates (server/auth/sign-in-context.ts).
const bound =
  (handler: (req: NextRequest) => Promise<Response>) =>
  (req: NextRequest): Promise<Response> =>
    withSignInContext(req.cookies.get(sessionCookie(env().APP_URL).name)?.value, () =>
      handler(req),
    );

export const GET = bound(handlers.GET);
export const POST = bound(handlers.POST);
