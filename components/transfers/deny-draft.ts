/**
 * A reason for denying a transfer request, kept in the tab (lib/tab-drafts.ts) while it is typed:
 * a session that ends as the denial is sent goes through sign-in and back to the queue, which
 * opens the same request's denial again with the reason as it was. Checked by hand on the way
 * back, so that the approvals page does not load zod for two strings.
 */
import { type DraftShape, dropDraft, readDraft, writeDraft } from "@/lib/tab-drafts";

const NAME = "deny-reason";
/** As long as the reason field takes. */
export const DENY_REASON_MAX = 500;

export interface DenyDraft {
  requestId: string;
  reason: string;
}

const DenyDraftShape: DraftShape<DenyDraft> = {
  safeParse(value) {
    const v = value as Partial<DenyDraft> | null;
    const ok =
      typeof v === "object" &&
      v !== null &&
      typeof v.requestId === "string" &&
      v.requestId.length > 0 &&
      v.requestId.length <= 200 &&
      typeof v.reason === "string" &&
      v.reason.length <= DENY_REASON_MAX;
    return ok
      ? { success: true, data: { requestId: v.requestId!, reason: v.reason! } }
      : { success: false };
  },
};

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
