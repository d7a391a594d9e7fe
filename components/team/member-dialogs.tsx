"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/jiko/roles";
import type { TeamMember } from "@/lib/jiko/team";
import { CAPABILITIES, ROLE_CAPABILITIES } from "@/lib/permissions";
import { fullName, useCancelInvite, useDeactivate, useEditMember } from "./hooks";

type Props = { member: TeamMember; onClose: () => void };

function ErrorLine({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p
      role="alert"
      className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {error.message}
    </p>
  );
}

export function ChangeRoleDialog({ member, onClose }: Props) {
  const [role, setRole] = useState<Role>(member.role);
  const edit = useEditMember();
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Change ${fullName(member)}’s role`}
      description="The new role applies the next time they load a page."
    >
      <div className="space-y-4">
        <ErrorLine error={edit.error} />
        <Field id="role-select" label="Role">
          <Select id="role-select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <div className="rounded-md bg-ink-50 p-3 text-sm dark:bg-ink-800">
          <p className="font-medium">{ROLE_LABELS[role]} may:</p>
          <ul className="mt-1 list-disc pl-5">
            {ROLE_CAPABILITIES[role].map((c) => (
              <li key={c}>{CAPABILITIES[c].label}</li>
            ))}
          </ul>
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={role === member.role || edit.isPending}
            onClick={() => edit.mutate({ id: member.id, role }, { onSuccess: onClose })}
          >
            {edit.isPending ? "Saving…" : "Change role"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export function DeactivateDialog({ member, teamName, onClose }: Props & { teamName: string }) {
  const deactivate = useDeactivate();
  const name = fullName(member);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Deactivate ${name}?`}
      description={`${name} will be signed out of Jiko and Treasury Desk at once and can no longer sign in to ${teamName}. What they did stays in the audit log. You can reactivate them later.`}
    >
      <div className="space-y-4">
        <ErrorLine error={deactivate.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep {member.first_name}
          </Button>
          <Button
            className="bg-red-700 hover:bg-red-800 dark:bg-red-600 dark:text-white dark:hover:bg-red-500"
            disabled={deactivate.isPending}
            onClick={() => deactivate.mutate(member.id, { onSuccess: onClose })}
          >
            {deactivate.isPending ? "Deactivating…" : `Deactivate ${member.first_name}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export function CancelInviteDialog({ member, onClose }: Props) {
  const cancel = useCancelInvite();
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Cancel the invitation to ${member.email}?`}
      description="The link in their email stops working. You can invite them again later."
    >
      <div className="space-y-4">
        <ErrorLine error={cancel.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep the invitation
          </Button>
          <Button
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(member, { onSuccess: onClose })}
          >
            {cancel.isPending ? "Cancelling…" : "Cancel invitation"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
