import { describe, expect, it } from "vitest";
import { SEED } from "@/sandbox/seed";
import { acknowledgeAgreement, agreementDownload, companyAgreements } from "./agreements";
import { withCompanyKit } from "./test-kit";

const kit = withCompanyKit();

describe("the company's agreements", () => {
  it("shows the current version without Jiko's signed links, then the admin's consent to it", async () => {
    const jiko = await kit.jikoAs(SEED.people.avery.email);
    const current = await jiko.agreements();
    const before = await companyAgreements(jiko);
    expect(before.version).toBe(current.version);
    expect(before.documents.map((d) => d.type)).toEqual(current.documents.map((d) => d.type));
    expect(JSON.stringify(before)).not.toContain("/_sandbox/files/");
    // The seed consented to an older version only.
    expect(before.acknowledgement).toBeNull();

    const consent = await acknowledgeAgreement(jiko, before.version);
    const after = await companyAgreements(jiko);
    expect(after.acknowledgement).toMatchObject({
      id: consent.id,
      version: current.version,
      acknowledged_by: { name: "Avery Chen" },
    });
  });

  it("refuses consent to a version that is not the current one", async () => {
    const jiko = await kit.jikoAs(SEED.people.avery.email);
    await expect(acknowledgeAgreement(jiko, "2000.1")).rejects.toMatchObject({ code: "invalid" });
  });

  it("serves each PDF from a fresh link, as an attachment", async () => {
    const jiko = await kit.jikoAs(SEED.people.morgan.email);
    const { documents } = await companyAgreements(jiko);
    const res = await agreementDownload(jiko, documents[0]!.type, { origins: kit.origins });
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect((await res.text()).startsWith("%PDF-")).toBe(true);
  });

  it("answers not found for a document outside the current version", async () => {
    const jiko = await kit.jikoAs(SEED.people.morgan.email);
    await expect(
      agreementDownload(jiko, "REGULATION_E", { origins: kit.origins }),
    ).rejects.toMatchObject({ code: "not-found" });
  });
});
