"use client";

import { type RefObject, useEffect } from "react";

/** Infinite lists: the next page loads as the sentinel at the list's end scrolls into view. */
export function useLoadMore(
  sentinel: RefObject<HTMLElement | null>,
  o: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown },
) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = o;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [sentinel, hasNextPage, isFetchingNextPage, fetchNextPage]);
}
