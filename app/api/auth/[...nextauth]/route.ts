// GET|POST /api/auth/*: Auth.js (sign-in with Jiko, callback, sign-out, session).
import { handlers } from "@/server/auth";

export const { GET, POST } = handlers;
