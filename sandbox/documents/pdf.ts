/**
 * The sandbox's PDFs (pdf-lib, standard fonts): a letter-size document of titled sections, each
 * label/value pairs or a table, flowing onto new pages as needed. Real PDFs that any reader opens.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

export type Section =
  | { title: string; pairs: [string, string][] }
  | { title: string; columns: string[]; rows: string[][]; align?: ("left" | "right")[] };

const MARGIN = 54;
const WIDTH = 612;
const HEIGHT = 792;
const INK = rgb(0.12, 0.14, 0.2);
const MUTED = rgb(0.38, 0.4, 0.46);

export async function renderPdf(o: {
  title: string;
  subtitle: string;
  sections: Section[];
  footer: string;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(o.title);
  doc.setProducer("Jiko sandbox");
  doc.setCreationDate(new Date(0));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;

  const text = (s: string, x: number, size: number, font: PDFFont = regular, color = INK) =>
    page.drawText(s, { x, y, size, font, color });
  const ensure = (needed: number) => {
    if (y - needed >= MARGIN + 24) return;
    page = doc.addPage([WIDTH, HEIGHT]);
    y = HEIGHT - MARGIN;
  };
  const right = (s: string, xRight: number, size: number, font = regular) =>
    text(s, xRight - font.widthOfTextAtSize(s, size), size, font);
  /** Cuts a cell to its column's width so columns never overlap. */
  const clip = (s: string, width: number, size: number) => {
    let out = s;
    while (out.length > 1 && regular.widthOfTextAtSize(out, size) > width) out = out.slice(0, -1);
    return out === s ? s : `${out.slice(0, -1)}…`;
  };

  text("Jiko", MARGIN, 11, bold, MUTED);
  y -= 28;
  text(o.title, MARGIN, 18, bold);
  y -= 18;
  text(o.subtitle, MARGIN, 10, regular, MUTED);
  y -= 28;

  for (const s of o.sections) {
    ensure(40);
    text(s.title, MARGIN, 12, bold);
    y -= 18;
    if ("pairs" in s) {
      for (const [label, value] of s.pairs) {
        ensure(14);
        text(label, MARGIN, 9.5, regular, MUTED);
        text(value, MARGIN + 170, 9.5);
        y -= 14;
      }
    } else {
      const width = (WIDTH - 2 * MARGIN) / s.columns.length;
      const row = (cells: string[], font: PDFFont) => {
        ensure(13);
        cells.forEach((cell, i) => {
          const value = clip(cell, width - 6, 8.5);
          if (s.align?.[i] === "right") right(value, MARGIN + width * (i + 1) - 6, 8.5, font);
          else text(value, MARGIN + width * i, 8.5, font);
        });
        y -= 13;
      };
      row(s.columns, bold);
      for (const r of s.rows) row(r, regular);
    }
    y -= 14;
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    p.drawText(`${o.footer} · Page ${i + 1} of ${pages.length}`, {
      x: MARGIN,
      y: MARGIN - 20,
      size: 8,
      font: regular,
      color: MUTED,
    });
  });
  return doc.save();
}
