"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect } from "react";
import { ROW_HEIGHT, type RowsProps } from "./table-rows";

/**
 * The table's body once more than a page is loaded: only the rows in view (and a few around) are
 * in the DOM, positioned where the plain body would draw them, so the scroll position holds when
 * the table switches to it.
 */
export function VirtualRows({ scroller, count, active, renderRow, nearEnd }: RowsProps) {
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;

  useEffect(() => nearEnd(lastShown), [lastShown, nearEnd]);

  // Keep the active row in view as the keyboard moves it, and give it focus so assistive
  // technology reads it (it is rendered once scrolled to).
  useEffect(() => {
    if (active < 0) return;
    virtualizer.scrollToIndex(active, { align: "auto" });
    const frame = requestAnimationFrame(() =>
      document.getElementById(`tx-row-${active}`)?.focus({ preventScroll: true }),
    );
    return () => cancelAnimationFrame(frame);
  }, [active, virtualizer]);

  return (
    <tbody className="relative block" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) =>
        renderRow(item.index, {
          position: "absolute",
          top: 0,
          left: 0,
          width: "100%",
          height: item.size,
          transform: `translateY(${item.start}px)`,
        }),
      )}
    </tbody>
  );
}
