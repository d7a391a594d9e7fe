"use client";

import { Download } from "lucide-react";
import { type ComponentType, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ExportRun } from "./export-run";

/**
 * Downloads the CSV for exactly the filters on screen. The server streams Jiko's file through;
 * the browser counts the rows as they arrive, so a long export shows its progress and can be
 * stopped, then hands the file over. That part (./export-run.tsx) loads on the first press, not
 * with every page that offers an export.
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
  const [Run, setRun] = useState<ComponentType<Parameters<typeof ExportRun>[0]> | null>(null);
  const [loading, setLoading] = useState(false);

  async function start() {
    setLoading(true);
    try {
      const loaded = await import("./export-run");
      setRun(() => loaded.ExportRun);
    } catch (error) {
      toast.error((error as Error).message);
    } finally {
      setLoading(false);
    }
  }

  if (Run) {
    return (
      <Run
        url={`${path}${search ? `?${search}` : ""}`}
        filename={filename}
        onDone={() => setRun(null)}
      />
    );
  }
  return (
    <Button variant="secondary" onClick={start} disabled={loading}>
      <Download aria-hidden="true" className="size-4" /> Export CSV
    </Button>
  );
}
