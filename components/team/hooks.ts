"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { apiSend, lazySchemas } from "@/lib/api-client";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import type {
  CreateServiceUserRequest,
  EditTeamMemberRequest,
  InviteMemberRequest,
  TeamMember,
} from "@/lib/jiko/team";
import { queryKeys } from "@/lib/query-keys";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("@/lib/jiko/team"));

export { useTeam } from "./use-team";

/** A change to the team: on success the team and the audit log are read again. */
function useTeamChange<V, R>(change: (v: V) => Promise<R>, done: (result: R, v: V) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (result, v) => {
      toast.success(done(result, v));
      void queryClient.invalidateQueries({ queryKey: queryKeys.team() });
      void queryClient.invalidateQueries({ queryKey: ["audit-log"] });
    },
  });
}

const fullName = (m: TeamMember) => `${m.first_name} ${m.last_name}`.trim();
const member = (id: string) => `/api/team/members/${encodeURIComponent(id)}`;

export const useInvite = () =>
  useTeamChange(
    (body: InviteMemberRequest) => apiSend("POST", "/api/team/invites", schema("TeamMember"), body),
    (m) => `Invitation sent to ${m.email}`,
  );

export const useEditMember = () =>
  useTeamChange(
    ({ id, ...body }: EditTeamMemberRequest & { id: string }) =>
      apiSend("PATCH", member(id), schema("TeamMember"), body),
    (m, v) =>
      v.status === "ACTIVE"
        ? `${fullName(m)} is active again`
        : `${fullName(m)}’s role is now ${ROLE_LABELS[m.role]}`,
  );

export const useDeactivate = () =>
  useTeamChange(
    (id: string) => apiSend("DELETE", member(id), schema("TeamMember")),
    (m) => `${fullName(m)} is deactivated and signed out`,
  );

export const useResendInvite = () =>
  useTeamChange(
    (m: TeamMember) => apiSend("POST", `${member(m.id)}/invite`, schema("TeamMessage")),
    (_, m) => `Invitation sent again to ${m.email}`,
  );

export const useCancelInvite = () =>
  useTeamChange(
    (m: TeamMember) => apiSend("DELETE", `${member(m.id)}/invite`, schema("TeamMessage")),
    (_, m) => `Invitation to ${m.email} cancelled`,
  );

export const useCreateServiceUser = () =>
  useTeamChange(
    (body: CreateServiceUserRequest) =>
      apiSend("POST", "/api/team/service-users", schema("TeamMember"), body),
    (m) => `Service user ${m.first_name} added`,
  );

export { fullName };
