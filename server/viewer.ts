import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/jiko/roles";
import type { MembershipInfo } from "@/lib/jiko/user";
import { type Capability, capabilitiesFor } from "@/lib/permissions";
import { PAGE_PATH_HEADER } from "./auth/cookie";
import { endSession } from "./auth/end";
import { currentSession } from "./auth/session";
import { db } from "./db";
import { type JikoClient, JikoError, jikoFor } from "./jiko";
import { log } from "./log";

export interface Viewer {
  userId: string;
  sessionToken: string;
  name: string;
  email: string;
  role: Role;
  team: { id: string; name: string };
  customerId: string;
  memberId: string;
  /** Teams the person may switch to (active memberships), the active one included. */
  memberships: MembershipInfo[];
  capabilities: Capability[];
  jiko: JikoClient;
}

/**
 * The signed-in person as Jiko sees them now: role and team come from Jiko on every request, so a
 * role changed at Jiko shows on the next load. The team is the one this session's tokens act for.
 * A session Jiko no longer honours (refresh refused, token revoked, member deactivated), or whose
 * tokens can no longer be decrypted, is ended here and reads as signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const found = await currentSession();
  if (!("session" in found)) return null;
  const { sessionToken, userId } = found.session;
  const jiko = jikoFor(found.session);
  try {
    const [user, memberships, scopes] = await Promise.all([
      jiko.user(),
      jiko.memberships(),
      jiko.scopes(),
    ]);
    return {
      userId,
      sessionToken,
      name: user.name,
      email: user.email,
      role: user.role,
      team: { id: user.team_id, name: user.team_name },
      customerId: user.customer_id,
      memberId: user.member_id,
      memberships: memberships.items.filter((m) => m.status === "ACTIVE"),
      capabilities: [...capabilitiesFor(user.role, scopes)],
      jiko,
    };
  } catch (error) {
    if (error instanceof JikoError && error.code === "reauth-required") {
      log.info({ userId, detail: error.message }, "Jiko ended the session");
      await endSession(db(), sessionToken, "revoked");
      return null;
    }
    throw error;
  }
});

/**
 * For pages: the viewer, or a redirect to sign-in (never an error page for an ended session). A
 * session that existed and ended (idle, past its lifetime, or no longer honoured by Jiko) is
 * told apart from no session at all, so the sign-in page can say why.
 */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const found = await currentSession();
    const query = new URLSearchParams();
    if (!("none" in found)) query.set("reason", "session-ended");
    // Back to the page asked for after signing in (the sign-in action accepts local paths only).
    const asked = (await headers()).get(PAGE_PATH_HEADER);
    if (asked && asked !== "/" && asked.startsWith("/") && !asked.startsWith("//")) {
      query.set("redirectTo", asked);
    }
    const search = query.toString();
    redirect(search ? `/sign-in?${search}` : "/sign-in");
  }
  return viewer;
}
