/**
 * The emulator's own routes on the API origin (absent at Jiko; tests and scripts only): people,
 * outbox, grant revocation, faults, health.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { SandboxDb } from "../db/open";
import { allMembershipsByEmail, findPersonByEmail } from "../directory";
import { jsonDecodeDetail, validationDetail } from "../http/errors";
import { listOutbox } from "../outbox";
import { revokePersonGrants } from "../portal/grants";
import { FaultBody, type Faults } from "./faults";

async function readJson(c: {
  req: { json(): Promise<unknown> };
}): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

const RevokeBody = z.object({ email: z.email() });

export function sandboxRoutes(o: { db: SandboxDb; faults: Faults }) {
  const { db, faults } = o;
  const app = new Hono();

  app.get("/_sandbox/health", (c) => c.json({ ok: true }));

  app.get("/_sandbox/people", async (c) => {
    const items = [...(await allMembershipsByEmail(db))].map(([email, rows]) => {
      const first = rows[0]!;
      const statuses = rows.map((r) => r.member.status);
      const status = statuses.includes("ACTIVE")
        ? "ACTIVE"
        : statuses.includes("DEACTIVATED")
          ? "DEACTIVATED"
          : "PENDING";
      return {
        email,
        name: `${first.person?.firstName ?? first.member.firstName} ${first.person?.lastName ?? first.member.lastName}`,
        status,
        phone_number: first.person?.phoneNumber ?? first.member.phoneNumber,
        has_password: Boolean(first.person?.passwordHash),
        teams: rows.map((r) => ({
          team_id: r.team.id,
          team_name: r.team.name,
          customer_name: r.customer.name,
          role: r.member.role,
          member_status: r.member.status,
        })),
      };
    });
    return c.json({ items });
  });

  app.get("/_sandbox/outbox", async (c) => {
    const to = c.req.query("to");
    return c.json({ items: await listOutbox(db, to || undefined) });
  });

  app.post("/_sandbox/revoke-grants", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = RevokeBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    const person = await findPersonByEmail(db, parsed.data.email);
    if (!person) return c.json({ detail: "No person with this email" }, 404);
    return c.json({ revoked: await revokePersonGrants(db, person.id) });
  });

  app.get("/_sandbox/faults", (c) => c.json(faults.view()));
  app.delete("/_sandbox/faults", (c) => c.json(faults.clear()));
  app.post("/_sandbox/faults", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = FaultBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    return c.json(faults.set(parsed.data));
  });

  return app;
}
