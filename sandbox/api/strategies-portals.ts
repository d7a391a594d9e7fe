/**
 * Trading strategies v2 and Portals v1. Portals are derived from the pockets (one OPEN portal per
 * pocket, CLOSED with it): a fictional, checksum-valid ABA routing number and a 12-digit account
 * number from the pocket id, so they are the same on every seed.
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { z } from "zod";
import { ListPortalsResponse, type Portal } from "../../lib/jiko/portals";
import {
  STRATEGY_TERMS_WEEKS,
  StrategyApplicability,
  TradingStrategies,
  type TradingStrategy,
} from "../../lib/jiko/strategies";
import type { SandboxDb } from "../db/open";
import { type Pocket, pocketsOfCustomer } from "../directory";
import { stableId } from "../ids";
import { customerOfTeam, findPocket } from "../pocket-admin";
import type { Principal } from "./auth";
import { pocketIdOf } from "./pockets";
import { parse } from "./team";

const STRATEGIES: TradingStrategy[] = Object.entries(STRATEGY_TERMS_WEEKS).map(([id, weeks]) => ({
  id,
  name: `${weeks}-week T-bills`,
  description: `Invests in US Treasury bills maturing in about ${weeks} weeks, bought at auction-day prices and held to maturity.`,
  term_weeks: weeks,
  applicability: ["DEPOSIT", "REINVESTMENT"],
  object_type: "TradingStrategy",
}));

const StrategyQuery = z.object({ applicability: StrategyApplicability.optional() });

export async function listStrategies(_db: SandboxDb, _p: Principal, c: Context) {
  const raw = c.req.query("applicability");
  const q = parse(StrategyQuery, raw ? { applicability: raw } : {}, "query");
  const items = STRATEGIES.filter(
    (s) => !q.applicability || s.applicability.includes(q.applicability),
  );
  return TradingStrategies.parse({ offset: 0, count: items.length, items, object_type: "List" });
}

/** ABA check digit: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function abaCheckDigit(first8: string): number {
  const d = [...first8].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]!);
  return (10 - (sum % 10)) % 10;
}

/** The sandbox bank's (fictional) routing number. */
export const SANDBOX_ROUTING_NUMBER = `12345678${abaCheckDigit("12345678")}`;

export function portalOf(p: Pocket): Portal {
  const n = BigInt(`0x${createHash("sha256").update(`portal:${p.id}`).digest("hex").slice(0, 15)}`);
  return {
    id: stableId("portal", p.id),
    jiko_account_id: p.id,
    routing_number: SANDBOX_ROUTING_NUMBER,
    account_number: `7${(n % 10n ** 11n).toString().padStart(11, "0")}`,
    status: p.status === "CLOSED" ? "CLOSED" : "OPEN",
    name: `${p.pocketName.replace(/\s*\(.*\)\s*$/, "")} — ACH & wires`,
  };
}

const portalList = (portals: Portal[]) =>
  ListPortalsResponse.parse({ count: portals.length, portals, object_type: "List" });

export async function listPortals(db: SandboxDb, p: Principal) {
  const pockets = await pocketsOfCustomer(db, await customerOfTeam(db, p.teamId));
  return portalList(pockets.map(portalOf));
}

export async function listAccountPortals(db: SandboxDb, p: Principal, c: Context) {
  const id = pocketIdOf(c, "account_id");
  const pocket = await findPocket(db, await customerOfTeam(db, p.teamId), id);
  return portalList([portalOf(pocket)]);
}
