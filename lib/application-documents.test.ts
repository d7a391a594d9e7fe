import { describe, expect, it } from "vitest";
import {
  documentsAsked,
  fileProblem,
  refetchIntervalFor,
  STATUS_WORDS,
  sniffContentType,
} from "./application-documents";
import { applicationOf } from "./application-test-fixtures";
import { ApplicationStatus } from "./jiko/applications";

const doc = (type: string, status: string, n: number) => ({
  id: `0b8f0a52-5b0b-4d55-9d59-36b1c1d4a2${String(n).padStart(2, "0")}`,
  type,
  status,
  exception_reason: null,
  name: null,
  content_type: status === "PENDING_UPLOAD" ? null : "application/pdf",
  size_bytes: status === "PENDING_UPLOAD" ? null : 10,
  created_at: null,
  object_type: "Document",
});

describe("the documents a flagged application asks for", () => {
  it("identity: a selfie and both sides of an ID, each with why it is asked", () => {
    const app = applicationOf({}, "DOCUMENTS_NEEDED", { id_verification_documents_needed: true });
    const { needed, uploaded } = documentsAsked(app);
    expect(needed.map((d) => d.type)).toEqual(["SELFIE", "ID_FRONT", "ID_BACK"]);
    expect(needed.every((d) => d.reason === "Identity")).toBe(true);
    expect(uploaded).toEqual([]);
  });

  it("what is uploaded is no longer asked; a passport stands in for both sides of an ID", () => {
    const app = applicationOf({}, "DOCUMENTS_NEEDED", {
      id_verification_documents_needed: true,
      address_verification_document_needed: true,
      documents: [
        doc("PASSPORT", "PENDING_REVIEW", 1),
        doc("SELFIE", "PENDING_UPLOAD", 2),
      ] as never,
    });
    const { needed, uploaded } = documentsAsked(app);
    expect(needed.map((d) => d.type)).toEqual(["SELFIE", "ADDRESS_VERIFICATION"]);
    expect(uploaded.map((d) => d.type)).toEqual(["PASSPORT"]);
  });

  it("Jiko's PENDING_UPLOAD entries are asked even without a flag; nothing once all are in", () => {
    const placeholder = applicationOf({}, "DOCUMENTS_NEEDED", {
      documents: [doc("IDENTIFICATION_NUMBER_VERIFICATION", "PENDING_UPLOAD", 3)] as never,
    });
    expect(documentsAsked(placeholder).needed).toMatchObject([
      { type: "IDENTIFICATION_NUMBER_VERIFICATION", reason: "Tax identification number" },
    ]);
    const done = applicationOf({}, "PENDING", {
      documents: [doc("IDENTIFICATION_NUMBER_VERIFICATION", "PENDING_REVIEW", 4)] as never,
    });
    expect(documentsAsked(done).needed).toEqual([]);
  });
});

describe("statuses", () => {
  it("every status has plain words", () => {
    for (const s of ApplicationStatus.options)
      expect(STATUS_WORDS[s].text.length).toBeGreaterThan(10);
  });

  it("re-reads quickly while submitted, slowly in manual review, never once final", () => {
    expect(refetchIntervalFor("SUBMITTED")).toBeLessThanOrEqual(2_000);
    expect(refetchIntervalFor("MANUAL_REVIEW")).toBeGreaterThan(10_000);
    expect(refetchIntervalFor("APPROVED")).toBe(false);
    expect(refetchIntervalFor("REJECTED")).toBe(false);
    expect(refetchIntervalFor("DOCUMENTS_NEEDED")).toBe(false);
  });
});

describe("file checks", () => {
  it("takes PDF, PNG and JPEG up to 5 MB", () => {
    expect(fileProblem({ type: "application/pdf", size: 1000 })).toBeNull();
    expect(fileProblem({ type: "image/gif", size: 1000 })).toMatch(/PDF, PNG or JPEG/);
    expect(fileProblem({ type: "image/png", size: 0 })).toMatch(/empty/);
    expect(fileProblem({ type: "image/jpeg", size: 5 * 1024 * 1024 + 1 })).toMatch(/over 5 MB/);
  });

  it("knows a file by its first bytes", () => {
    expect(sniffContentType(new TextEncoder().encode("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffContentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0))).toBe(
      "image/png",
    );
    expect(sniffContentType(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffContentType(new TextEncoder().encode("GIF89a"))).toBeNull();
  });
});
