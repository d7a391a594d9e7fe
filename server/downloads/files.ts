import "server-only";
import { csvFormulaGuard } from "@/lib/csv";

/** Content types the server sets itself, by what it knows the file to be: never Jiko's header. */
export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
  xml: "application/xml; charset=utf-8",
} as const;
export type FileKind = keyof typeof CONTENT_TYPES;

/** Letters, digits, dots, dashes and underscores: safe in a header and on any file system. */
export function safeFileName(name: string, fallback = "download"): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._-]+/, "")
    .slice(-120);
  return cleaned || fallback;
}

/**
 * A download as the browser must get it: saved (never shown in the page), under a safe name,
 * with the type the server chose and no sniffing, never cached, and passed on as it arrives:
 * `no-transform` keeps the server from compressing it. Gzipped on its way out, a million-row
 * export took 25 s where the same export uncompressed took 15.5 s and Jiko's own file 12 s; Jiko
 * sends its file uncompressed too, and a reverse proxy in front may compress it off this process.
 */
export function attachment(
  body: ReadableStream<Uint8Array>,
  o: { kind: FileKind; fileName: string },
): Response {
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[o.kind],
      "content-disposition": `attachment; filename="${safeFileName(o.fileName)}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store, no-transform",
    },
  });
}

/**
 * CSV bytes through the formula guard as they stream (lib/csv.ts). A byte-order mark is kept; `keep`
 * may drop records on the way (the transactions export's row filter).
 */
export function guardedCsv(
  body: ReadableStream<Uint8Array>,
  keep?: (record: string) => boolean,
): ReadableStream<Uint8Array> {
  return (
    body
      // The DOM typings of TextDecoderStream take any BufferSource; bytes are what arrives.
      .pipeThrough(
        new TextDecoderStream("utf-8", { ignoreBOM: true }) as unknown as TransformStream<
          Uint8Array,
          string
        >,
      )
      .pipeThrough(csvFormulaGuard(keep))
      .pipeThrough(new TextEncoderStream())
  );
}

/** Jiko's CSV answer, guarded and sent on as an attachment. */
export function csvAttachment(
  upstream: Response,
  fileName: string,
  keep?: (record: string) => boolean,
): Response {
  if (!upstream.body) throw new Error(`Jiko sent an empty ${fileName}`);
  return attachment(guardedCsv(upstream.body, keep), { kind: "csv", fileName });
}

/**
 * A stream's first `bytes` bytes (or all of it, if shorter) for a look, with the whole stream
 * again, unread, to pass on; `cancel` drops it when the look says no.
 */
export async function peekHead(
  body: ReadableStream<Uint8Array>,
  bytes: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array>; cancel: () => Promise<void> }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < bytes && !done) {
    const r = await reader.read();
    if (r.done) done = true;
    else {
      chunks.push(r.value);
      size += r.value.byteLength;
    }
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const r = await reader.read();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head: concat(chunks).slice(0, bytes), stream, cancel: () => reader.cancel() };
}

/**
 * The file's first bytes, checked against what it must be (a PDF starts `%PDF-`, XML with `<`
 * after any byte-order mark or blank), then the whole file as a stream again. A link that answers
 * with something else (an HTML error page, another format) is refused rather than passed on.
 */
export async function expectKind(
  body: ReadableStream<Uint8Array>,
  kind: Exclude<FileKind, "csv">,
): Promise<ReadableStream<Uint8Array> | null> {
  const { head, stream, cancel } = await peekHead(body, 64);
  const start = new TextDecoder().decode(head);
  const ok = kind === "pdf" ? start.startsWith("%PDF-") : /^\uFEFF?\s*</.test(start);
  if (!ok) {
    await cancel();
    return null;
  }
  return stream;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
