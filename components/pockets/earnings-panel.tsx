"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { lazy } from "react";
import { BrowserOnly } from "@/components/ui/browser-only";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiClientError } from "@/lib/api-client";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import {
  customRangeIssues,
  earningsParamsOf,
  pocketPeriodToSearch,
  readPocketPeriod,
  type UrlPeriod,
} from "@/lib/pocket-period";
import { useEarnings } from "./hooks";

// Below the holdings: the chart's code loads once the figures are on screen.
const EarningsBars = lazy(() =>
  import("./earnings-bars").then((m) => ({ default: m.EarningsBars })),
);

const PERIODS: { id: UrlPeriod; label: string }[] = [
  { id: "week", label: "Week to date" },
  { id: "month", label: "Month to date" },
  { id: "ytd", label: "Year to date" },
  { id: "all", label: "All time" },
  { id: "custom", label: "Custom" },
];

/**
 * Jiko's earnings total for a period the person picks. The period lives in the page's URL: a
 * reload keeps it, and each choice is a history entry, so Back returns to the previous one.
 */
export function EarningsPanel({ pocketId }: { pocketId: string }) {
  const pathname = usePathname();
  const search = readPocketPeriod(useSearchParams());
  const { period, from, to } = search;
  const params = earningsParamsOf(search);
  const earnings = useEarnings(pocketId, params ?? { period: "mtd" }, params !== null);

  // Next keeps its router in step with the History API, without a server round trip.
  const go = (next: typeof search, entry: "push" | "replace") => {
    const query = pocketPeriodToSearch(next);
    const url = query ? `${pathname}?${query}` : pathname;
    if (entry === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };

  // The form's own check (within 2000-01-01 or the opening day and today), then the route's.
  const errors: Record<string, string> = {};
  if (period === "custom" && (from || to)) {
    for (const [field, message] of Object.entries(customRangeIssues(from, to))) {
      if ((field === "from" ? from : to) || (from && to)) errors[field] ??= message;
    }
  }
  const routeIssues = earnings.error instanceof ApiClientError ? earnings.error.issues : undefined;
  for (const i of routeIssues ?? []) errors[i.path] ??= i.message;
  const fieldError = !!(errors.from || errors.to);

  return (
    <Card title="Earnings">
      <fieldset>
        <legend className="sr-only">Period</legend>
        <div className="flex flex-wrap gap-1">
          {PERIODS.map((p) => (
            <label
              key={p.id}
              className={`cursor-pointer rounded-md px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${period === p.id ? "bg-brand-700 text-white dark:bg-brand-500 dark:text-ink-950" : "bg-ink-100 hover:bg-ink-200 dark:bg-ink-800 dark:hover:bg-ink-700"}`}
            >
              <input
                type="radio"
                name={`period-${pocketId}`}
                value={p.id}
                checked={period === p.id}
                onChange={() => go({ ...search, period: p.id }, "push")}
                className="sr-only"
              />
              {p.label}
            </label>
          ))}
        </div>
      </fieldset>
      {period === "custom" && (
        <div className="mt-3 grid grid-cols-2 gap-3">
          <Field id={`from-${pocketId}`} label="From" error={errors.from}>
            <Input
              id={`from-${pocketId}`}
              type="date"
              value={from}
              onChange={(e) => go({ ...search, from: e.target.value }, "replace")}
              invalid={!!errors.from}
            />
          </Field>
          <Field id={`to-${pocketId}`} label="To" error={errors.to}>
            <Input
              id={`to-${pocketId}`}
              type="date"
              value={to}
              onChange={(e) => go({ ...search, to: e.target.value }, "replace")}
              invalid={!!errors.to}
            />
          </Field>
        </div>
      )}
      <div className="mt-4 min-h-16" aria-live="polite">
        {period === "custom" && (!params || fieldError) ? (
          <p className="text-sm text-ink-600 dark:text-ink-300">
            {fieldError ? "Correct the dates above." : "Choose a start and an end date."}
          </p>
        ) : earnings.isPending ? (
          <Skeleton className="h-12 w-48" />
        ) : earnings.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {earnings.error.message}
          </p>
        ) : (
          <>
            <p className="text-3xl font-semibold tabular-nums" data-testid="earnings-total">
              {formatCents(earnings.data.totalCents)}
            </p>
            <p className="text-sm text-ink-600 dark:text-ink-300">
              {earnings.data.dateFrom
                ? formatDate(`${earnings.data.dateFrom}T12:00:00Z`)
                : "Since the pocket opened"}{" "}
              – {formatDate(`${earnings.data.dateTo}T12:00:00Z`)}
            </p>
            {earnings.data.points.length > 0 && (
              <div className="mt-4">
                <BrowserOnly fallback={<Skeleton className="h-64" />}>
                  <EarningsBars earnings={earnings.data} />
                </BrowserOnly>
              </div>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
