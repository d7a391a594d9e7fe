"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate } from "@/lib/dates";
import type { EarningsPeriod } from "@/lib/jiko/pockets";
import { formatCents } from "@/lib/money";
import { EarningsParams } from "@/lib/pockets";
import { useEarnings } from "./hooks";

// Below the holdings: the chart's code loads once the figures are on screen.
const EarningsBars = dynamic(() => import("./earnings-bars").then((m) => m.EarningsBars), {
  ssr: false,
  loading: () => <Skeleton className="h-64" />,
});

const PERIODS: { id: EarningsPeriod; label: string }[] = [
  { id: "wtd", label: "Week to date" },
  { id: "mtd", label: "Month to date" },
  { id: "ytd", label: "Year to date" },
  { id: "all-time", label: "All time" },
  { id: "range", label: "Custom" },
];

/** Jiko's earnings total for a period the person picks. */
export function EarningsPanel({ pocketId }: { pocketId: string }) {
  const [period, setPeriod] = useState<EarningsPeriod>("mtd");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const parsed = EarningsParams.safeParse({ period, from: from || undefined, to: to || undefined });
  const params = parsed.success ? parsed.data : { period: "mtd" as const };
  const earnings = useEarnings(pocketId, params);
  const invalid =
    !parsed.success && period === "range" && from && to
      ? parsed.error.issues[0]?.message
      : undefined;

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
                onChange={() => setPeriod(p.id)}
                className="sr-only"
              />
              {p.label}
            </label>
          ))}
        </div>
      </fieldset>
      {period === "range" && (
        <div className="mt-3 grid grid-cols-2 gap-3">
          <Field id={`from-${pocketId}`} label="From">
            <Input
              id={`from-${pocketId}`}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </Field>
          <Field id={`to-${pocketId}`} label="To" error={invalid}>
            <Input
              id={`to-${pocketId}`}
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              invalid={!!invalid}
            />
          </Field>
        </div>
      )}
      <div className="mt-4 min-h-16" aria-live="polite">
        {period === "range" && !parsed.success ? (
          <p className="text-sm text-ink-600 dark:text-ink-300">Choose a start and an end date.</p>
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
                <EarningsBars earnings={earnings.data} />
              </div>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
