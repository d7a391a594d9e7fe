import { ShieldAlert } from "lucide-react";

/** Shown when a person opens a page their role does not allow. */
export function Forbidden({ what }: { what: string }) {
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-xl border border-amber-200 bg-amber-50 p-5 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <ShieldAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div>
        <p className="font-semibold">Your role does not allow {what}.</p>
        <p className="text-sm">Ask an admin of your team if you need it.</p>
      </div>
    </div>
  );
}
