/**
 * The Customer API (hono). Every request passes one gate, in this order: request id → latency
 * fault → bearer lookup → queued or `Prefer` fault → per-group rate limit (headers on every
 * response) → route (scope check, handler). FastAPI-style errors throughout.
 */
import { randomUUID } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { default as Provider } from "oidc-provider";
import { rateLimitGroupFor } from "../../lib/jiko/rate-limits";
import { ENDPOINT_SCOPES, type Scope } from "../../lib/jiko/scopes";
import type { SandboxDb } from "../db/open";
import { METHOD_NOT_ALLOWED, NOT_AUTHENTICATED, NOT_FOUND, reasonPhrase } from "../http/errors";
import { nulIssues } from "../http/input";
import { type RateDecision, type RateLimiter, rateLimitHeaders } from "../http/rate-limit";
import type { SandboxClock } from "../ledger/clock";
import type { Logger } from "../log";
import { TeamRuleError } from "../team-admin";
import { type Principal, type Resolution, resolveBearer } from "./auth";
import { COMPANY_ROUTES, companyFileRoutes } from "./company-routes";
import {
  getCounterparty,
  listCounterparties,
  patchCounterparty,
  postCounterparty,
} from "./counterparties";
import { documentRoutes } from "./documents";
import { type Faults, preferredStatus } from "./faults";
import { customer, memberships, PersonRequired, team, userInfo } from "./identity";
import { getNotification, listNotifications, patchNotification } from "./notifications";
import { getPocket, listPockets, patchPocket, pocketEarnings, postPocket } from "./pockets";
import {
  createReportRequest,
  downloadReport,
  getReport,
  getReportRequest,
  listReportRequests,
} from "./reports";
import { sandboxRoutes } from "./sandbox-routes";
import { listStatements } from "./statements";
import { listAccountPortals, listPortals, listStrategies } from "./strategies-portals";
import {
  deleteSubscription,
  getSubscription,
  listEvents,
  listSubscriptions,
  patchSubscription,
  postSubscription,
  triggerWebhook,
} from "./subscriptions";
import {
  auditCsv,
  auditLogs,
  cancel,
  deleteMember,
  getMember,
  invite,
  memberAuditLogs,
  putMember,
  RequestInvalid,
  resend,
  serviceUser,
} from "./team";
import { listTradesV1, listTradesV2, tradeConfirmation, tradesCsv } from "./trades";
import { listTransactions, transactionsCsv } from "./transactions";
import {
  cancelTransferRequest,
  createTransferRequest,
  decideTransferRequest,
  getTransferRequest,
  listReviewers,
  listTransferRequests,
} from "./transfer-requests";

type Env = {
  Variables: { auth: Resolution; requestId: string; portalUrl: string; clock: SandboxClock };
};
type Handler = (db: SandboxDb, p: Principal, c: Context<Env>) => Promise<unknown>;

interface RouteDef {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  scope: Scope;
  handler: Handler;
  /** A file body: skips the JSON NUL check (binary files hold zero bytes). */
  raw?: boolean;
}

/** Webhook subscriptions, events, the sandbox's test trigger and notifications. */
const EVENT_ROUTES: RouteDef[] = [
  {
    method: "POST",
    path: "/api/v1/subscriptions/",
    scope: ENDPOINT_SCOPES.subscriptionsWrite,
    handler: postSubscription,
  },
  {
    method: "GET",
    path: "/api/v1/subscriptions/",
    scope: ENDPOINT_SCOPES.subscriptionsRead,
    handler: listSubscriptions,
  },
  {
    method: "GET",
    path: "/api/v1/subscriptions/:subscription_id/",
    scope: ENDPOINT_SCOPES.subscriptionsRead,
    handler: getSubscription,
  },
  {
    method: "PATCH",
    path: "/api/v1/subscriptions/:subscription_id/",
    scope: ENDPOINT_SCOPES.subscriptionsWrite,
    handler: patchSubscription,
  },
  {
    method: "DELETE",
    path: "/api/v1/subscriptions/:subscription_id/",
    scope: ENDPOINT_SCOPES.subscriptionsWrite,
    handler: deleteSubscription,
  },
  {
    method: "GET",
    path: "/api/v1/events/",
    scope: ENDPOINT_SCOPES.eventsRead,
    handler: listEvents,
  },
  {
    method: "POST",
    path: "/api/v1/sandbox/webhook/",
    scope: ENDPOINT_SCOPES.subscriptionsWrite,
    handler: triggerWebhook,
  },
  {
    method: "GET",
    path: "/api/v1/notifications/",
    scope: ENDPOINT_SCOPES.notificationsRead,
    handler: listNotifications,
  },
  {
    method: "GET",
    path: "/api/v1/notifications/:notification_id/",
    scope: ENDPOINT_SCOPES.notificationsRead,
    handler: getNotification,
  },
  {
    method: "PATCH",
    path: "/api/v1/notifications/:notification_id/",
    scope: ENDPOINT_SCOPES.notificationsWrite,
    handler: patchNotification,
  },
];

