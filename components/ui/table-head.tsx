/** The header row of the dashboard's data tables: small caps labels, numbers right-aligned. */
export interface Column {
  label: string;
  align?: "left" | "right";
  /** Kept for screen readers only (e.g. an actions column). */
  hidden?: boolean;
}

/** `stacked`: the header row is for screen readers only on phones, where rows become cards. */
export function TableHead({
  columns,
  stacked = false,
}: {
  columns: readonly Column[];
  stacked?: boolean;
}) {
  return (
    <thead className={stacked ? "max-sm:sr-only" : undefined}>
      <tr className="border-b border-ink-200 text-left text-xs text-ink-600 uppercase dark:border-ink-700 dark:text-ink-300">
        {columns.map((c, i) => (
          <th
            key={c.label}
            scope="col"
            className={`py-2 font-medium ${i < columns.length - 1 ? "pr-4" : ""} ${c.align === "right" ? "text-right" : ""}`}
          >
            {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
