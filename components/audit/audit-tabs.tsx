import Link from "next/link";

const TABS = [
  { reads: false, href: "/audit", label: "Changes at Jiko" },
  { reads: true, href: "/audit?view=reads", label: "Sensitive reads" },
] as const;

/** Jiko's log of changes, and the dashboard's own log of sensitive reads, side by side. */
export function AuditTabs({ reads }: { reads: boolean }) {
  return (
    <nav aria-label="Audit logs" className="flex gap-1 border-b border-ink-200 dark:border-ink-800">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.reads === reads ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-ink-600 hover:text-ink-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-ink-900 dark:text-ink-300 dark:hover:text-ink-50 dark:aria-[current=page]:border-brand-400 dark:aria-[current=page]:text-ink-50"
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