const ROUTES: RouteDef[] = [
  { method: "GET", path: "/api/v1/user/", scope: ENDPOINT_SCOPES.user, handler: userInfo },
  {
    method: "GET",
    path: "/api/v1/user/memberships/",
    scope: ENDPOINT_SCOPES.user,
    handler: memberships,
  },
  { method: "GET", path: "/api/v1/team/", scope: ENDPOINT_SCOPES.teamRead, handler: team },
  // Fixed paths before `/api/v1/team/:member_id/`: the first route that matches answers.
  {
    method: "POST",
    path: "/api/v1/team/invite/",
    scope: ENDPOINT_SCOPES.teamWrite,
    handler: invite,
  },
  {
    method: "POST",
    path: "/api/v1/team/service-users/",
    scope: ENDPOINT_SCOPES.teamWrite,
    handler: serviceUser,
  },
  {
    method: "GET",
    path: "/api/v1/team/audit-logs/",
    scope: ENDPOINT_SCOPES.teamRead,
    handler: auditLogs,
  },
  {
    method: "GET",
    path: "/api/v1/team/audit-logs.csv",
    scope: ENDPOINT_SCOPES.teamRead,
    handler: auditCsv,
  },
  {
    method: "GET",
    path: "/api/v1/team/members/:member_id/audit-logs/",
    scope: ENDPOINT_SCOPES.teamRead,
    handler: memberAuditLogs,
  },
  {
    method: "GET",
    path: "/api/v1/team/:member_id/",
    scope: ENDPOINT_SCOPES.teamRead,
    handler: getMember,
  },
  {
    method: "PUT",
    path: "/api/v1/team/:member_id/",
    scope: ENDPOINT_SCOPES.teamWrite,
    handler: putMember,
  },
  {
    method: "DELETE",
    path: "/api/v1/team/:member_id/",
    scope: ENDPOINT_SCOPES.teamWrite,
    handler: deleteMember,
  },
  {
    method: "POST",
    path: "/api/v1/team/:member_id/invite/",
    scope: ENDPOINT_SCOPES.teamWrite,
    handler: resend,
  },
  {
    method: "DELETE",
    path: "/api/v1/team/:member_id/invite/",
    scope: ENDPOINT_SCOPES.teamWrite,
    handler: cancel,
  },
  { method: "GET", path: "/api/v1/customer/", scope: ENDPOINT_SCOPES.customer, handler: customer },
  {
    method: "GET",
    path: "/api/v2/pockets/",
    scope: ENDPOINT_SCOPES.pocketsRead,
    handler: listPockets,
  },
  {
    method: "POST",
    path: "/api/v2/pockets/",
    scope: ENDPOINT_SCOPES.pocketsWrite,
    handler: postPocket,
  },
  {
    method: "GET",
    path: "/api/v2/pockets/:pocket_id/",
    scope: ENDPOINT_SCOPES.pocketsRead,
    handler: getPocket,
  },
  {
    method: "PATCH",
    path: "/api/v2/pockets/:pocket_id/",
    scope: ENDPOINT_SCOPES.pocketsWrite,
    handler: patchPocket,
  },
  {
    method: "GET",
    path: "/api/v2/pockets/:pocket_id/earnings/",
    scope: ENDPOINT_SCOPES.pocketsRead,
    handler: pocketEarnings,
  },
  {
    method: "GET",
    path: "/api/v2/counterparties/",
    scope: ENDPOINT_SCOPES.counterpartiesRead,
    handler: listCounterparties,
  },
  {
    method: "POST",
    path: "/api/v2/counterparties/",
    scope: ENDPOINT_SCOPES.counterpartiesWrite,
    handler: postCounterparty,
  },
  {
    method: "GET",
    path: "/api/v2/counterparties/:counterparty_id/",
    scope: ENDPOINT_SCOPES.counterpartiesRead,
    handler: getCounterparty,
  },
  {
    method: "PATCH",
    path: "/api/v2/counterparties/:counterparty_id/",
    scope: ENDPOINT_SCOPES.counterpartiesWrite,
    handler: patchCounterparty,
  },
  {
    method: "GET",
    path: "/api/v2/transactions/",
    scope: ENDPOINT_SCOPES.transactionsRead,
    handler: listTransactions,
  },
  {
    method: "GET",
    path: "/api/v2/transactions.csv",
    scope: ENDPOINT_SCOPES.transactionsRead,
    handler: transactionsCsv,
  },
  {
    method: "GET",
    path: "/api/v1/trades/",
    scope: ENDPOINT_SCOPES.transactionsRead,
    handler: listTradesV1,
  },
  {
    method: "GET",
    path: "/api/v1/trades.csv",
    scope: ENDPOINT_SCOPES.transactionsRead,
    handler: tradesCsv,
  },
  {
    method: "GET",
    path: "/api/v2/trades/",
    scope: ENDPOINT_SCOPES.transactionsRead,
    handler: listTradesV2,
  },
  {
    method: "GET",
    path: "/api/v1/accounts/:account_id/trades/:trade_id/confirmation/",
    scope: ENDPOINT_SCOPES.transactionsRead,
    handler: tradeConfirmation,
  },
  {
    method: "GET",
    path: "/api/v1/statements/",
    scope: ENDPOINT_SCOPES.statementsRead,
    handler: listStatements,
  },
  {
    method: "POST",
    path: "/api/v1/report-requests/",
    scope: ENDPOINT_SCOPES.reportsWrite,
    handler: createReportRequest,
  },
  {
    method: "GET",
    path: "/api/v1/report-requests/",
    scope: ENDPOINT_SCOPES.reportsRead,
    handler: listReportRequests,
  },
  {
    method: "GET",
    path: "/api/v1/report-requests/:report_request_id/",
    scope: ENDPOINT_SCOPES.reportsRead,
    handler: getReportRequest,
  },
  {
    method: "GET",
    path: "/api/v1/reports/:report_id/",
    scope: ENDPOINT_SCOPES.reportsRead,
    handler: getReport,
  },
  {
    method: "POST",
    path: "/api/v1/reports/:report_id/download/",
    scope: ENDPOINT_SCOPES.reportsRead,
    handler: downloadReport,
  },
  {
    method: "GET",
    path: "/api/v2/trading-strategies/",
    scope: ENDPOINT_SCOPES.pocketsRead,
    handler: listStrategies,
  },
  {
    method: "GET",
    path: "/api/v1/portals/",
    scope: ENDPOINT_SCOPES.pocketsRead,
    handler: listPortals,
  },
  {
    method: "GET",
    path: "/api/v1/accounts/:account_id/portals/",
    scope: ENDPOINT_SCOPES.pocketsRead,
    handler: listAccountPortals,
  },
  {
    method: "POST",
    path: "/api/v1/transfer-requests/",
    scope: ENDPOINT_SCOPES.transferRequestsWrite,
    handler: createTransferRequest,
  },
  {
    method: "GET",
    path: "/api/v1/transfer-requests/",
    scope: ENDPOINT_SCOPES.transferRequestsRead,
    handler: listTransferRequests,
  },
  // Fixed paths before `/api/v1/transfer-requests/:transfer_id/`.
  {
    method: "GET",
    path: "/api/v1/transfer-requests/reviewers/",
    scope: ENDPOINT_SCOPES.transferRequestsRead,
    handler: listReviewers,
  },
  {
    method: "GET",
    path: "/api/v1/transfer-requests/:transfer_id/",
    scope: ENDPOINT_SCOPES.transferRequestsRead,
    handler: getTransferRequest,
  },
  {
    method: "DELETE",
    path: "/api/v1/transfer-requests/:transfer_id/",
    scope: ENDPOINT_SCOPES.transferRequestsWrite,
    handler: cancelTransferRequest,
  },
  {
    method: "PATCH",
    path: "/api/v1/transfer-requests/:transfer_id/status/",
    scope: ENDPOINT_SCOPES.transferRequestsWrite,
    handler: decideTransferRequest,
  },
  ...EVENT_ROUTES,
  ...COMPANY_ROUTES,
];

