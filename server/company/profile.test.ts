import { describe, expect, it } from "vitest";
import { ProfileUpdate } from "@/lib/company-profile";
import { SEED } from "@/sandbox/seed";
import { ApiError } from "../api/guard";
import { JikoError } from "../jiko";
import { updateCompanyProfile } from "./profile";
import { withCompanyKit } from "./test-kit";

const kit = withCompanyKit();

describe("changing the company's contact details", () => {
  it("changes them at Jiko, which records the change in the team's audit log", async () => {
    const jiko = await kit.jikoAs(SEED.people.avery.email);
    const before = await jiko.customer();
    const email = `treasury+${Date.now()}@harborline.example`;
    const after = await updateCompanyProfile(jiko, ProfileUpdate.parse({ email }));
    expect(after.email).toBe(email);
    expect(after.phone_number).toBe(before.phone_number);
    expect((await jiko.customer()).email).toBe(email);
    const log = await jiko.auditLogs({ "action[]": ["customer.updated"], limit: 5 });
    expect(log.items[0]?.after).toMatchObject({ email });
    expect(log.items[0]?.before).toMatchObject({ email: before.email });
  });

  it("passes on Jiko's refusal naming the field", async () => {
    const jiko = await kit.jikoAs(SEED.people.avery.email);
    const refused = await updateCompanyProfile(
      jiko,
      ProfileUpdate.parse({ email: "finance@harborline" }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(JikoError);
    expect((refused as JikoError).code).toBe("invalid");
    expect((refused as JikoError).detail).toEqual([
      expect.objectContaining({ loc: ["body", "email"] }),
    ]);
  });

  it("sends no empty change (it would log a change that did not happen)", async () => {
    const jiko = await kit.jikoAs(SEED.people.avery.email);
    const logged = (await jiko.auditLogs({ "action[]": ["customer.updated"], limit: 100 })).items;
    await expect(updateCompanyProfile(jiko, {})).rejects.toBeInstanceOf(ApiError);
    const after = (await jiko.auditLogs({ "action[]": ["customer.updated"], limit: 100 })).items;
    expect(after.length).toBe(logged.length);
  });

  it("is refused by Jiko for a member who is not an admin", async () => {
    const jiko = await kit.jikoAs(SEED.people.morgan.email);
    await expect(
      updateCompanyProfile(jiko, { phone_number: "+14155550000" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
