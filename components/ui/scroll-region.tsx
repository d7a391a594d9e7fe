import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its table is wider than the screen (a phone). It takes
 * keyboard focus and carries a name, so people without a pointer can scroll it too (WCAG 2.1.1;
 * axe's scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      className={`overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${className}`}
    >
      {children}
    </section>
  );
}
