import { describe, expect, it } from "vitest";
import { AuditLogList } from "../../lib/jiko/audit";
import {
  Agreement,
  AgreementAcknowledgement,
  AgreementAcknowledgementList,
  DocumentList,
  ListBeneficialOwnersResponse,
  UploadDocumentResponse,
} from "../../lib/jiko/company";
import { Customer } from "../../lib/jiko/customer";
import { SEED_OWNERS } from "../company/seed-company";
import { as, FILES, withCompanySandbox } from "../company/test-kit";
import { pdfText } from "../testing/pdf-text";

withCompanySandbox();

const C = "/api/v1/customer/";

async function auditActions() {
  const res = await as("avery").get("/api/v1/team/audit-logs/?limit=20");
  return AuditLogList.parse(res.json).items;
}

describe("customer profile update", () => {
  it("changes contact details, answers the updated customer and records the change", async () => {
    const before = Customer.parse((await as("avery").get(C)).json);
    const res = await as("avery").patch(C, {
      email: "finance@harborline.example",
      phone_number: "+14155550199",
    });
    expect(res.status, res.text).toBe(200);
    const after = Customer.parse(res.json);
    expect(after).toMatchObject({
      email: "finance@harborline.example",
      phone_number: "+14155550199",
    });
    expect(after.name).toBe(before.name);
    expect(Customer.parse((await as("avery").get(C)).json).email).toBe(
      "finance@harborline.example",
    );
    const entry = (await auditActions()).find((e) => e.action === "customer.updated");
    expect(entry?.before).toMatchObject({ email: before.email });
    expect(entry?.after).toMatchObject({ email: "finance@harborline.example" });
    expect(entry?.actor?.name).toBe("Avery Chen");
  });

  it("refuses identity fields with a 422 naming each, and changes nothing", async () => {
    const res = await as("avery").patch(C, {
      name: "Someone Else Inc.",
      identification_number: { identification_number: "11-1111111" },
      email: "x@harborline.example",
    });
    expect(res.status).toBe(422);
    const detail = res.json.detail as { loc: string[]; type: string }[];
    expect(detail.map((d) => d.loc)).toEqual([
      ["body", "name"],
      ["body", "identification_number"],
    ]);
    expect(detail.every((d) => d.type === "frozen_field")).toBe(true);
    const now = Customer.parse((await as("avery").get(C)).json);
    expect(now.name).not.toBe("Someone Else Inc.");
    expect(now.email).not.toBe("x@harborline.example");
  });

  it("refuses unknown fields and bad values (422), and non-admins (403)", async () => {
    expect((await as("avery").patch(C, { nickname: "H" })).status).toBe(422);
    expect((await as("avery").patch(C, { email: "not-an-email" })).status).toBe(422);
    const ro = await as("morgan").patch(C, { phone_number: "+14155550100" });
    expect(ro.status).toBe(403);
  });
});

describe("beneficial owners", () => {
  it("lists the seeded owners with identification numbers masked to the last four digits", async () => {
    const res = await as("avery").get("/api/v1/customer/beneficial-owners/");
    expect(res.status, res.text).toBe(200);
    const list = ListBeneficialOwnersResponse.parse(res.json);
    expect(list.count).toBe(SEED_OWNERS.length);
    for (const [i, owner] of list.beneficial_owners.entries()) {
      const full = SEED_OWNERS[i]!.identification_number.replace(/\D/g, "");
      expect(owner.identification_number).toBe(`*****${full.slice(-4)}`);
      expect(res.text).not.toContain(full);
      expect(res.text).not.toContain(SEED_OWNERS[i]!.identification_number);
    }
    expect(list.beneficial_owners[0]!.roles).toContain("CONTROL_PERSON");
  });
});

