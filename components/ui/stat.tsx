/** One headline figure in a `<dl>`: a label, the value, and an optional note under it. */
export function Stat({
  label,
  value,
  id,
  note,
  small = false,
}: {
  label: string;
  value: string;
  id: string;
  note?: string;
  small?: boolean;
}) {
  return (
    <div className="rounded-xl border border-ink-200 bg-white p-4 dark:border-ink-800 dark:bg-ink-900">
      <dt className="text-sm text-ink-600 dark:text-ink-300">{label}</dt>
      <dd
        className={`mt-1 font-semibold tabular-nums ${small ? "text-lg" : "text-2xl"}`}
        data-testid={id}
      >
        {value}
      </dd>
      {note && <dd className="text-xs text-ink-600 dark:text-ink-300">{note}</dd>}
    </div>
  );
}
