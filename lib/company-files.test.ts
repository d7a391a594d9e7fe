import { describe, expect, it } from "vitest";
import { UploadQuery } from "./company-file-schemas";
import { checkChosenFile, fileContentProblem, sniffContentType } from "./company-files";
import { DOCUMENT_MAX_BYTES } from "./jiko/company-terms";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);

describe("a file chosen in the browser", () => {
  it("is accepted as PDF, PNG or JPEG under 5 MB", () => {
    expect(checkChosenFile({ name: "ein.pdf", type: "application/pdf", size: 1000 })).toEqual({
      ok: true,
      contentType: "application/pdf",
    });
    expect(checkChosenFile({ name: "scan.JPG", type: "", size: 10 })).toEqual({
      ok: true,
      contentType: "image/jpeg",
    });
  });

  it("is refused for another type, whatever its name says", () => {
    const word = checkChosenFile({ name: "notes.docx", type: "application/msword", size: 10 });
    expect(word).toEqual({ ok: false, message: expect.stringMatching(/PDF, PNG or JPEG/) });
    const renamed = checkChosenFile({ name: "notes.pdf", type: "text/plain", size: 10 });
    expect(renamed.ok).toBe(false);
  });

  it("is refused when empty or over 5 MB", () => {
    expect(checkChosenFile({ name: "a.pdf", type: "application/pdf", size: 0 }).ok).toBe(false);
    const big = checkChosenFile({
      name: "a.pdf",
      type: "application/pdf",
      size: DOCUMENT_MAX_BYTES + 1,
    });
    expect(big).toEqual({ ok: false, message: expect.stringMatching(/5\.0 MB/) });
    expect(
      checkChosenFile({ name: "a.pdf", type: "application/pdf", size: DOCUMENT_MAX_BYTES }).ok,
    ).toBe(true);
  });
});

describe("the bytes the server receives", () => {
  it("are recognised by their signature", () => {
    expect(sniffContentType(PDF)).toBe("application/pdf");
    expect(sniffContentType(PNG)).toBe("image/png");
    expect(sniffContentType(JPEG)).toBe("image/jpeg");
    expect(sniffContentType(new TextEncoder().encode("<html>"))).toBeNull();
  });

  it("must be what they were declared as", () => {
    expect(fileContentProblem("application/pdf", PDF)).toBeNull();
    expect(fileContentProblem("application/pdf", PNG)).toMatch(/content is a PNG image/);
    expect(fileContentProblem("image/png", new TextEncoder().encode("MZ"))).toMatch(
      /not a PNG image/,
    );
    expect(fileContentProblem("image/jpeg", new Uint8Array())).toMatch(/empty/);
    const big = new Uint8Array(DOCUMENT_MAX_BYTES + 1);
    big.set(PDF);
    expect(fileContentProblem("application/pdf", big)).toMatch(/largest/);
  });

  it("are filed only under a company document type", () => {
    expect(UploadQuery.safeParse({ type: "EIN_CONFIRMATION" }).success).toBe(true);
    expect(UploadQuery.safeParse({ type: "SELFIE" }).success).toBe(false);
    expect(UploadQuery.safeParse({}).success).toBe(false);
  });
});
