import { beforeEach, describe, expect, it, vi } from "vitest";
import { applicationOf } from "@/lib/application-test-fixtures";
import { ApiError } from "../api/guard";
import {
  type Applicant,
  applyFor,
  readApplication,
  saveDraft,
  uploadDocument,
} from "./applications";

const forgotten: string[] = [];
vi.mock("../viewer", () => ({ forgetViewer: (token: string) => forgotten.push(token) }));

function applicant(status = "CREATED") {
  const app = applicationOf({ business_name: "Northwind Holdings LLC" }, status);
  const jiko = {
    businessApplications: vi.fn(async () => ({ items: [app], next_page: null, prev_page: null })),
    businessApplication: vi.fn(async () => app),
    createBusinessApplication: vi.fn(async () => app),
    updateBusinessApplication: vi.fn(async () => app),
    applyBusinessApplication: vi.fn(async () => app),
    uploadApplicationDocument: vi.fn(async () => ({ success: true, document_id: app.id })),
    agreements: vi.fn(),
  };
  return { who: { jiko, sessionToken: "session-1" } as unknown as Applicant, jiko, app };
}

const upload = (body: Uint8Array, type: string, length?: number) =>
  new Request("http://localhost/x", {
    method: "POST",
    body: body as Uint8Array<ArrayBuffer>,
    headers: { "content-type": type, ...(length ? { "content-length": String(length) } : {}) },
  });
const PDF = new TextEncoder().encode("%PDF-1.7 a letter");

beforeEach(() => {
  forgotten.length = 0;
});

describe("applications for a new entity", () => {
  it("a read that finds it APPROVED forgets who the session's person is; others keep it", async () => {
    const pending = applicant("MANUAL_REVIEW");
    await readApplication(pending.who, pending.app.id);
    expect(forgotten).toEqual([]);
    const approved = applicant("APPROVED");
    await readApplication(approved.who, approved.app.id);
    expect(forgotten).toEqual(["session-1"]);
  });

  it("the first save creates the draft, later saves update it", async () => {
    const { who, jiko, app } = applicant();
    await saveDraft(who, null, { business_name: "Northwind Holdings LLC" });
    expect(jiko.createBusinessApplication).toHaveBeenCalledOnce();
    await saveDraft(who, app.id, { email: "ops@northwind.example" });
    expect(jiko.updateBusinessApplication).toHaveBeenCalledWith(app.id, {
      email: "ops@northwind.example",
    });
    expect(jiko.createBusinessApplication).toHaveBeenCalledOnce();
    await applyFor(who, app.id);
    expect(jiko.applyBusinessApplication).toHaveBeenCalledWith(app.id);
  });
});

describe("document uploads at the route", () => {
  it("passes a PDF's bytes to Jiko with its type and answers the application read again", async () => {
    const { who, jiko, app } = applicant("DOCUMENTS_NEEDED");
    const after = await uploadDocument(
      who,
      app.id,
      "ADDRESS_VERIFICATION",
      upload(PDF, "application/pdf"),
    );
    expect(jiko.uploadApplicationDocument).toHaveBeenCalledWith(app.id, "ADDRESS_VERIFICATION", {
      bytes: PDF,
      contentType: "application/pdf",
    });
    expect(after.id).toBe(app.id);
  });

  it("refuses other types, files claiming another type, and files over 5 MB, before Jiko", async () => {
    const { who, jiko, app } = applicant("DOCUMENTS_NEEDED");
    const refused = (req: Request) => uploadDocument(who, app.id, "SELFIE", req).catch((e) => e);
    const gif = await refused(upload(new TextEncoder().encode("GIF89a"), "image/gif"));
    expect(gif).toBeInstanceOf(ApiError);
    expect(gif.code).toBe("invalid");
    const liar = await refused(upload(PDF, "image/png"));
    expect(liar.message).toMatch(/not the kind of file/);
    const declaredBig = await refused(upload(PDF, "application/pdf", 6 * 1024 * 1024));
    expect(declaredBig.code).toBe("too-large");
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    expect((await refused(upload(big, "application/pdf"))).code).toBe("too-large");
    expect(jiko.uploadApplicationDocument).not.toHaveBeenCalled();
  });
});
