/**
 * Interaction state oidc-provider does not keep: who passed the password step, the SMS code
 * (10 minutes, 5 tries) and the team chosen on the consent step. Keyed by interaction uid.
 */
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SandboxDb } from "../db/open";
import { interactionStates } from "../db/schema";

export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

export type InteractionState = typeof interactionStates.$inferSelect;

export async function getState(db: SandboxDb, uid: string): Promise<InteractionState | undefined> {
  const [row] = await db.select().from(interactionStates).where(eq(interactionStates.uid, uid));
  return row;
}

export async function clearState(db: SandboxDb, uid: string) {
  await db.delete(interactionStates).where(eq(interactionStates.uid, uid));
}

/** A new 6-digit code for the person who just passed the password step. */
export async function startVerification(db: SandboxDb, uid: string, personId: string) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const row = {
    personId,
    code,
    codeExpiresAt: new Date(Date.now() + CODE_TTL_MS),
    attempts: 0,
  };
  await db
    .insert(interactionStates)
    .values({ uid, ...row })
    .onConflictDoUpdate({ target: interactionStates.uid, set: row });
  return code;
}

export async function countWrongCode(db: SandboxDb, uid: string, attempts: number) {
  await db.update(interactionStates).set({ attempts }).where(eq(interactionStates.uid, uid));
}

export async function chooseTeam(db: SandboxDb, uid: string, teamId: string) {
  await db
    .insert(interactionStates)
    .values({ uid, teamId })
    .onConflictDoUpdate({ target: interactionStates.uid, set: { teamId } });
}
