"use client";

import { FileText } from "lucide-react";
import { useRef } from "react";
import { usePockets } from "@/components/pockets/use-pockets";
import { CheckGroup } from "@/components/ui/check-group";
import { DateRangeFields, dateRangeOf } from "@/components/ui/date-range-fields";
import { ExportButton } from "@/components/ui/export-button";
import { FilterForm } from "@/components/ui/filter-form";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import { useLoadMore } from "@/components/ui/use-load-more";
import { lazySchemas } from "@/lib/api-client";
import { formatDate, nyDate } from "@/lib/dates";
import { plural } from "@/lib/format";
import { TRADE_STATUS_LABELS } from "@/lib/labels";
import { formatCents, formatRate } from "@/lib/money";
import { type TradeFilters, tradeFiltersToSearch } from "@/lib/trade-filters";
import { useTrades } from "./hooks";

/** The filters' schema loads once a person starts on the filter bar (components/ui/filter-form.tsx). */
const filterSchema = lazySchemas(() => import("@/lib/filter-schemas"));

const COLUMNS = [
  { label: "Trade date" },
  { label: "Pocket" },
  { label: "Activity" },
  { label: "Security" },
  { label: "Face", align: "right" },
  { label: "Price", align: "right" },
  { label: "Yield", align: "right" },
  { label: "Amount", align: "right" },
  { label: "Status" },
  { label: "Confirmation" },
] as const;

const ACTIVITY = { BUY: "Buy", SELL: "Sell", MATURITY: "Maturity" } as const;
const face = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

function TradeFilterBar({
  filters,
  pockets,
}: {
  filters: TradeFilters;
  pockets: { id: string; name: string }[];
}) {
  return (
    <FilterForm
      label="Filter trades"
      schema={filterSchema("TradeFilters")}
      toSearch={tradeFiltersToSearch}
      read={(data) => ({ pocket: data.getAll("pocket"), ...dateRangeOf(data) })}
    >
      {(errors) => (
        <>
          <CheckGroup
            legend="Pockets"
            name="pocket"
            options={pockets.map((p) => ({ value: p.id, label: p.name }))}
            checked={filters.pocket ?? []}
          />
          <DateRangeFields idPrefix="tr" label="Traded" value={filters} errors={errors} />
        </>
      )}
    </FilterForm>
  );
}

/** T-bill buys, sales and maturities; each confirmation fetched from Jiko when opened. */
export function TradesView({ filters }: { filters: TradeFilters }) {
  const search = tradeFiltersToSearch(filters);
  const trades = useTrades(search);
  const pockets = usePockets();
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMore(sentinel, trades);
  const rows = trades.data?.pages.flatMap((p) => p.items) ?? [];
  const names = new Map(pockets.data?.items.map((p) => [p.id, p.pocket_name]));

  return (
    <div className="space-y-4">
      <TradeFilterBar
        key={search}
        filters={filters}
        pockets={pockets.data?.items.map((p) => ({ id: p.id, name: p.pocket_name })) ?? []}
      />
      <div className="flex items-center justify-end gap-4">
        <p className="text-sm text-ink-600 dark:text-ink-300" aria-live="polite">
          {trades.isPending
            ? "Loading…"
            : plural(rows.length, "trade", "trades", { more: trades.hasNextPage })}
        </p>
        <ExportButton
          path="/api/trades/export"
          search={search}
          filename={`trades-${nyDate(new Date().toISOString())}.csv`}
        />
      </div>
      <QueryView
        query={trades}
        what="Trades"
        skeleton={<Skeleton className="h-96" />}
        isEmpty={() => rows.length === 0}
        empty={<EmptyMessage>No trades match these filters.</EmptyMessage>}
      >
        {() => (
          <ScrollRegion
            label="Trades table"
            className="rounded-xl border border-ink-200 bg-white px-4 dark:border-ink-800 dark:bg-ink-900"
          >
            <table className={`w-full text-sm ${stacked.table}`} data-testid="trades-table">
              <TableHead columns={COLUMNS} stacked />
              <tbody className={stacked.body}>
                {rows.map((t) => (
                  <tr
                    key={t.id}
                    data-testid="trade-row"
                    data-id={t.id}
                    className={`border-b border-ink-100 last:border-0 dark:border-ink-800 ${stacked.row}`}
                  >
                    <td
                      className={`py-2 pr-4 whitespace-nowrap tabular-nums max-sm:order-1 max-sm:font-medium ${stacked.cell}`}
                    >
                      {formatDate(t.trade_datetime)}
                    </td>
                    <td
                      data-label="Pocket"
                      className={`py-2 pr-4 max-sm:order-6 ${stacked.cell} ${stacked.labelled}`}
                    >
                      {names.get(t.pocket_id) ?? "Unknown pocket"}
                    </td>
                    <td className={`py-2 pr-4 max-sm:order-4 ${stacked.cell}`}>
                      {ACTIVITY[t.activity]}
                    </td>
                    <td className={`py-2 pr-4 max-sm:order-3 ${stacked.cell} ${stacked.wide}`}>
                      {t.description}
                      <span className="block font-mono text-xs text-ink-600 dark:text-ink-300">
                        {t.cusip}
                      </span>
                    </td>
                    <td
                      data-label="Face"
                      className={`py-2 pr-4 text-right tabular-nums max-sm:order-7 ${stacked.cell} ${stacked.labelled} ${stacked.end}`}
                    >
                      {face.format(t.quantity * 100)}
                    </td>
                    <td
                      data-label="Price"
                      className={`py-2 pr-4 text-right tabular-nums max-sm:order-8 max-sm:text-left ${stacked.cell} ${stacked.labelled}`}
                    >
                      {t.price}
                    </td>
                    <td
                      data-label="Yield"
                      className={`py-2 pr-4 text-right tabular-nums max-sm:order-9 ${stacked.cell} ${stacked.labelled} ${stacked.end}`}
                    >
                      {t.activity === "MATURITY" ? "—" : formatRate(t.yield_to_maturity)}
                    </td>
                    <td
                      className={`py-2 pr-4 text-right tabular-nums max-sm:order-2 max-sm:font-medium ${stacked.cell} ${stacked.end}`}
                    >
                      {formatCents(t.notional.value)}
                    </td>
                    <td className={`py-2 pr-4 max-sm:order-5 ${stacked.cell} ${stacked.end}`}>
                      {TRADE_STATUS_LABELS[t.status]}
                    </td>
                    <td className={`py-2 max-sm:order-10 ${stacked.cell} ${stacked.wide}`}>
                      {t.activity === "MATURITY" ? (
                        <span className="text-xs text-ink-600 dark:text-ink-300">
                          None for maturities
                        </span>
                      ) : (
                        <a
                          href={`/api/trades/confirmation?pocket=${t.pocket_id}&trade=${t.id}`}
                          target="_blank"
                          rel="noopener"
                          className="inline-flex items-center gap-1 text-brand-700 hover:underline dark:text-brand-300"
                        >
                          <FileText aria-hidden="true" className="size-4" /> PDF
                          <span className="sr-only">
                            {" "}
                            confirmation of the {ACTIVITY[t.activity]} of {t.cusip}
                          </span>
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div ref={sentinel} className="py-3 text-center text-sm text-ink-600 dark:text-ink-300">
              {trades.isFetchingNextPage
                ? "Loading more…"
                : trades.hasNextPage
                  ? ""
                  : "End of the list"}
            </div>
          </ScrollRegion>
        )}
      </QueryView>
    </div>
  );
}
