/** The scale-out suite's view of the sandbox: seeded people and the portal's OAuth events. */
import { SCALE } from "./env";

export interface Person {
  email: string;
  name: string;
  status: string;
  teams: { team_name: string; role: string; member_status: string }[];
}

export interface OAuthEvent {
  id: string;
  type: string;
  at: string;
  client_id: string | null;
  grant_id: string | null;
  email: string | null;
  team_id: string | null;
  reason: string | null;
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${SCALE.apiUrl}${path}`);
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** An ACTIVE person of exactly one team with this role: no team to choose at sign-in. */
export async function personWithRole(role: string): Promise<Person> {
  const { items } = await get<{ items: Person[] }>("/_sandbox/people");
  const found = items.find(
    (p) => p.status === "ACTIVE" && p.teams.length === 1 && p.teams[0]!.role === role,
  );
  if (!found) throw new Error(`no seeded person with the single role ${role}`);
  return found;
}

/** One person's OAuth events at the portal, newest first, optionally of one type. */
export async function oauthEvents(email: string, type?: string): Promise<OAuthEvent[]> {
  const query = new URLSearchParams({ email, ...(type && { type }) });
  return (await get<{ items: OAuthEvent[] }>(`/_sandbox/oauth-events?${query}`)).items;
}

/** Events that happened in [from, to] (epoch milliseconds). */
export const within = (events: OAuthEvent[], from: number, to: number) =>
  events.filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) <= to);
