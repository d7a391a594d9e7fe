import type { CSSProperties, ReactNode, RefObject } from "react";

/** Every row of the transactions table is this tall, drawn plainly or virtualized. */
export const ROW_HEIGHT = 44;
/** Start the next page this many rows before the end, so scrolling rarely waits. */
export const PREFETCH_ROWS = 30;

/** What a table body (./transactions-table.tsx, ./virtual-rows.tsx) draws its rows from. */
export interface RowsProps {
  scroller: RefObject<HTMLElement | null>;
  /** Rows, plus one for "Loading more…" while there is a next page. */
  count: number;
  /** The keyboard's row: scrolled into view and focused. */
  active: number;
  renderRow: (index: number, style: CSSProperties) => ReactNode;
  /** Told the last row in view, so the next page is asked for in time. */
  nearEnd: (lastShown: number) => void;
}
