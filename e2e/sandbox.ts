/** The embedded sandbox's own routes, for test setup: seeded people, revocation, faults. */
import { E2E } from "./env";

export interface SeededTeam {
  team_id: string;
  team_name: string;
  customer_name: string;
  role: "ADMIN" | "REVIEWER" | "INITIATOR" | "READ_ONLY";
  member_status: string;
}
export interface SeededPerson {
  email: string;
  name: string;
  status: string;
  teams: SeededTeam[];
}

export async function seededPeople(): Promise<SeededPerson[]> {
  const res = await fetch(`${E2E.apiUrl}/_sandbox/people`);
  if (!res.ok) throw new Error(`/_sandbox/people answered ${res.status}`);
  return ((await res.json()) as { items: SeededPerson[] }).items;
}

export async function activePeople(): Promise<SeededPerson[]> {
  return (await seededPeople()).filter((p) => p.status === "ACTIVE");
}

export async function personWith(predicate: (p: SeededPerson) => boolean): Promise<SeededPerson> {
  const found = (await activePeople()).find(predicate);
  if (!found) throw new Error("no seeded person matches");
  return found;
}

export async function revokeGrants(email: string): Promise<number> {
  const res = await fetch(`${E2E.apiUrl}/_sandbox/revoke-grants`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`revoke-grants answered ${res.status}`);
  return ((await res.json()) as { revoked: number }).revoked;
}

export const ROLE_LABEL: Record<SeededTeam["role"], string> = {
  ADMIN: "Admin",
  REVIEWER: "Reviewer",
  INITIATOR: "Initiator",
  READ_ONLY: "Read-only",
};

export interface OutboxItem {
  id: string;
  kind: "email" | "sms";
  to: string;
  subject: string | null;
  body: string;
  link: string | null;
  created_at: string;
}

/** The newest message the sandbox "sent" to an address (email or phone). */
export async function latestMessage(to: string, kind: OutboxItem["kind"]): Promise<OutboxItem> {
  const res = await fetch(`${E2E.apiUrl}/_sandbox/outbox?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`/_sandbox/outbox answered ${res.status}`);
  const found = ((await res.json()) as { items: OutboxItem[] }).items.find((i) => i.kind === kind);
  if (!found) throw new Error(`no ${kind} to ${to} in the outbox`);
  return found;
}

/** Sets the sandbox's faults (the next `count` Customer API calls fail, or all wait), or clears them. */
export async function sandboxFaults(body: Record<string, unknown> | null) {
  const res = await fetch(`${E2E.apiUrl}/_sandbox/faults`, {
    method: body ? "POST" : "DELETE",
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`/_sandbox/faults answered ${res.status}`);
}
