"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { TEAM_AUTHORIZATION_PARAM } from "@/lib/jiko/oauth";
import { LocalPath, localPathOf } from "@/lib/local-path";
import { db } from "../db";
import { forgetViewer, getViewer } from "../viewer";
import { endSession } from "./end";
import { signIn, signOut } from "./index";
import { JIKO_PROVIDER_ID } from "./jiko-provider";
import { currentSession } from "./session";

/** Sign-in always asks Jiko's portal for the password and code again (`prompt=login`). */
export async function signInWithJiko(formData: FormData): Promise<void> {
  const redirectTo = LocalPath.parse(formData.get("redirectTo") ?? "/");
  await signIn(JIKO_PROVIDER_ID, { redirectTo }, { prompt: "login" });
}

/**
 * Switching team is a new authorization for that team: Jiko grants a token per team. The
 * portal's own session spares the person a second password when it is still alive.
 */
export async function switchTeam(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const teamId = z.uuid().safeParse(formData.get("teamId"));
  if (!viewer || !teamId.success || !viewer.memberships.some((m) => m.team_id === teamId.data)) {
    throw new Error("You are not an active member of that team.");
  }
  // Back to the page the person was on: the form's path, else the page that posted it (Referer,
  // same origin only); LocalPath keeps either on this site.
  const request = await headers();
  const redirectTo =
    formData.get("redirectTo") !== null
      ? LocalPath.parse(formData.get("redirectTo"))
      : (localPathOf(request.get("referer"), request.get("origin") ?? "") ?? "/");
  // The new team's tokens replace this session's grant, which the cache also checks; dropping the
  // entry now keeps nothing of the old team around while the portal answers.
  forgetViewer(viewer.sessionToken);
  await signIn(JIKO_PROVIDER_ID, { redirectTo }, { [TEAM_AUTHORIZATION_PARAM]: teamId.data });
}

/** Signing out ends the grant at Jiko too, so no token of this session outlives it anywhere. */
export async function signOutOfDashboard(): Promise<void> {
  const found = await currentSession();
  if ("session" in found) {
    await endSession(db(), found.session.sessionToken, "signed-out", { revokeInBackground: true });
  }
  // Auth.js clears the cookie (its session row is already gone).
  await signOut({ redirectTo: "/sign-in?reason=signed-out" });
}
