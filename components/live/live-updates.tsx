"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { keysToInvalidate } from "@/lib/live-invalidation";
import { setLiveOpen } from "./live-state";

/**
 * One action at Jiko sends several events at once (a request approved, its wire processing, its
 * transactions): what they make stale is refreshed once, after this pause, not once per event.
 */
const COALESCE_MS = 150;

/** The last state, for tests and the curious: `document.body.dataset.live`. */
type LiveState = "connecting" | "open" | "reconnecting";

/**
 * Listens to the dashboard's server-sent events while a page is open and refreshes what each
 * Jiko event changed. EventSource reconnects by itself after a drop (the server asks for 1 s)
 * and sends the last event id it saw, so the server replays what was missed. `after` is the
 * newest event when the page was rendered: what happened between render and connect is sent too.
 */
export function LiveUpdates({ after }: { after: number }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource(`/api/live?after=${after}`);
    const mark = (state: LiveState) => {
      document.body.dataset.live = state;
      setLiveOpen(state === "open");
    };
    mark("connecting");
    const stale = new Map<string, readonly unknown[]>();
    let flush: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      flush = undefined;
      for (const queryKey of stale.values()) void queryClient.invalidateQueries({ queryKey });
      stale.clear();
    };
    source.addEventListener("ready", () => mark("open"));
    source.addEventListener("error", () => mark("reconnecting"));
    source.addEventListener("jiko", (message) => {
      let type = "";
      let at = "";
      try {
        const data = JSON.parse((message as MessageEvent<string>).data) as {
          type: string;
          at: string;
        };
        type = String(data.type);
        at = String(data.at);
      } catch {
        return;
      }
      // For benchmarks and devtools: when each event reached this page.
      performance.mark(`td-live:${type}`, { detail: { at } });
      for (const queryKey of keysToInvalidate(type)) stale.set(JSON.stringify(queryKey), queryKey);
      flush ??= setTimeout(refresh, COALESCE_MS);
    });
    return () => {
      source.close();
      if (flush) clearTimeout(flush);
      setLiveOpen(false);
      delete document.body.dataset.live;
    };
  }, [after, queryClient]);
  return null;
}