describe("agreements", () => {
  it("answers the current version with a PDF link per document that opens without a token", async () => {
    const res = await as("avery").get("/api/v1/agreements/");
    expect(res.status, res.text).toBe(200);
    const a = Agreement.parse(res.json);
    expect(a.version).toBe("2025.2");
    expect(a.documents.length).toBeGreaterThan(3);
    const terms = a.documents.find((d) => d.type === "TERMS_OF_USE")!;
    const pdf = await fetch(terms.pdf_download_url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer())).join(" ");
    expect(text).toContain("Terms of Use");
    expect(text).toContain("2025.2");
    const tampered = await fetch(`${terms.pdf_download_url.slice(0, -2)}xx`);
    expect(tampered.status).toBe(403);
  });

  it("acknowledges the current version once (201, then 200), refuses another version (422)", async () => {
    const old = await as("avery").post("/api/v1/agreements/acknowledgements/", {
      version: "2024.1",
    });
    expect(old.status).toBe(422);
    expect(
      (await as("morgan").post("/api/v1/agreements/acknowledgements/", { version: "2025.2" }))
        .status,
    ).toBe(403);
    const first = await as("avery").post("/api/v1/agreements/acknowledgements/", {
      version: "2025.2",
    });
    expect(first.status, first.text).toBe(201);
    const again = await as("avery").post("/api/v1/agreements/acknowledgements/", {
      version: "2025.2",
    });
    expect(again.status).toBe(200);
    expect(AgreementAcknowledgement.parse(again.json).id).toBe(
      AgreementAcknowledgement.parse(first.json).id,
    );
    const list = AgreementAcknowledgementList.parse(
      (await as("morgan").get("/api/v1/agreements/acknowledgements/")).json,
    );
    expect(list.items.map((x) => x.version)).toEqual(["2025.2", "2024.1"]);
    expect((await auditActions()).some((e) => e.action === "agreement.acknowledged")).toBe(true);
  });
});

describe("documents", () => {
  const up = "/api/v1/documents/ARTICLES_OF_INCORPORATION/";

  it("refuses a body that is not what its Content-Type says (422), a type not allowed, and an empty file", async () => {
    const lie = await as("avery").upload(up, FILES.png, "application/pdf");
    expect(lie.status).toBe(422);
    expect((lie.json.detail as { type: string }[])[0]!.type).toBe("content_mismatch");
    const text = await as("avery").upload(up, new TextEncoder().encode("hello"), "text/plain");
    expect(text.status).toBe(422);
    expect((await as("avery").upload(up, new Uint8Array(), "image/png")).status).toBe(422);
    expect(
      (await as("avery").upload("/api/v1/documents/NOT_A_TYPE/", FILES.pdf, "application/pdf"))
        .status,
    ).toBe(422);
  });

  it("refuses a file over 5 MB", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(FILES.pdf);
    const res = await as("avery").upload(up, big, "application/pdf");
    expect(res.status).toBe(422);
    expect((res.json.detail as { type: string }[])[0]!.type).toBe("too_large");
  });

  it("stores a right file (raw body or multipart), lists it newest first and downloads it byte for byte", async () => {
    const raw = await as("avery").upload(up, FILES.pdf, "application/pdf");
    expect(raw.status, raw.text).toBe(201);
    const { document_id } = UploadDocumentResponse.parse(raw.json);
    const form = new FormData();
    form.set("file", new Blob([FILES.png], { type: "image/png" }), "ein-letter.png");
    const multi = await as("avery").upload("/api/v1/documents/EIN_CONFIRMATION/", form);
    expect(multi.status, multi.text).toBe(201);

    const list = DocumentList.parse((await as("morgan").get("/api/v1/documents/")).json);
    expect(
      list.items.slice(0, 2).map((d) => [d.type, d.content_type, d.size_bytes, d.status]),
    ).toEqual([
      ["EIN_CONFIRMATION", "image/png", FILES.png.length, "PENDING_REVIEW"],
      ["ARTICLES_OF_INCORPORATION", "application/pdf", FILES.pdf.length, "PENDING_REVIEW"],
    ]);
    expect(list.items[0]!.name).toBe("ein-letter.png");
    const only = DocumentList.parse(
      (await as("avery").get("/api/v1/documents/?type=EIN_CONFIRMATION")).json,
    );
    expect(only.items.every((d) => d.type === "EIN_CONFIRMATION")).toBe(true);

    const link = await as("avery").get(`/api/v1/documents/${document_id}/download/`);
    expect(link.status).toBe(307);
    const file = await fetch(link.headers.get("location")!);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(FILES.pdf);
    expect((await auditActions()).some((e) => e.action === "document.uploaded")).toBe(true);
  });
});

describe("scopes", () => {
  it("each route needs its scope: customer.read reads, customer.write changes, agreements.read lists agreements", async () => {
    expect((await as("narrow").get("/api/v1/customer/beneficial-owners/")).status).toBe(200);
    expect((await as("narrow").get("/api/v1/documents/")).status).toBe(200);
    const checks = [
      await as("narrow").patch(C, { email: "a@harborline.example" }),
      await as("narrow").upload("/api/v1/documents/OTHER/", FILES.pdf, "application/pdf"),
      await as("narrow").get("/api/v1/agreements/"),
      await as("narrow").post("/api/v1/agreements/acknowledgements/", { version: "2025.2" }),
      await as("narrow").get("/api/v1/business-applications/"),
      await as("narrow").post("/api/v1/business-applications/", {}),
    ];
    expect(checks.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(String(checks[0]!.json.detail)).toContain("customer.write");
  });
});
