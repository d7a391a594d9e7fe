"use client";

import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { lazySchemas, loadSchema } from "@/lib/api-client";
import { type AuditFilters, auditFiltersToSearch } from "@/lib/audit-filters";
import type { AuditAction } from "@/lib/jiko/audit";
import { AUDIT_ACTIONS } from "@/lib/jiko/audit-terms";
import type { TeamMember } from "@/lib/jiko/team";
import { ACTION_LABELS } from "./labels";

/** The filters' schema loads once a person starts on the bar; applying waits for it. */
const filterSchema = lazySchemas(() => import("@/lib/audit-filter-schemas"));
const loadFilters = () => loadSchema(filterSchema("AuditFilters"));

/** Filters live in the URL: applying one is a navigation, so views can be shared and bookmarked. */
export function AuditFiltersBar({
  filters,
  members,
}: {
  filters: AuditFilters;
  members: TeamMember[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [error, setError] = useState<string>();
  const [unreachable, setUnreachable] = useState<string>();

  async function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (k: string) => (data.get(k) as string) || undefined;
    const typed = {
      member: value("member"),
      from: value("from"),
      to: value("to"),
      action: value("action") as AuditAction | undefined,
    };
    let Filters: Awaited<ReturnType<typeof loadFilters>>;
    try {
      Filters = await loadFilters();
    } catch (failure) {
      // A failed load is tried again at the next apply.
      setError(undefined);
      setUnreachable((failure as Error).message);
      return;
    }
    setUnreachable(undefined);
    const parsed = Filters.safeParse(typed);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    const search = auditFiltersToSearch(parsed.data);
    router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  return (
    <form
      onSubmit={apply}
      onFocus={() => void loadFilters()}
      aria-label="Filter the audit log"
      className="grid grid-cols-1 gap-4 rounded-xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-ink-800 dark:bg-ink-900"
    >
      <Field id="f-member" label="Member">
        <Select id="f-member" name="member" defaultValue={filters.member ?? ""}>
          <option value="">Anyone</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {`${m.first_name} ${m.last_name}`.trim()}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-action" label="Action">
        <Select id="f-action" name="action" defaultValue={filters.action?.[0] ?? ""}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-from" label="From (ET)">
        <Input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </Field>
      <Field id="f-to" label="To (ET)" error={error}>
        <Input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} invalid={!!error} />
      </Field>
      {unreachable && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-full dark:text-red-300">
          {unreachable}
        </p>
      )}
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" onClick={() => router.push(pathname, { scroll: false })}>
          Clear
        </Button>
      </div>
    </form>
  );
}
