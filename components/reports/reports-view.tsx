"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { type FormEvent, useRef, useState } from "react";
import { usePockets } from "@/components/pockets/use-pockets";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import { toast } from "@/components/ui/toast";
import { ApiClientError, apiGet, apiSend, lazySchemas, loadSchema } from "@/lib/api-client";
import { formatDateTime, nyDate } from "@/lib/dates";
import { addDays } from "@/lib/jiko/business-days";
import { REPORT_FORMATS, REPORT_TYPES } from "@/lib/jiko/report-terms";
import type { OutputFormat, ReportStatus, ReportType } from "@/lib/jiko/reports";
import { reportablePockets } from "@/lib/pockets";
import { queryKeys } from "@/lib/query-keys";
import {
  FORMAT_LABELS,
  REPORT_FIELDS,
  REPORT_LABELS,
  type ReportForm,
  toCreateReportRequest,
} from "@/lib/report-form";

/** The answers' schemas and the form's checks load with the first answer or the first use. */
const schema = lazySchemas(() => import("./answers"));

const STATUS: Record<
  ReportStatus,
  { label: string; tone: "neutral" | "brand" | "warning" | "danger" }
> = {
  REQUESTED: { label: "Requested", tone: "neutral" },
  PROCESSING: { label: "Processing", tone: "warning" },
  COMPLETED: { label: "Ready", tone: "brand" },
  FAILED: { label: "Failed", tone: "danger" },
};

const COLUMNS = [
  { label: "Requested (ET)" },
  { label: "Report" },
  { label: "For" },
  { label: "Status" },
  { label: "Download", hidden: true },
] as const;

/** Polling backs off while reports are being made: 1 s, then ×1.5 each time, at most 15 s. */
const pollDelay = (step: number) => Math.min(1_000 * 1.5 ** step, 15_000);

function scopeOf(parameters: Record<string, unknown>) {
  const p = parameters as Record<string, string | undefined>;
  if (p.reporting_date) return p.reporting_date;
  if (p.as_of_date) return `as of ${p.as_of_date}`;
  if (p.date_from) return `${p.date_from} to ${p.date_to}`;
  return "";
}

/** The route names Jiko's body fields; the form shows each under its own field. */
const BODY_FIELDS: Record<string, string> = { reporting_date: "day", as_of_date: "day" };

