"use client";

import { Download, X } from "lucide-react";
import { useRef, useState } from "react";
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

/**
 * Downloads the CSV for exactly the filters on screen. The server streams Jiko's file through;
 * here the rows are counted as they arrive so a long export shows its progress and can be
 * stopped, then the file is handed to the browser.
 */
export function ExportButton({
  path,
  search,
  filename,
}: {
  /** The export route, e.g. "/api/transactions/export". */
  path: string;
  search: string;
  filename: string;
}) {
  const [rows, setRows] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setRows(0);
    try {
      const res = await fetch(`${path}${search ? `?${search}` : ""}`, {
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        throw await failureOf(res.status, await res.json().catch(() => null));
      }
      const parts: Uint8Array[] = [];
      const count = recordCounter(setRows);
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        count(value);
      }
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      if (!controller.signal.aborted) toast.error((error as Error).message);
    } finally {
      abort.current = null;
      setRows(null);
    }
  }

  if (rows !== null) {
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
  return (
    <Button variant="secondary" onClick={run}>
      <Download aria-hidden="true" className="size-4" /> Export CSV
    </Button>
  );
}
