"use client";

import { lazy } from "react";

/*
 * The audit page shows one tab at a time and opens on the changes. The reads tab brings its own
 * code when shown, so the changes' first load does not carry it. Rendered on the server all the
 * same (inside the page's streamed section): the browser keeps that markup until the code arrives.
 */
const AccessLog = lazy(() => import("./access-log").then((m) => ({ default: m.AccessLog })));

export function AccessLogTab() {
  return <AccessLog />;
}
