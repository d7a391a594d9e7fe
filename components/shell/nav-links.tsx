"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useAwaitingCount } from "@/components/transfers/awaiting-count";
import type { Section } from "@/lib/navigation";
import { useReportPendingLink } from "./navigation-wait";

const APPROVALS = "/approvals";

export function NavLinks({ sections }: { sections: Section[] }) {
  const pathname = usePathname();
  // Reviewers see how many requests wait for them, on every page.
  const awaiting = useAwaitingCount(sections.some((s) => s.href === APPROVALS)).data?.count ?? 0;
  return (
    <nav aria-label="Sections" className="flex gap-1 overflow-x-auto">
      {sections.map((s) => {
        const active = s.href === "/" ? pathname === "/" : pathname.startsWith(s.href);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium ${active ? "bg-brand-50 text-brand-800 dark:bg-brand-950 dark:text-brand-200" : "text-ink-600 hover:bg-ink-100 dark:text-ink-300 dark:hover:bg-ink-800"}`}
          >
            {s.label}
            <Pending />
            {s.href === APPROVALS && awaiting > 0 && (
              <>
                {" "}
                <span
                  className="ml-1 rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
                  data-testid="awaiting-count"
                >
                  {awaiting}
                </span>
                <span className="sr-only"> awaiting you</span>
              </>
            )}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * While the section a person chose is on its way: pages whose figures come in quick Jiko calls
 * (pockets, transactions, team) have no loading screen, so that their figures paint
 * with the page itself rather than after a streamed skeleton; the link they clicked says it is
 * loading meanwhile, and NavigationWait says so in words if Jiko is slow.
 */
function Pending() {
  const { pending } = useLinkStatus();
  useReportPendingLink(pending);
  if (!pending) return null;
  return (
    <>
      <span
        aria-hidden="true"
        data-testid="nav-pending"
        className="ml-1.5 inline-block size-1.5 animate-pulse rounded-full bg-brand-600 align-middle dark:bg-brand-300"
      />
      <span className="sr-only"> (loading)</span>
    </>
  );
}
