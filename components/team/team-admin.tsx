"use client";

import { Bot, Mail, UserPlus } from "lucide-react";
import { lazy, useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Deferred } from "@/components/ui/deferred";
import { ErrorState } from "@/components/ui/error-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { toast } from "@/components/ui/toast";
import { formatDate, formatDateTime } from "@/lib/dates";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import type { TeamMember } from "@/lib/jiko/team";
import { hasDraft } from "@/lib/tab-drafts";
import { fullName, useEditMember, useResendInvite, useTeam } from "./hooks";
import { INVITE_DRAFT, SERVICE_USER_DRAFT } from "./team-drafts";

/** A row's one-click action (resend, reactivate) has no dialog to show a failure in: a toast does. */
const sayFailed = (error: Error) => toast.error(error.message);

// Dialogs (Radix, the forms) load when first opened (see Deferred).
const InviteDialog = lazy(() =>
  import("./invite-dialog").then((m) => ({ default: m.InviteDialog })),
);
const ServiceUserDialog = lazy(() =>
  import("./service-user-dialog").then((m) => ({ default: m.ServiceUserDialog })),
);
const ChangeRoleDialog = lazy(() =>
  import("./member-dialogs").then((m) => ({ default: m.ChangeRoleDialog })),
);
const DeactivateDialog = lazy(() =>
  import("./member-dialogs").then((m) => ({ default: m.DeactivateDialog })),
);
const CancelInviteDialog = lazy(() =>
  import("./member-dialogs").then((m) => ({ default: m.CancelInviteDialog })),
);

type Open =
  | { kind: "role" | "deactivate" | "cancel"; member: TeamMember }
  | { kind: "invite" | "service" }
  | null;

const small = "px-2.5 py-1 text-xs";
/** Rows each member table draws at first, and adds per "Show more". */
const ROWS_AT_ONCE = 50;

