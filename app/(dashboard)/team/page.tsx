import type { Metadata } from "next";
import { RoleMatrix } from "@/components/team/role-matrix";
import { TeamAdmin } from "@/components/team/team-admin";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "team:view")) return <Forbidden what="seeing the team" />;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Team</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Who can see and move {viewer.team.name}’s money at Jiko, and what each of them may do.
        </p>
      </div>
      <StreamedSection
        load={(client) =>
          client.prefetchQuery({ queryKey: queryKeys.team(), queryFn: () => viewer.jiko.team() })
        }
        fallback={<Skeleton className="h-96" />}
      >
        <TeamAdmin canManage={can(capabilities, "team:manage")} viewerMemberId={viewer.memberId} />
      </StreamedSection>
      <RoleMatrix />
    </div>
  );
}
