import Link from "next/link";

/** Tabs that are links: each view has its own URL, so Back, reload and shared links keep it. */
export function LinkTabs({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: readonly { href: string; label: string; id: string }[];
  current: string;
}) {
  return (
    <nav
      aria-label={label}
      className="flex gap-1 overflow-x-auto border-b border-ink-200 dark:border-ink-800"
    >
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.id === current ? "page" : undefined}
          className="-mb-px shrink-0 border-b-2 border-transparent px-3 py-2 text-sm font-medium text-ink-600 hover:text-ink-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-ink-900 dark:text-ink-300 dark:hover:text-ink-50 dark:aria-[current=page]:border-brand-400 dark:aria-[current=page]:text-ink-50"
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