export function TeamAdmin({
  canManage,
  viewerMemberId,
}: {
  canManage: boolean;
  viewerMemberId: string;
}) {
  const { data: team, error, refetch, isPending } = useTeam();
  const [open, setOpen] = useState<Open>(null);
  const resend = useResendInvite();
  const reactivate = useEditMember();
  // An invitation or a service user left unsent (the session ended as it was sent, say) opens
  // again, as it was.
  useEffect(() => {
    if (!canManage) return;
    if (hasDraft(INVITE_DRAFT, viewerMemberId)) setOpen({ kind: "invite" });
    else if (hasDraft(SERVICE_USER_DRAFT, viewerMemberId)) setOpen({ kind: "service" });
  }, [canManage, viewerMemberId]);
  if (isPending) return <Skeleton className="h-96" />;
  if (error)
    return (
      <ErrorState
        title="The team could not load"
        message={error.message}
        onRetry={() => refetch()}
      />
    );

  const group = (status: TeamMember["status"]) =>
    team.member_groups.find((g) => g.status === status)?.members ?? [];
  const active = group("ACTIVE");
  const people = active.filter((m) => m.access === "WEB");
  const services = active.filter((m) => m.access === "API");
  const activeAdmins = active.filter((m) => m.role === "ADMIN");
  const isLastAdmin = (m: TeamMember) => m.role === "ADMIN" && activeAdmins.length === 1;
  const close = () => setOpen(null);

  const activeActions = (m: TeamMember) => {
    const last = isLastAdmin(m);
    const why = last
      ? `${fullName(m)} is the team’s last admin: make someone else an admin first.`
      : undefined;
    return (
      <div className="flex flex-wrap justify-end gap-2 max-sm:justify-start">
        <Button
          variant="secondary"
          className={small}
          disabled={last}
          title={why}
          onClick={() => setOpen({ kind: "role", member: m })}
        >
          Change role<span className="sr-only"> of {fullName(m)}</span>
        </Button>
        <Button
          variant="secondary"
          className={small}
          disabled={last}
          title={why}
          onClick={() => setOpen({ kind: "deactivate", member: m })}
        >
          Deactivate<span className="sr-only"> {fullName(m)}</span>
        </Button>
      </div>
    );
  };

  return (
    <div className="space-y-6">
      {canManage && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setOpen({ kind: "invite" })}>
            <UserPlus aria-hidden="true" className="size-4" /> Invite member
          </Button>
          <Button variant="secondary" onClick={() => setOpen({ kind: "service" })}>
            <Bot aria-hidden="true" className="size-4" /> Add service user
          </Button>
        </div>
      )}

      <MemberTable
        title={`Active members (${people.length})`}
        members={people}
        columns={["Role", "Last login", "Added"]}
        cells={(m) => [
          <span key="r">
            {ROLE_LABELS[m.role]}
            {m.id === viewerMemberId && (
              <span className="ml-2 text-xs text-ink-500 dark:text-ink-400">(you)</span>
            )}
          </span>,
          m.last_login_at ? formatDateTime(m.last_login_at) : "Never",
          formatDate(m.created_at),
        ]}
        actions={canManage ? activeActions : undefined}
      />

      <MemberTable
        title={`Invitations (${group("PENDING").length})`}
        empty="No pending invitations."
        members={group("PENDING")}
        columns={["Role", "Invited"]}
        cells={(m) => [
          ROLE_LABELS[m.role],
          m.invite_sent_at ? formatDateTime(m.invite_sent_at) : formatDate(m.created_at),
        ]}
        actions={
          canManage
            ? (m) => (
                <div className="flex flex-wrap justify-end gap-2 max-sm:justify-start">
                  <Button
                    variant="secondary"
                    className={small}
                    disabled={resend.isPending}
                    onClick={() => resend.mutate(m, { onError: sayFailed })}
                  >
                    <Mail aria-hidden="true" className="size-3.5" /> Resend
                    <span className="sr-only"> invitation to {m.email}</span>
                  </Button>
                  <Button
                    variant="secondary"
                    className={small}
                    onClick={() => setOpen({ kind: "cancel", member: m })}
                  >
                    Cancel<span className="sr-only"> invitation to {m.email}</span>
                  </Button>
                </div>
              )
            : undefined
        }
      />

      <MemberTable
        title={`Service users (${services.length})`}
        empty="No service users. Add one for a system that calls Jiko on the team’s behalf."
        members={services}
        columns={["Role", "Added"]}
        cells={(m) => [ROLE_LABELS[m.role], formatDate(m.created_at)]}
        actions={canManage ? activeActions : undefined}
      />

      <MemberTable
        title={`Deactivated (${group("DEACTIVATED").length})`}
        empty="No deactivated members."
        members={group("DEACTIVATED")}
        columns={["Role", "Last login"]}
        cells={(m) => [
          ROLE_LABELS[m.role],
          m.last_login_at ? formatDateTime(m.last_login_at) : "Never",
        ]}
        actions={
          canManage
            ? (m) => (
                <Button
                  variant="secondary"
                  className={small}
                  disabled={reactivate.isPending}
                  onClick={() =>
                    reactivate.mutate({ id: m.id, status: "ACTIVE" }, { onError: sayFailed })
                  }
                >
                  Reactivate<span className="sr-only"> {fullName(m)}</span>
                </Button>
              )
            : undefined
        }
      />

      <Deferred when={open?.kind === "invite"}>
        <InviteDialog
          open={open?.kind === "invite"}
          onOpenChange={(o) => !o && close()}
          teamName={team.team_name}
          owner={viewerMemberId}
        />
      </Deferred>
      <Deferred when={open?.kind === "service"}>
        <ServiceUserDialog
          open={open?.kind === "service"}
          onOpenChange={(o) => !o && close()}
          owner={viewerMemberId}
        />
      </Deferred>
      <Deferred when={!!open && open.kind !== "invite" && open.kind !== "service"}>
        {open?.kind === "role" && <ChangeRoleDialog member={open.member} onClose={close} />}
        {open?.kind === "deactivate" && (
          <DeactivateDialog member={open.member} teamName={team.team_name} onClose={close} />
        )}
        {open?.kind === "cancel" && <CancelInviteDialog member={open.member} onClose={close} />}
      </Deferred>
    </div>
  );
}

