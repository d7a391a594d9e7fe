/** Team membership events: an invitation sent, a member's role or status changed, joined. */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/open";
import { teams } from "../db/schema";
import { emitEvent } from "./store";

const UPDATES = new Set([
  "team.member.role_changed",
  "team.member.deactivated",
  "team.member.reactivated",
  "team.member.joined",
  "team.member.invite_cancelled",
]);

/** Emits for the audit actions that change who is on a team; others emit nothing. */
export async function emitMemberEvent(
  tx: DbOrTx,
  action: string,
  member: { id: string; teamId: string },
) {
  const type =
    action === "team.member.invited"
      ? "team.members.invited"
      : UPDATES.has(action)
        ? "team.members.updated"
        : undefined;
  if (!type) return;
  const [team] = await tx
    .select({ customerId: teams.customerId })
    .from(teams)
    .where(eq(teams.id, member.teamId));
  if (!team) return;
  await emitEvent(tx, {
    customerId: team.customerId,
    type,
    payload: { member_id: member.id, team_id: member.teamId },
  });
}
