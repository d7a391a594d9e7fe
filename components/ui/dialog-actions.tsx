import { Button } from "./button";

const DANGER = "bg-red-700 hover:bg-red-800 dark:bg-red-600 dark:text-white dark:hover:bg-red-500";

/** A dialog's footer: a way out, and the action (a submit button unless `onConfirm` is given). */
export function DialogActions({
  cancelLabel = "Cancel",
  onCancel,
  label,
  pendingLabel,
  pending = false,
  disabled = false,
  danger = false,
  onConfirm,
}: {
  cancelLabel?: string;
  onCancel: () => void;
  label: string;
  pendingLabel: string;
  pending?: boolean;
  disabled?: boolean;
  danger?: boolean;
  onConfirm?: () => void;
}) {
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button
        type={onConfirm ? "button" : "submit"}
        className={danger ? DANGER : ""}
        disabled={disabled || pending}
        onClick={onConfirm}
      >
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