function MemberTable({
  title,
  members,
  columns,
  cells,
  actions,
  empty,
}: {
  title: string;
  members: TeamMember[];
  columns: string[];
  cells: (m: TeamMember) => React.ReactNode[];
  actions?: (m: TeamMember) => React.ReactNode;
  empty?: string;
}) {
  // A team of hundreds draws 50 rows at a time, as the approval queue does: the page stays quick
  // to show, and the rest is one press away.
  const [shown, setShown] = useState(ROWS_AT_ONCE);
  const rest = members.length - shown;
  // A table out of view skips layout and paint until scrolled near (content-visibility), sized
  // meanwhile by its rows (about 4 rem each) and then by what it last drew: at 500 members the
  // page lays out the first table's rows, not the invitations' 50 below them. The rows stay in
  // the document for the keyboard, find-in-page and screen readers.
  const drawn = Math.min(shown, members.length);
  return (
    <div
      className="[content-visibility:auto]"
      style={{ containIntrinsicSize: `auto ${6 + Math.max(drawn, 1) * 4}rem` }}
    >
      <Card title={title}>
        {members.length === 0 ? (
          <p className="text-sm text-ink-600 dark:text-ink-300">{empty}</p>
        ) : (
          <ScrollRegion label={`${title.replace(/ \(\d+\)$/, "")} table`}>
            <table className={`w-full text-sm ${stacked.table}`}>
              <thead className="max-sm:sr-only">
                <tr className="border-b border-ink-200 text-left text-xs text-ink-600 uppercase dark:border-ink-700 dark:text-ink-300">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Member
                  </th>
                  {columns.map((c) => (
                    <th key={c} scope="col" className="py-2 pr-4 font-medium">
                      {c}
                    </th>
                  ))}
                  {actions && (
                    <th scope="col" className="py-2 text-right font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className={stacked.body}>
                {members.slice(0, shown).map((m) => (
                  <tr
                    key={m.id}
                    data-testid={`member-${m.email}`}
                    className={`border-b border-ink-100 align-middle last:border-0 dark:border-ink-800 ${stacked.row}`}
                  >
                    <th
                      scope="row"
                      className={`py-2.5 pr-4 text-left font-normal ${stacked.cell} ${stacked.wide}`}
                    >
                      <span className="block font-medium">{fullName(m)}</span>
                      <span className="block text-xs wrap-anywhere text-ink-600 dark:text-ink-300">
                        {m.email}
                      </span>
                    </th>
                    {cells(m).map((cell, i) => (
                      <td
                        key={columns[i]}
                        data-label={columns[i]}
                        className={`py-2.5 pr-4 ${stacked.cell} ${stacked.labelled}`}
                      >
                        {cell}
                      </td>
                    ))}
                    {actions && (
                      <td
                        className={`py-2.5 text-right max-sm:pt-2 max-sm:text-left ${stacked.cell} ${stacked.wide}`}
                      >
                        {actions(m)}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {rest > 0 && (
          <Button
            variant="secondary"
            className="mt-3"
            onClick={() => setShown((n) => n + ROWS_AT_ONCE)}
          >
            Show {Math.min(ROWS_AT_ONCE, rest)} more ({rest} not shown)
          </Button>
        )}
        {members.some((m) => m.access === "API") && (
          <p className="mt-3 text-xs text-ink-600 dark:text-ink-300">
            <Badge>API</Badge> Service users reach Jiko by API only and cannot sign in.
          </p>
        )}
      </Card>
    </div>
  );
}
