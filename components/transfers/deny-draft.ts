/**
 * A reason for denying a transfer request, kept in the tab (lib/tab-drafts.ts) while it is typed:
 * a session that ends as the denial is sent goes through sign-in and back to the queue, which
 * opens the same request's denial again with the reason as it was. Its shape is checked without
 * zod (lib/tab-drafts.ts, shapeOf): the approvals page does not load zod for two strings.
 */
import { dropDraft, readDraft, shapeOf, writeDraft } from "@/lib/tab-drafts";

const NAME = "deny-reason";
/** The longest reason the field takes. */
export const DENY_REASON_MAX = 500;

export type DenyDraft = { requestId: string; reason: string };

const DenyDraftShape = shapeOf<DenyDraft>({ requestId: "", reason: "" });

export function readDenyDraft(owner: string): DenyDraft | null {
  return readDraft(NAME, owner, DenyDraftShape);
}

/** Keeps the reason as it now is; a blank one keeps nothing. */
export function keepDenyDraft(owner: string, requestId: string, reason: string): void {
  if (reason.trim()) writeDraft(NAME, owner, { requestId, reason });
  else dropDenyDraft();
}

export function dropDenyDraft(): void {
  dropDraft(NAME);
}
