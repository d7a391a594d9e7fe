import "server-only";
import type { z } from "zod";
import { AuditLogList, type AuditLogQuery } from "@/lib/jiko/audit";
import {
  Counterparty,
  CounterpartyList,
  type CounterpartyQuery,
  type CreateCounterpartyRequest,
} from "@/lib/jiko/counterparties";
import { Customer } from "@/lib/jiko/customer";
import {
  type CreateSubscriptionRequest,
  CustomerNotification,
  EventList,
  type EventListQuery,
  NotificationList,
  type NotificationStatus,
  Subscription,
  SubscriptionList,
  type TriggerWebhookRequest,
  type UpdateSubscriptionRequest,
} from "@/lib/jiko/events";
import {
  type CreatePocketRequest,
  Earnings,
  type EarningsPeriod,
  Pocket,
  PocketList,
  type PocketStatus,
  type UpdatePocketRequest,
} from "@/lib/jiko/pockets";
import { ListPortalsResponse } from "@/lib/jiko/portals";
import {
  type CreateReportRequest,
  ReportDownload,
  ReportRequest,
  ReportRequestList,
  type ReportRequestListQuery,
} from "@/lib/jiko/reports";
import { StatementList, type StatementListQuery } from "@/lib/jiko/statements";
import { TradingStrategies } from "@/lib/jiko/strategies";
import {
  type CreateServiceUserRequest,
  type EditTeamMemberRequest,
  type InviteMemberRequest,
  TeamMember,
  TeamMessage,
  TeamResponse,
} from "@/lib/jiko/team";
import { type TradeListQuery, TradeV2List, type TradeV2ListQuery } from "@/lib/jiko/trades";
import { TransactionList, type TransactionQuery } from "@/lib/jiko/transactions";
import {
  type CreateTransferRequest,
  DualAuthUserList,
  TransferRequest,
  TransferRequestList,
  type TransferRequestQuery,
  type UpdateTransferRequestStatus,
} from "@/lib/jiko/transfers";
import { MembershipList, UserInfo } from "@/lib/jiko/user";
import type { TokenSet } from "../auth/token-store";
import { companyCalls } from "./company-calls";
import { JikoError } from "./errors";
import { type HttpOptions, type JikoRequest, jikoFetch, jikoRequest } from "./http";

export interface TokenSource {
  get(opts?: { force?: boolean }): Promise<TokenSet>;
}

const member = (id: string) => `/api/v1/team/${encodeURIComponent(id)}/`;
const pocket = (id: string) => `/api/v2/pockets/${encodeURIComponent(id)}/`;
const counterparty = (id: string) => `/api/v2/counterparties/${encodeURIComponent(id)}/`;
const transferRequest = (id: string) => `/api/v1/transfer-requests/${encodeURIComponent(id)}/`;
const subscription = (id: string) => `/api/v1/subscriptions/${encodeURIComponent(id)}/`;

export interface EarningsQuery {
  period: EarningsPeriod;
  /** Inclusive "YYYY-MM-DD" dates, for period "range". */
  date_from?: string;
  date_to?: string;
}

/**
 * Jiko's Customer API for one signed-in person. Every answer is parsed with lib/jiko's schemas. A
 * 401 on a token we thought good (revoked, or clocks apart) gets one forced refresh and one retry.
 */
