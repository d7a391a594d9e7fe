"use client";

import { type ReactNode, useState } from "react";

/** A chart with the same numbers one click away as a table, for screen readers and for copying. */
export function ChartOrTable({
  chart,
  table,
  note,
}: {
  chart: ReactNode;
  table: ReactNode;
  note?: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-4">
        <div className="text-xs text-ink-600 dark:text-ink-300" aria-live="polite">
          {note}
        </div>
        <button
          type="button"
          className="text-sm text-brand-700 underline dark:text-brand-300"
          onClick={() => setAsTable((t) => !t)}
          aria-pressed={asTable}
        >
          {asTable ? "Show chart" : "Show as table"}
        </button>
      </div>
      {asTable ? table : chart}
    </div>
  );
}
