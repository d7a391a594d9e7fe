import { Landmark } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { sectionsFor } from "@/lib/navigation";
import { NavLinks } from "./nav-links";
import { TeamSwitcher } from "./team-switcher";
import type { FormAction, ShellViewer } from "./types";
import { UserMenu } from "./user-menu";

export function AppShell({
  viewer,
  switchTeam,
  signOut,
  children,
}: {
  viewer: ShellViewer;
  switchTeam: FormAction;
  signOut: FormAction;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-ink-200 bg-white/90 backdrop-blur dark:border-ink-800 dark:bg-ink-900/90">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span className="grid size-8 place-items-center rounded-md bg-brand-700 text-white dark:bg-brand-500 dark:text-ink-950">
              <Landmark aria-hidden="true" className="size-4" />
            </span>
            Treasury Desk
          </Link>
          <TeamSwitcher viewer={viewer} switchTeam={switchTeam} />
          <div className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1">
            <NavLinks sections={sectionsFor(viewer.capabilities)} />
          </div>
          <div className="ml-auto sm:ml-0">
            <UserMenu viewer={viewer} signOut={signOut} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
