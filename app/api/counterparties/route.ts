import { z } from "zod";
import {
  CounterpartyStatus,
  CounterpartyType,
  CreateCounterpartyRequest,
} from "@/lib/jiko/counterparties";
import { guarded, parse, readJson } from "@/server/api/guard";
import { allCounterparties } from "@/server/transfers/lists";

const Query = z.object({
  type: CounterpartyType.optional(),
  status: CounterpartyStatus.optional(),
});

// GET /api/counterparties?type&status: every payee of the customer, newest first.
export const GET = guarded("transfers:view", async ({ req, viewer }) => {
  const q = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json({ items: await allCounterparties(viewer.jiko, q) });
});

// POST /api/counterparties: add a payee (Jiko verifies it before money may go to it).
export const POST = guarded("payees:manage", async ({ req, viewer }) =>
  Response.json(
    await viewer.jiko.createCounterparty(await readJson(req, CreateCounterpartyRequest)),
    { status: 201 },
  ),
);
