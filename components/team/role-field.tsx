import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Select } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/jiko/roles";

export function RoleField({
  id,
  error,
  registration,
}: {
  id: string;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field id={id} label="Role" error={error}>
      <Select id={id} {...registration}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
