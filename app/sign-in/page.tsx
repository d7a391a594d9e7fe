import { Landmark } from "lucide-react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { LocalPath } from "@/lib/local-path";
import { signInWithJiko } from "@/server/auth/actions";
import { sessionCookie } from "@/server/auth/cookie";
import { currentSession } from "@/server/auth/session";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, string> = {
  "signed-out": "You have signed out.",
  "session-ended": "Your session has ended. Sign in again to continue.",
};

/** Auth.js reports failures of the flow by code; say what happened in words. */
function errorMessage(code: string): string {
  if (code === "AccessDenied" || code === "OAuthCallbackError" || code === "OAuthCallback") {
    return "Jiko did not grant access. To use Treasury Desk, sign in again and choose “Grant access”.";
  }
  return "Sign-in could not be completed. Try again; if it keeps failing, tell your admin.";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  // The page asked for (server/viewer.ts passes it on), on this site only.
  const asked = LocalPath.parse(params.redirectTo ?? params.callbackUrl ?? "/");
  // Never back to sign-in itself: a signed-in person would loop between the two.
  const redirectTo = /^\/sign-in(?:[/?#]|$)/.test(asked) ? "/" : asked;
  const found = await currentSession();
  // Signed in already: straight to the page asked for, which checks the session with Jiko.
  if ("session" in found) redirect(redirectTo);
  // A cookie whose session is gone means the session ended (idle, revoked, expired): say so on
  // every load, not only on the redirect that first noticed it. Signing out clears the cookie.
  const leftover = (await cookies()).has(sessionCookie(env().APP_URL).name);
  const reason = params.reason ?? ("ended" in found || leftover ? "session-ended" : undefined);
  const notice = params.error ? errorMessage(params.error) : reason ? REASONS[reason] : undefined;

  return (
    <main className="grid min-h-screen place-items-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-ink-200 bg-white p-8 shadow-sm dark:border-ink-800 dark:bg-ink-900">
        <div className="mb-6 flex items-center gap-3">
          <span className="grid size-10 place-items-center rounded-lg bg-brand-700 text-white dark:bg-brand-500 dark:text-ink-950">
            <Landmark aria-hidden="true" className="size-5" />
          </span>
          <div>
            <h1 className="text-xl font-semibold">Treasury Desk</h1>
            <p className="text-sm text-ink-600 dark:text-ink-300">Your company’s cash at Jiko</p>
          </div>
        </div>
        {notice && (
          <p
            role={params.error ? "alert" : "status"}
            className={`mb-4 rounded-md px-3 py-2 text-sm ${params.error ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-ink-100 text-ink-800 dark:bg-ink-800 dark:text-ink-100"}`}
          >
            {notice}
          </p>
        )}
        <form action={signInWithJiko}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" className={buttonClass("primary", "w-full py-2.5")}>
            Sign in with Jiko
          </button>
        </form>
        <p className="mt-4 text-xs text-ink-500 dark:text-ink-400">
          You sign in on Jiko’s portal with your Jiko email, password and a code sent to your phone.
          Treasury Desk never sees your password.
        </p>
      </div>
    </main>
  );
}
