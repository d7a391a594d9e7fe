import { describe, expect, it } from "vitest";
import { DOCUMENT_MAX_BYTES } from "@/lib/jiko/company";
import { SEED } from "@/sandbox/seed";
import { ApiError } from "../api/guard";
import { companyDocuments, documentDownload, readUpload, uploadCompanyDocument } from "./documents";
import { withCompanyKit } from "./test-kit";

const kit = withCompanyKit();

const PDF = new TextEncoder().encode(`%PDF-1.4\n% ${Date.now()}\ntrailer <<>>\n%%EOF\n`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

const upload = (body: BodyInit, headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/company/documents?type=OTHER", {
    method: "POST",
    body,
    headers,
  });

describe("reading an upload", () => {
  it("takes the raw bytes with their declared type", async () => {
    const file = await readUpload(upload(PDF, { "content-type": "application/pdf" }));
    expect(file.contentType).toBe("application/pdf");
    expect(file.bytes).toEqual(PDF);
  });

  it("refuses another type under the file field", async () => {
    const refused = await readUpload(upload("hello", { "content-type": "text/plain" })).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: "invalid", issues: [{ path: "file" }] });
  });

  it("refuses a file over the cap, declared or not", async () => {
    const big = new Uint8Array(DOCUMENT_MAX_BYTES + 1);
    await expect(
      readUpload(
        upload(PDF, { "content-type": "application/pdf", "content-length": `${big.length}` }),
      ),
    ).rejects.toMatchObject({ code: "too-large" });
    await expect(
      readUpload(upload(big, { "content-type": "application/pdf" })),
    ).rejects.toMatchObject({ code: "too-large" });
  });
});

describe("filing a document with Jiko", () => {
  it("refuses bytes that are not what they claim, before Jiko sees them", async () => {
    const jiko = await kit.jikoAs(SEED.people.avery.email);
    const before = (await companyDocuments(jiko, { limit: 100 })).items.length;
    await expect(
      uploadCompanyDocument(jiko, "OTHER", { bytes: PNG, contentType: "application/pdf" }),
    ).rejects.toMatchObject({ code: "invalid", issues: [{ path: "file" }] });
    expect((await companyDocuments(jiko, { limit: 100 })).items.length).toBe(before);
  });

  it("files a PDF, lists it newest first and serves the same bytes back", async () => {
    const jiko = await kit.jikoAs(SEED.people.avery.email);
    const { document_id } = await uploadCompanyDocument(jiko, "EIN_CONFIRMATION", {
      bytes: PDF,
      contentType: "application/pdf",
    });
    const listed = await companyDocuments(jiko, {});
    expect(listed.items[0]).toMatchObject({
      id: document_id,
      type: "EIN_CONFIRMATION",
      status: "PENDING_REVIEW",
    });
    const reader = await kit.jikoAs(SEED.people.morgan.email);
    const res = await documentDownload(reader, document_id, { origins: kit.origins });
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });
});
