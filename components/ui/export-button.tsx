"use client";

import { Download, X } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

const rowsFormat = new Intl.NumberFormat("en-US");

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
      // The download's code loads on the first press, not with every page that offers it.
      const { downloadExport } = await import("./export-download");
      await downloadExport(
        `${path}${search ? `?${search}` : ""}`,
        filename,
        controller.signal,
        setRows,
      );
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
