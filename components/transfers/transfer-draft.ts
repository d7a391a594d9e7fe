/**
 * The new-transfer form as the person left it, kept in the tab (lib/tab-drafts.ts) with the
 * transfer's id. The id travels with the draft: were the first request made before the session
 * ended (its answer lost), sending the restored form names the same transfer, and Jiko never
 * makes two.
 */
import { z } from "zod";
import { dropDraft, isBlank, readDraft, writeDraft } from "@/lib/tab-drafts";
import { BLANK_TRANSFER, NewTransferFields } from "@/lib/transfers/new-transfer";

const NAME = "new-transfer";

const TransferDraft = z.object({ transferId: z.uuid(), values: NewTransferFields });
export type TransferDraft = z.infer<typeof TransferDraft>;

export function readTransferDraft(owner: string): TransferDraft | null {
  return readDraft(NAME, owner, TransferDraft);
}

/** Keeps the form as it now is; a form back to blank (or not yet a form) keeps nothing. */
export function keepTransferDraft(owner: string, transferId: string, values: unknown): void {
  const draft = TransferDraft.safeParse({ transferId, values });
  if (!draft.success || isBlank(draft.data.values, BLANK_TRANSFER)) dropTransferDraft();
  else writeDraft(NAME, owner, draft.data);
}

export function dropTransferDraft(): void {
  dropDraft(NAME);
}
