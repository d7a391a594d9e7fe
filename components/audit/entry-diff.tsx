import type { CustomerAuditLogEntry } from "@/lib/jiko/audit";

const show = (v: unknown) =>
  v === undefined
    ? "—"
    : v === null
      ? "none"
      : typeof v === "object"
        ? JSON.stringify(v)
        : String(v);

/** Before and after side by side, changed fields marked. */
export function EntryDiff({ entry }: { entry: CustomerAuditLogEntry }) {
  const keys = [
    ...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]),
  ].filter((k) => k !== "object_type");
  if (keys.length === 0)
    return <p className="text-sm text-ink-600 dark:text-ink-300">No details were recorded.</p>;
  return (
    <table className="w-full table-fixed text-xs">
      <caption className="sr-only">Fields before and after the change</caption>
      <thead>
        <tr className="text-left text-ink-600 dark:text-ink-300">
          <th scope="col" className="w-1/4 py-1 pr-2 font-medium">
            Field
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Before
          </th>
          <th scope="col" className="py-1 font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {keys.map((k) => {
          const before = entry.before?.[k];
          const after = entry.after?.[k];
          const changed = show(before) !== show(after);
          return (
            <tr key={k} className={changed ? "bg-amber-50 dark:bg-amber-950" : undefined}>
              <th scope="row" className="py-1 pr-2 text-left font-sans font-normal">
                {k}
                {changed && <span className="sr-only"> (changed)</span>}
              </th>
              <td className="py-1 pr-2 break-all">{entry.before ? show(before) : "—"}</td>
              <td className="py-1 break-all">{entry.after ? show(after) : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
