"use client";

import { lazy } from "react";
import { Badge } from "@/components/ui/badge";
import { BrowserOnly } from "@/components/ui/browser-only";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { TableHead } from "@/components/ui/table-head";
import { formatDate, formatDateTime, nyDate } from "@/lib/dates";
import { faceCents, liquidityLadder } from "@/lib/forecast";
import type { FixedIncomeSecurity } from "@/lib/jiko/pockets";
import { strategyLabel } from "@/lib/jiko/strategy-terms";
import { labelFor, POCKET_STATUS_LABELS } from "@/lib/labels";
import { formatCents, formatRate } from "@/lib/money";
import { EarningsPanel } from "./earnings-panel";
import { usePocket, usePockets } from "./hooks";
import { PocketActions } from "./pocket-actions";
import { PortalsPanel } from "./portals-panel";

// Charts are below the fold: their code loads after the page is usable.
const LiquidityLadder = lazy(() =>
  import("./liquidity-ladder").then((m) => ({ default: m.LiquidityLadder })),
);

const HOLDING_COLUMNS = [
  { label: "CUSIP" },
  { label: "Maturity" },
  { label: "Face", align: "right" },
  { label: "Market value", align: "right" },
  { label: "Yield to maturity", align: "right" },
] as const;

export function PocketDetail({
  pocketId,
  canManage,
  canReveal,
  closedAt,
}: {
  pocketId: string;
  canManage: boolean;
  canReveal: boolean;
  /** When the pocket was closed, if Jiko's audit log says so to this person. */
  closedAt?: string | null;
}) {
  const { data: pocket, error, refetch, isPending } = usePocket(pocketId);
  const pockets = usePockets();
  if (isPending) return <Skeleton className="h-96" />;
  if (error)
    return (
      <ErrorState
        title="This pocket could not load"
        message={error.message}
        onRetry={() => refetch()}
      />
    );
  const portfolio = pocket.portfolio;
  const bills = (portfolio?.securities ?? [])
    .filter((s): s is FixedIncomeSecurity => s.type === "FIXED_INCOME")
    .sort((a, b) => a.maturity_date.localeCompare(b.maturity_date));
  const openPockets = pockets.data?.items.filter((p) => p.status === "OPEN").length ?? 0;
  const closed = pocket.status === "CLOSED";
  const today = nyDate(portfolio?.pricing_timestamp ?? new Date().toISOString());

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold">
            {pocket.pocket_name}{" "}
            <Badge tone={pocket.status === "OPEN" ? "brand" : "neutral"}>
              {labelFor(POCKET_STATUS_LABELS, pocket.status)}
            </Badge>
          </h1>
          <p className="text-ink-600 dark:text-ink-300">
            Deposits: {strategyLabel(pocket.deposit_strategy_id)} · Reinvestment:{" "}
            {strategyLabel(pocket.reinvestment_strategy_id)}
          </p>
        </div>
        {canManage && <PocketActions pocket={pocket} openPockets={openPockets} />}
      </div>

      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Value"
          value={portfolio ? formatCents(portfolio.total_value.value) : "—"}
          id="pocket-value"
        />
        <Stat
          label="Current yield"
          value={portfolio ? formatRate(portfolio.current_yield) : "—"}
          id="pocket-yield"
        />
        <Stat
          label="Cash"
          value={portfolio ? formatCents(portfolio.cash.value) : "—"}
          id="pocket-cash"
        />
        <Stat
          label="Earnings, all time"
          value={portfolio ? formatCents(portfolio.all_time_earnings.value) : "—"}
          id="pocket-earnings"
        />
      </dl>
      {portfolio?.pricing_timestamp && (
        <p className="text-xs text-ink-600 dark:text-ink-300">
          Priced {formatDateTime(portfolio.pricing_timestamp)}
        </p>
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={`T-bill holdings (${bills.length})`}>
            {bills.length === 0 ? (
              <p className="text-sm text-ink-600 dark:text-ink-300">No T-bills are held.</p>
            ) : (
              <ScrollRegion label="T-bills held">
                <table className="w-full text-sm">
                  <TableHead columns={HOLDING_COLUMNS} />
                  <tbody>
                    {bills.map((s) => (
                      <tr
                        key={s.cusip}
                        className="border-b border-ink-100 last:border-0 dark:border-ink-800"
                      >
                        <th scope="row" className="py-2 pr-4 text-left font-mono font-normal">
                          {s.cusip}
                        </th>
                        <td className="py-2 pr-4">{formatDate(`${s.maturity_date}T12:00:00Z`)}</td>
                        <td className="py-2 pr-4 text-right tabular-nums">
                          {formatCents(faceCents(s))}
                        </td>
                        <td className="py-2 pr-4 text-right tabular-nums">
                          {formatCents(s.market_value.value)}
                        </td>
                        <td className="py-2 text-right tabular-nums">
                          {formatRate(s.yield_to_maturity, 3)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </Card>
        </div>
        <EarningsPanel pocketId={pocket.id} />
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <Card title="Liquidity ladder">
            <p className="mb-3 text-sm text-ink-600 dark:text-ink-300">
              Cash available by date: today&rsquo;s cash, then each T-bill&rsquo;s face value as it
              matures (if it is not reinvested).
            </p>
            <BrowserOnly fallback={<Skeleton className="h-64" />}>
              <LiquidityLadder rungs={liquidityLadder(portfolio?.cash.value ?? 0, bills, today)} />
            </BrowserOnly>
          </Card>
        </div>
        {closed ? (
          <Card title="Closed pocket">
            <p className="text-sm" data-testid="pocket-closed">
              {closedAt
                ? `This pocket was closed on ${formatDateTime(closedAt)}.`
                : "This pocket is closed."}{" "}
              It cannot receive ACH or wires: its routing and account numbers are no longer offered.
            </p>
          </Card>
        ) : (
          <PortalsPanel pocketId={pocket.id} canReveal={canReveal} />
        )}
      </div>
    </div>
  );
}
