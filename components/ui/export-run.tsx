"use client";

import { X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { failureOf } from "@/lib/api-client";

const rowsFormat = new Intl.NumberFormat("en-US");

/** Counts CSV records in a byte stream as it passes (quoted line breaks are not records). */
function recordCounter(onCount: (n: number) => void) {
  let quoted = false;
  let count = -1; // the header is not a row
  return (chunk: Uint8Array) => {
    for (const byte of chunk) {
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) count++;
    }
    onCount(Math.max(count, 0));
  };
}

/** Fetches an export, counting its rows as they arrive, then hands the file to the browser. */
async function download(
  url: string,
  filename: string,
  signal: AbortSignal,
  onRows: (rows: number) => void,
) {
  const res = await fetch(url, { signal });
  if (!res.ok || !res.body) throw await failureOf(res.status, await res.json().catch(() => null));
  const parts: Uint8Array[] = [];
  const count = recordCounter(onRows);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    count(value);
  }
  const blob = URL.createObjectURL(new Blob(parts as BlobPart[], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = blob;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(blob), 10_000);
}

/**
 * One export under way: its rows counted as they arrive, and a way to stop it. Loaded by the
 * export button when pressed (export-button.tsx), not with the page. The export keeps going if
 * the person moves to another page, and its file still arrives.
 */
export function ExportRun({
  url,
  filename,
  onDone,
}: {
  url: string;
  filename: string;
  onDone: () => void;
}) {
  const [rows, setRows] = useState(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (abort.current) return; // started once, whatever re-renders
    const controller = new AbortController();
    abort.current = controller;
    download(url, filename, controller.signal, setRows)
      .catch((error: Error) => {
        if (!controller.signal.aborted) toast.error(error.message);
      })
      .finally(onDone);
  }, [url, filename, onDone]);

  return (
    <div className="flex items-center gap-3" role="status" aria-live="polite">
      <span className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" />
      <span className="text-sm tabular-nums" data-testid="export-progress">
        Exporting… {rowsFormat.format(rows)} rows
      </span>
      <Button variant="ghost" onClick={() => abort.current?.abort()}>
        <X aria-hidden="true" className="size-4" /> Stop
      </Button>
    </div>
  );
}
