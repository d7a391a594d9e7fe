/** The outbox: every email and SMS the sandbox would have sent, for people and tests to read. */
import { desc, eq } from "drizzle-orm";
import type { DbOrTx, SandboxDb } from "./db/open";
import { outbox } from "./db/schema";

export type OutboxKind = "email" | "sms";

export async function send(
  db: DbOrTx,
  message: {
    kind: OutboxKind;
    to: string;
    subject?: string | null;
    body: string;
    link?: string | null;
  },
): Promise<void> {
  await db.insert(outbox).values({
    kind: message.kind,
    to: message.to,
    subject: message.subject ?? null,
    body: message.body,
    link: message.link ?? null,
  });
}

/** Newest first, optionally only messages to one address or phone number. */
export async function listOutbox(db: SandboxDb, to?: string) {
  const rows = await db
    .select()
    .from(outbox)
    .where(to ? eq(outbox.to, to) : undefined)
    .orderBy(desc(outbox.seq))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as OutboxKind,
    to: r.to,
    subject: r.subject,
    body: r.body,
    link: r.link,
    created_at: r.createdAt.toISOString(),
  }));
}
