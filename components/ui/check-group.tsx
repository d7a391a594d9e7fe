"use client";

import type { ReactNode } from "react";

/** A labelled group of checkboxes that folds away, showing how many are ticked. */
export function CheckGroup({
  legend,
  name,
  options,
  checked,
}: {
  legend: string;
  name: string;
  options: { value: string; label: ReactNode }[];
  checked: readonly string[];
}) {
  return (
    <details className="group relative">
      <summary className="mt-6 flex cursor-pointer list-none items-center justify-between rounded-md border border-ink-300 bg-white px-3 py-2 text-sm dark:border-ink-600 dark:bg-ink-950">
        {legend}: {checked.length ? `${checked.length} selected` : "all"}
      </summary>
      <fieldset className="absolute z-20 mt-1 w-64 space-y-1 rounded-md border border-ink-200 bg-white p-3 shadow-lg dark:border-ink-700 dark:bg-ink-900">
        <legend className="sr-only">{legend}</legend>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
