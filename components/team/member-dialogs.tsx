"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/jiko/roles";
import type { TeamMember } from "@/lib/jiko/team";
import { CAPABILITIES, ROLE_CAPABILITIES } from "@/lib/permissions";
import { fullName, useCancelInvite, useDeactivate, useEditMember } from "./hooks";

type Props = { member: TeamMember; onClose: () => void };

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
        <FormError message={edit.error?.message} />
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
        <DialogActions
          onCancel={onClose}
          label="Change role"
          pendingLabel="Saving…"
          pending={edit.isPending}
          disabled={role === member.role}
          onConfirm={() => edit.mutate({ id: member.id, role }, { onSuccess: onClose })}
        />
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
        <FormError message={deactivate.error?.message} />
        <DialogActions
          cancelLabel={`Keep ${member.first_name}`}
          onCancel={onClose}
          label={`Deactivate ${member.first_name}`}
          pendingLabel="Deactivating…"
          pending={deactivate.isPending}
          danger
          onConfirm={() => deactivate.mutate(member.id, { onSuccess: onClose })}
        />
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
        <FormError message={cancel.error?.message} />
        <DialogActions
          cancelLabel="Keep the invitation"
          onCancel={onClose}
          label="Cancel invitation"
          pendingLabel="Cancelling…"
          pending={cancel.isPending}
          onConfirm={() => cancel.mutate(member, { onSuccess: onClose })}
        />
      </div>
    </Dialog>
  );
}
