/**
 * oidc-provider's storage in the sandbox database, so sessions, grants, codes and tokens survive a
 * restart (the library's default adapter is in memory). Clients are read from oauth_clients.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import type { Adapter, AdapterPayload } from "oidc-provider";
import type { SandboxDb } from "../db/open";
import { oauthClients, oidcPayloads } from "../db/schema";

const epoch = () => Math.floor(Date.now() / 1000);

class PayloadAdapter implements Adapter {
  constructor(
    private readonly db: SandboxDb,
    private readonly type: string,
  ) {}

  private where(id: string) {
    return and(eq(oidcPayloads.id, id), eq(oidcPayloads.type, this.type));
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const row = {
      payload,
      grantId: payload.grantId ?? null,
      uid: payload.uid ?? null,
      userCode: payload.userCode ?? null,
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    };
    await this.db
      .insert(oidcPayloads)
      .values({ id, type: this.type, ...row })
      .onConflictDoUpdate({ target: [oidcPayloads.id, oidcPayloads.type], set: row });
  }

  private async findBy(where: ReturnType<typeof and>): Promise<AdapterPayload | undefined> {
    const [row] = await this.db
      .select()
      .from(oidcPayloads)
      .where(and(where, eq(oidcPayloads.type, this.type)))
      .limit(1);
    if (!row) return undefined;
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
    const payload = row.payload as AdapterPayload;
    return row.consumedAt
      ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) }
      : payload;
  }

  find(id: string) {
    return this.findBy(eq(oidcPayloads.id, id));
  }

  findByUid(uid: string) {
    return this.findBy(eq(oidcPayloads.uid, uid));
  }

  findByUserCode(userCode: string) {
    return this.findBy(eq(oidcPayloads.userCode, userCode));
  }

  async consume(id: string): Promise<void> {
    await this.db
      .update(oidcPayloads)
      .set({ consumedAt: new Date(epoch() * 1000) })
      .where(this.where(id));
  }

  async destroy(id: string): Promise<void> {
    await this.db.delete(oidcPayloads).where(this.where(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db
      .delete(oidcPayloads)
      .where(and(eq(oidcPayloads.grantId, grantId), eq(oidcPayloads.type, this.type)));
  }
}

/** Clients are registered through POST /_sandbox/oauth-clients, never by the library itself. */
class ClientAdapter implements Adapter {
  constructor(private readonly db: SandboxDb) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.db.select().from(oauthClients).where(eq(oauthClients.clientId, id));
    return row ? (row.metadata as AdapterPayload) : undefined;
  }

  async upsert(): Promise<void> {
    throw new Error("clients are registered through /_sandbox/oauth-clients");
  }
  async findByUid() {
    return undefined;
  }
  async findByUserCode() {
    return undefined;
  }
  async consume() {}
  async destroy() {}
  async revokeByGrantId() {}
}

export function adapterFactory(db: SandboxDb) {
  return (name: string): Adapter =>
    name === "Client" ? new ClientAdapter(db) : new PayloadAdapter(db, name);
}

/** Drops expired rows at start-up; lookups already ignore them. */
export async function sweepExpired(db: SandboxDb): Promise<void> {
  await db.delete(oidcPayloads).where(lt(oidcPayloads.expiresAt, sql`now()`));
}
