"use client";

import { type ComponentProps, lazy, Suspense } from "react";

/*
 * The outage screen shows only while Jiko cannot be reached: its code loads when it is shown, not
 * with every page. The server renders it all the same, and the browser keeps that markup until the
 * code arrives.
 */
const OutageShell = lazy(() => import("./outage-shell").then((m) => ({ default: m.OutageShell })));

export function LazyOutageShell(props: ComponentProps<typeof OutageShell>) {
  return (
    <Suspense fallback={null}>
      <OutageShell {...props} />
    </Suspense>
  );
}
