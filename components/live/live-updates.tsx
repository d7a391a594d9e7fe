"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { keysToInvalidate } from "@/lib/live-invalidation";
import { setLiveOpen } from "./live-state";

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
    source.addEventListener("ready", () => mark("open"));
    source.addEventListener("error", () => mark("reconnecting"));
    source.addEventListener("jiko", (message) => {
      let type = "";
      try {
        type = String(
          (JSON.parse((message as MessageEvent<string>).data) as { type: string }).type,
        );
      } catch {
        return;
      }
      for (const queryKey of keysToInvalidate(type)) {
        void queryClient.invalidateQueries({ queryKey });
      }
    });
    return () => {
      source.close();
      setLiveOpen(false);
      delete document.body.dataset.live;
    };
  }, [after, queryClient]);
  return null;
}
