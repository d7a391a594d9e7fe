/**
 * The text drawn on a PDF's pages, for tests that check what a statement says: inflates each
 * content stream and decodes the strings its Tj operators show (pdf-lib writes them as hex).
 */
import { inflateSync } from "node:zlib";

export function pdfText(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf("stream", at, "latin1");
    if (start < 0) break;
    const bodyStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf("endstream", bodyStart, "latin1");
    if (end < 0) break;
    at = end + 9;
    let text: string;
    try {
      text = inflateSync(raw.subarray(bodyStart, end)).toString("latin1");
    } catch {
      continue; // not a deflated stream (fonts, images)
    }
    for (const m of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      out.push(Buffer.from(m[1] ?? "", "hex").toString("latin1"));
    }
    for (const m of text.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) out.push(m[1] ?? "");
  }
  return out;
}
