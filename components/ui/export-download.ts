import { failureOf } from "@/lib/api-client";

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
 * Fetches an export, counting its rows as they arrive, then hands the file to the browser.
 * Loaded by the export button when pressed (export-button.tsx), not with the page.
 */
export async function downloadExport(
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