function NewReport({ onCreated }: { onCreated: () => void }) {
  const pockets = usePockets();
  const yesterday = addDays(nyDate(new Date().toISOString()), -1);
  const [type, setType] = useState<ReportType>("BROKERAGE_STATEMENT_REPORT");
  const [format, setFormat] = useState<OutputFormat>("CAMT053");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fields = REPORT_FIELDS[type];
  const formats = REPORT_FORMATS[type] as readonly OutputFormat[];
  const create = useMutation({
    mutationFn: (form: ReportForm) =>
      apiSend("POST", "/api/reports", schema("ReportRequest"), toCreateReportRequest(form)),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (k: string) => (data.get(k) as string) ?? "";
    let check: typeof import("@/lib/report-form-schemas").ReportForm;
    try {
      check = await loadSchema(schema("ReportForm"));
    } catch (error) {
      setErrors({ root: (error as Error).message });
      return;
    }
    const parsed = check.safeParse({
      report_type: type,
      output_format: format,
      pocket_ids: data.getAll("pocket_ids"),
      day: text("day"),
      date_from: text("date_from"),
      date_to: text("date_to"),
      date_type: text("date_type") || "BOOK_DATE",
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    try {
      await create.mutateAsync(parsed.data);
      toast.success(`${REPORT_LABELS[type].title} requested`);
      onCreated();
    } catch (error) {
      const issues = error instanceof ApiClientError ? error.issues : undefined;
      if (issues?.length) {
        setErrors(
          Object.fromEntries(
            issues.map((i) => {
              const key = i.path.split(".").at(-1) ?? "root";
              return [BODY_FIELDS[key] ?? key, i.message];
            }),
          ),
        );
      } else setErrors({ root: (error as Error).message });
    }
  }

  return (
    <Card title="New report">
      <form onSubmit={submit} noValidate className="space-y-4" aria-label="Request a report">
        <FormError message={errors.root} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rp-type" label="Report" hint={REPORT_LABELS[type].help}>
            <Select
              id="rp-type"
              value={type}
              onChange={(e) => {
                const next = e.target.value as ReportType;
                setType(next);
                setFormat(REPORT_FORMATS[next][0]);
                setErrors({});
              }}
            >
              {REPORT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {REPORT_LABELS[t].title}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="rp-format" label="Format" error={errors.output_format}>
            <Select
              id="rp-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as OutputFormat)}
              disabled={formats.length === 1}
            >
              {formats.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </Select>
          </Field>
          {fields.day && (
            <Field id="rp-day" label="Day" error={errors.day}>
              <Input
                id="rp-day"
                name="day"
                type="date"
                defaultValue={yesterday}
                max={yesterday}
                invalid={!!errors.day}
              />
            </Field>
          )}
          {fields.range && (
            <>
              <Field id="rp-from" label="From" error={errors.date_from}>
                <Input
                  id="rp-from"
                  name="date_from"
                  type="date"
                  defaultValue={addDays(yesterday, -6)}
                  invalid={!!errors.date_from}
                />
              </Field>
              <Field id="rp-to" label="To" error={errors.date_to} hint="At most 31 days">
                <Input
                  id="rp-to"
                  name="date_to"
                  type="date"
                  defaultValue={yesterday}
                  invalid={!!errors.date_to}
                />
              </Field>
            </>
          )}
          {type === "TRADE_REPORT" && (
            <Field id="rp-datetype" label="Dates are">
              <Select id="rp-datetype" name="date_type" defaultValue="BOOK_DATE">
                <option value="BOOK_DATE">Book dates</option>
                <option value="SETTLEMENT_DATE">Settlement dates</option>
              </Select>
            </Field>
          )}
        </div>
        {fields.pockets !== "none" && (
          <fieldset aria-describedby={errors.pocket_ids ? "rp-pockets-error" : undefined}>
            <legend className="text-sm font-medium">
              Pockets{" "}
              {fields.pockets === "optional" && (
                <span className="font-normal">(none chosen: all)</span>
              )}
            </legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {reportablePockets(pockets.data?.items ?? [], { history: fields.range }).map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="pocket_ids" value={p.id} /> {p.name}
                  {p.closed && <span className="text-ink-600 dark:text-ink-300">(closed)</span>}
                </label>
              ))}
            </div>
            {errors.pocket_ids && (
              <p
                id="rp-pockets-error"
                role="alert"
                className="mt-1 text-xs text-red-700 dark:text-red-300"
              >
                {errors.pocket_ids}
              </p>
            )}
          </fieldset>
        )}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Requesting…" : "Request report"}
        </Button>
      </form>
    </Card>
  );
}

/** Report requests: create one, watch it until it is ready, download it. */
export function ReportsView({ canCreate }: { canCreate: boolean }) {
  const client = useQueryClient();
  // Polls since the last request: a new report starts the backoff over.
  const since = useRef(0);
  const reports = useQuery({
    queryKey: queryKeys.reports(),
    queryFn: () => apiGet("/api/reports", schema("ReportRequestList")),
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === "REQUESTED" || r.status === "PROCESSING")
        ? pollDelay(q.state.dataUpdateCount - since.current)
        : false,
  });

  return (
    <div className="space-y-6">
      {canCreate && (
        <NewReport
          onCreated={() => {
            since.current =
              client.getQueryState(queryKeys.reports())?.dataUpdateCount ?? since.current;
            void client.invalidateQueries({ queryKey: queryKeys.reports() });
          }}
        />
      )}
      <Card title="Requested reports">
        <QueryView
          query={reports}
          what="Reports"
          skeleton={<Skeleton className="h-48" />}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <p className="text-sm text-ink-600 dark:text-ink-300">No reports requested yet.</p>
          }
        >
          {(data) => (
            <ScrollRegion label="Requested reports table">
              <table className={`w-full text-sm ${stacked.table}`} data-testid="reports-table">
                <TableHead columns={COLUMNS} stacked />
                <tbody className={stacked.body}>
                  {data.items.map((r) => (
                    <tr
                      key={r.id}
                      data-testid="report-row"
                      data-status={r.status}
                      className={`border-b border-ink-100 last:border-0 dark:border-ink-800 ${stacked.row}`}
                    >
                      <td className={`py-2 pr-4 tabular-nums ${stacked.cell}`}>
                        {formatDateTime(r.time_created).replace(/ ET$/, "")}
                      </td>
                      <td
                        className={`py-2 pr-4 max-sm:order-first max-sm:col-span-2 ${stacked.cell}`}
                      >
                        {REPORT_LABELS[r.report_type].title}
                        <span className="block text-xs text-ink-600 dark:text-ink-300">
                          {FORMAT_LABELS[r.output_format]}
                        </span>
                      </td>
                      <td
                        data-label="For"
                        className={`py-2 pr-4 max-sm:order-last ${stacked.cell} ${stacked.labelled} ${stacked.wide}`}
                      >
                        {scopeOf(r.parameters)}
                      </td>
                      <td className={`py-2 pr-4 ${stacked.cell} ${stacked.end}`}>
                        <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
                        {r.failure_reason && (
                          <span className="block text-xs text-red-700 dark:text-red-300">
                            {r.failure_reason}
                          </span>
                        )}
                      </td>
                      <td
                        className={`py-2 text-right max-sm:order-last max-sm:text-left ${stacked.cell} ${stacked.wide}`}
                      >
                        {r.status === "COMPLETED" && r.report && (
                          <a
                            href={`/api/reports/${r.report.id}/download?format=${r.report.output_format}`}
                            download
                            className="inline-flex items-center gap-1 text-brand-700 hover:underline dark:text-brand-300"
                          >
                            <Download aria-hidden="true" className="size-4" /> Download
                            <span className="sr-only">
                              {" "}
                              {REPORT_LABELS[r.report_type].title}, {scopeOf(r.parameters)}
                            </span>
                          </a>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </QueryView>
      </Card>
    </div>
  );
}