/** Jiko's rate-limit groups by path: the one mapping the dashboard's pacer uses too. */
export const groupFor = rateLimitGroupFor;

const pattern = (path: string) => new RegExp(`^${path.replace(/:[^/]+/g, "[^/]+")}$`);
const KNOWN = ROUTES.map((r) => pattern(r.path));

export function apiApp(o: {
  provider: Provider;
  /** The portal's origin, for the links in invitation emails. */
  portalUrl: string;
  db: SandboxDb;
  /** The sandbox clock and the T-bill engine's catch-up. */
  clock: SandboxClock;
  limiter: RateLimiter;
  faults: Faults;
  log: Logger;
}) {
  const { provider, db, clock, limiter, faults, log } = o;
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    c.set("portalUrl", o.portalUrl);
    c.set("clock", clock);
    const started = performance.now();
    const requestId = c.req.header("x-request-id") || randomUUID();
    c.set("requestId", requestId);
    await next();
    c.header("X-Request-Id", requestId);
    const auth = c.get("auth");
    log.info(
      {
        origin: "api",
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        clientId: auth?.ok ? auth.principal.clientId : undefined,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });

  // The emulator's own routes take no NUL either (the Customer API's check follows its auth).
  app.use("/_sandbox/*", async (c, next) => {
    const nul = await nulIssues(c);
    if (nul.length) return c.json({ detail: nul }, 422);
    await next();
  });
  app.route("/", sandboxRoutes({ db, faults, clock }));
  app.route("/", documentRoutes({ db, clock }));
  app.route("/", companyFileRoutes({ db }));

  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/_sandbox/")) return next();
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));

    const auth = await resolveBearer(provider, db, c.req.header("authorization"));
    c.set("auth", auth);
    const group = groupFor(c.req.method, c.req.path);
    // Per client + user; requests without a usable token count per IP.
    const key = auth.ok ? auth.principal.rateKey : `ip:${getConnInfo(c).remote.address ?? ""}`;

    const preferred = preferredStatus(c.req.header("prefer"));
    const queued = preferred === undefined ? faults.take() : undefined;
    const fault = preferred !== undefined ? { status: preferred, retryAfter: null } : queued;
    if (fault) return faultResponse(c, fault.status, fault.retryAfter, limiter.peek(group, key));

    const decision = limiter.hit(group, key);
    if (!decision.allowed) {
      return c.json({ detail: "Rate limit exceeded" }, 429, {
        ...rateLimitHeaders(decision),
        "Retry-After": String(decision.retryAfter),
      });
    }
    await next();
    for (const [k, v] of Object.entries(rateLimitHeaders(decision))) c.header(k, v);
  });

  for (const route of ROUTES) {
    app.on(route.method, route.path, async (c) => {
      const auth = c.get("auth");
      if (!auth.ok) {
        return c.json(NOT_AUTHENTICATED, 401, { "WWW-Authenticate": "Bearer" });
      }
      if (!auth.principal.scopes.has(route.scope)) {
        // INFERRED body: Jiko does not publish its 403; FastAPI style with the missing scope.
        return c.json({ detail: `The access token does not carry the scope ${route.scope}.` }, 403);
      }
      const nul = route.raw ? [] : await nulIssues(c);
      if (nul.length) return c.json({ detail: nul }, 422);
      try {
        const result = await route.handler(db, auth.principal, c);
        return result instanceof Response ? result : c.json(result);
      } catch (err) {
        if (err instanceof TeamRuleError) {
          return c.json({ detail: err.message }, err.status);
        }
        if (err instanceof RequestInvalid) return c.json({ detail: err.detail }, 422);
        if (err instanceof PersonRequired) {
          return c.json(
            { detail: "This endpoint needs a token issued to a person (authorization code)." },
            403,
          );
        }
        throw err;
      }
    });
  }
  // A known path with another method: FastAPI's 405.
  for (const path of new Set(ROUTES.map((r) => r.path))) {
    const allowed = ROUTES.filter((r) => r.path === path).map((r) => r.method);
    app.all(path, (c) => c.json(METHOD_NOT_ALLOWED, 405, { Allow: allowed.join(", ") }));
  }

  app.notFound((c) => {
    // FastAPI's redirect_slashes: a known path without its trailing slash answers 307.
    const path = c.req.path;
    if (!path.endsWith("/") && KNOWN.some((re) => re.test(`${path}/`))) {
      const url = new URL(c.req.url);
      url.pathname = `${path}/`;
      return c.redirect(url.toString(), 307);
    }
    return c.json(NOT_FOUND, 404);
  });

  app.onError((err, c) => {
    log.error({ err, requestId: c.get("requestId") }, "api request failed");
    return c.json({ detail: "Internal Server Error" }, 500);
  });

  return app;
}

function faultResponse(
  c: Context<Env>,
  status: number,
  retryAfter: number | null,
  rate: RateDecision,
) {
  const headers: Record<string, string> = {};
  if (status === 429) {
    Object.assign(headers, rateLimitHeaders({ ...rate, remaining: 0 }));
    headers["Retry-After"] = String(retryAfter ?? 1);
  } else {
    Object.assign(headers, rateLimitHeaders(rate));
    if (retryAfter !== null) headers["Retry-After"] = String(retryAfter);
  }
  if (status === 401) headers["WWW-Authenticate"] = "Bearer";
  const detail =
    status === 422
      ? [{ loc: ["body"], msg: "Simulated validation error (sandbox fault)", type: "value_error" }]
      : reasonPhrase(status);
  return c.json({ detail }, status as ContentfulStatusCode, headers);
}
