"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/*
 * The approvals page shows one tab at a time and opens on the queue. The history and the controls
 * report bring their own code (the requests table, the report and its export) when shown, so the
 * queue's first load does not carry them. Rendered on the server all the same: the browser keeps
 * the server's markup until the code arrives, then hydrates it.
 */
const RequestsList = lazy(() =>
  import("./requests-list").then((m) => ({ default: m.RequestsList })),
);
const ControlsView = lazy(() =>
  import("./controls-view").then((m) => ({ default: m.ControlsView })),
);

export function DecidedRequests(props: Omit<ComponentProps<typeof RequestsList>, "view">) {
  return <RequestsList view="decided" {...props} />;
}

export function ControlsReport(props: ComponentProps<typeof ControlsView>) {
  return (
    <Suspense fallback={<Skeleton className="h-64" />}>
      <ControlsView {...props} />
    </Suspense>
  );
}