export function createJikoClient(
  http: HttpOptions,
  tokens: TokenSource,
  opts: { onRequest?: (req: Omit<JikoRequest, "accessToken">) => void } = {},
) {
  async function withToken<T>(send: (accessToken: string) => Promise<T>): Promise<T> {
    const first = await tokens.get();
    try {
      return await send(first.accessToken);
    } catch (error) {
      if (!(error instanceof JikoError) || error.code !== "reauth-required") throw error;
      const renewed = await tokens.get({ force: true });
      return send(renewed.accessToken);
    }
  }
  const call = <S extends z.ZodType>(req: Omit<JikoRequest, "accessToken">, schema: S | null) => {
    opts.onRequest?.(req);
    return withToken((accessToken) => jikoRequest(http, { ...req, accessToken }, schema));
  };
  const raw = (req: Omit<JikoRequest, "accessToken">) => {
    opts.onRequest?.(req);
    return withToken((accessToken) => jikoFetch(http, { ...req, accessToken }));
  };

  return {
    /** The scopes the person's current token carries. */
    scopes: async () => (await tokens.get()).scope.split(" ").filter(Boolean),
    user: () => call({ method: "GET", path: "/api/v1/user/" }, UserInfo),
    memberships: () => call({ method: "GET", path: "/api/v1/user/memberships/" }, MembershipList),
    customer: () => call({ method: "GET", path: "/api/v1/customer/" }, Customer),

    team: () => call({ method: "GET", path: "/api/v1/team/" }, TeamResponse),
    member: (id: string) => call({ method: "GET", path: member(id) }, TeamMember),
    editMember: (id: string, body: EditTeamMemberRequest) =>
      call({ method: "PUT", path: member(id), body }, TeamMember),
    deactivateMember: (id: string) => call({ method: "DELETE", path: member(id) }, TeamMember),
    inviteMember: (body: InviteMemberRequest) =>
      call({ method: "POST", path: "/api/v1/team/invite/", body }, TeamMember),
    resendInvite: (id: string) =>
      call({ method: "POST", path: `${member(id)}invite/`, body: {} }, TeamMessage),
    cancelInvite: (id: string) =>
      call({ method: "DELETE", path: `${member(id)}invite/`, idempotent: false }, TeamMessage),
    createServiceUser: (body: CreateServiceUserRequest) =>
      call({ method: "POST", path: "/api/v1/team/service-users/", body }, TeamMember),

    pockets: (q: { cursor?: string; limit?: number; status?: PocketStatus[] } = {}) =>
      call(
        {
          method: "GET",
          path: "/api/v2/pockets/",
          query: { cursor: q.cursor, limit: q.limit, "filter[status]": q.status },
        },
        PocketList,
      ),
    pocket: (id: string) => call({ method: "GET", path: pocket(id) }, Pocket),
    createPocket: (body: CreatePocketRequest) =>
      call({ method: "POST", path: "/api/v2/pockets/", body }, Pocket),
    updatePocket: (id: string, body: UpdatePocketRequest) =>
      call({ method: "PATCH", path: pocket(id), body }, Pocket),
    earnings: (id: string, q: EarningsQuery) =>
      call({ method: "GET", path: `${pocket(id)}earnings/`, query: { ...q } }, Earnings),
    tradingStrategies: (applicability?: "DEPOSIT" | "REINVESTMENT") =>
      call(
        { method: "GET", path: "/api/v2/trading-strategies/", query: { applicability } },
        TradingStrategies,
      ),
    portals: (pocketId: string) =>
      call(
        { method: "GET", path: `/api/v1/accounts/${encodeURIComponent(pocketId)}/portals/` },
        ListPortalsResponse,
      ),

    transactions: (query: TransactionQuery) =>
      call({ method: "GET", path: "/api/v2/transactions/", query }, TransactionList),
    /** Jiko's CSV, unparsed: the caller streams the body on without holding it. */
    transactionsCsv: (query: Omit<TransactionQuery, "cursor" | "limit">) =>
      raw({
        method: "GET",
        path: "/api/v2/transactions.csv",
        query,
        headers: { accept: "text/csv" },
      }),

    trades: (query: TradeV2ListQuery) =>
      call({ method: "GET", path: "/api/v2/trades/", query }, TradeV2List),
    /** Jiko's CSV (v1: account and trade time filters), unparsed, to stream on. */
    tradesCsv: (query: Omit<TradeListQuery, "cursor" | "limit">) =>
      raw({ method: "GET", path: "/api/v1/trades.csv", query, headers: { accept: "text/csv" } }),
    /**
     * Where the trade's confirmation PDF is, for the next 10 minutes: Jiko answers 307 to a signed
     * link, read here rather than followed so the bearer token never travels with it.
     */
    tradeConfirmationUrl: async (pocketId: string, tradeId: string) => {
      const res = await raw({
        method: "GET",
        path: `/api/v1/accounts/${encodeURIComponent(pocketId)}/trades/${encodeURIComponent(tradeId)}/confirmation/`,
        redirect: "manual",
        headers: { accept: "application/pdf" },
      });
      const location = res.headers.get("location");
      const url = location ? new URL(location, res.url || undefined) : null;
      if (!url || !["https:", "http:"].includes(url.protocol)) {
        throw new JikoError("unavailable", res.status, "Jiko sent no confirmation link");
      }
      return url;
    },

    statements: (query: StatementListQuery) =>
      call({ method: "GET", path: "/api/v1/statements/", query }, StatementList),

    reportRequests: (query: ReportRequestListQuery) =>
      call({ method: "GET", path: "/api/v1/report-requests/", query }, ReportRequestList),
    createReportRequest: (body: CreateReportRequest) =>
      call({ method: "POST", path: "/api/v1/report-requests/", body }, ReportRequest),
    /** A fresh time-limited link to a finished report's file. */
    reportDownload: (reportId: string) =>
      call(
        {
          method: "POST",
          path: `/api/v1/reports/${encodeURIComponent(reportId)}/download/`,
          body: {},
        },
        ReportDownload,
      ),

    counterparties: (query: CounterpartyQuery) =>
      call({ method: "GET", path: "/api/v2/counterparties/", query }, CounterpartyList),
    counterparty: (id: string) => call({ method: "GET", path: counterparty(id) }, Counterparty),
    createCounterparty: (body: CreateCounterpartyRequest) =>
      call({ method: "POST", path: "/api/v2/counterparties/", body }, Counterparty),
    unlinkCounterparty: (id: string) =>
      call({ method: "PATCH", path: counterparty(id), body: { status: "UNLINKED" } }, Counterparty),

    transferRequests: (query: TransferRequestQuery) =>
      call({ method: "GET", path: "/api/v1/transfer-requests/", query }, TransferRequestList),
    transferRequest: (id: string) =>
      call({ method: "GET", path: transferRequest(id) }, TransferRequest),
    transferReviewers: () =>
      call({ method: "GET", path: "/api/v1/transfer-requests/reviewers/" }, DualAuthUserList),
    /**
     * Safe to retry: the caller mints `transfer.id` once per intended transfer and Jiko answers a
     * repeat with the first request, so a timeout's retry never makes a second transfer.
     */
    createTransferRequest: (body: CreateTransferRequest) =>
      call(
        { method: "POST", path: "/api/v1/transfer-requests/", body, idempotent: true },
        TransferRequest,
      ),
    decideTransferRequest: (id: string, body: UpdateTransferRequestStatus) =>
      call(
        { method: "PATCH", path: `${transferRequest(id)}status/`, body, idempotent: false },
        TransferRequest,
      ),
    cancelTransferRequest: (id: string) =>
      call({ method: "DELETE", path: transferRequest(id), idempotent: false }, null),

    auditLogs: (query: AuditLogQuery) =>
      call({ method: "GET", path: "/api/v1/team/audit-logs/", query }, AuditLogList),
    /** Jiko's CSV, unparsed: the caller streams the body on without holding it. */
    auditLogsCsv: (query: Omit<AuditLogQuery, "cursor" | "limit">) =>
      raw({
        method: "GET",
        path: "/api/v1/team/audit-logs.csv",
        query,
        headers: { accept: "text/csv" },
      }),

    subscriptions: (q: { cursor?: string; limit?: number } = {}) =>
      call({ method: "GET", path: "/api/v1/subscriptions/", query: q }, SubscriptionList),
    subscription: (id: string) => call({ method: "GET", path: subscription(id) }, Subscription),
    createSubscription: (body: CreateSubscriptionRequest) =>
      call(
        { method: "POST", path: "/api/v1/subscriptions/", body, idempotent: false },
        Subscription,
      ),
    updateSubscription: (id: string, body: UpdateSubscriptionRequest) =>
      call({ method: "PATCH", path: subscription(id), body }, Subscription),
    deleteSubscription: (id: string) =>
      call({ method: "DELETE", path: subscription(id), idempotent: false }, null),
    events: (query: Partial<EventListQuery>) =>
      call({ method: "GET", path: "/api/v1/events/", query }, EventList),
    /** Jiko's sandbox only (INFERRED for the Customer API): production answers 404. */
    triggerWebhook: (body: TriggerWebhookRequest) =>
      call({ method: "POST", path: "/api/v1/sandbox/webhook/", body, idempotent: true }, null),

    notifications: (q: { status?: NotificationStatus; cursor?: string; limit?: number } = {}) =>
      call({ method: "GET", path: "/api/v1/notifications/", query: q }, NotificationList),
    markNotification: (id: string, status: NotificationStatus) =>
      call(
        {
          method: "PATCH",
          path: `/api/v1/notifications/${encodeURIComponent(id)}/`,
          body: { status },
        },
        CustomerNotification,
      ),

    ...companyCalls(call, raw),
  };
}

export type JikoClient = ReturnType<typeof createJikoClient>;
