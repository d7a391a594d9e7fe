"use client";

import { useTeam } from "@/components/team/use-team";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { MEMBER_STATUSES, type MemberStatus, ROLE_LABELS } from "@/lib/jiko/roles";

const STATUS_LABELS: Record<MemberStatus, string> = {
  ACTIVE: "Active",
  PENDING: "Invited",
  DEACTIVATED: "Deactivated",
};

export function TeamCard() {
  const { data: team, error, refetch, isPending } = useTeam();
  if (isPending) return <Skeleton className="h-56" />;
  if (error)
    return (
      <ErrorState title="Team unavailable" message={error.message} onRetry={() => refetch()} />
    );
  const count = (status: MemberStatus) =>
    team.member_groups.find((g) => g.status === status)?.members.length ?? 0;
  const active = team.member_groups.find((g) => g.status === "ACTIVE")?.members ?? [];
  return (
    <Card title={`Team · ${team.team_name}`}>
      <dl className="grid grid-cols-3 gap-3 text-center">
        {MEMBER_STATUSES.map((s) => (
          <div key={s} className="rounded-lg bg-ink-50 p-3 dark:bg-ink-800">
            <dt className="text-xs text-ink-500 dark:text-ink-300">{STATUS_LABELS[s]}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{count(s)}</dd>
          </div>
        ))}
      </dl>
      <ul className="mt-4 divide-y divide-ink-100 text-sm dark:divide-ink-800">
        {active.map((m) => (
          <li key={m.id} className="flex justify-between gap-3 py-1.5">
            <span>
              {m.first_name} {m.last_name}
            </span>
            <span className="text-ink-500 dark:text-ink-400">{ROLE_LABELS[m.role]}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
