import { describe, expect, it } from "vitest";
import {
  BusinessApplication,
  BusinessApplicationList,
  APPLICATION_PATHS as P,
} from "../../lib/jiko/applications";
import { Customer } from "../../lib/jiko/customer";
import { MembershipList } from "../../lib/jiko/user";
import { as, client, FILES, sb, withCompanySandbox } from "../company/test-kit";
import { SEED } from "../seed";
import { passwordTokens } from "../testing/oauth-client";

withCompanySandbox();

const ADDRESS = {
  street_address: "500 Harbor Way",
  street_address2: null,
  city: "Alameda",
  postal_code: "94501",
  state: "CA",
  country: "US",
};
const owner = (ssn: string, first = "Riley") => ({
  name: { first_name: first, last_name: "Stone" },
  title: "CEO",
  date_of_birth: "1985-02-03",
  identification_number: ssn,
  email: `${first.toLowerCase()}@newco.example`,
  address: ADDRESS,
  roles: ["CONTROL_PERSON"],
  ownership_percentage: "60",
  citizenship: "US",
});
const complete = (name: string, ein: string, ssns: string[]) => ({
  business_name: name,
  identification_number: ein,
  email: "ops@newco.example",
  phone_number: "+15105550123",
  address: ADDRESS,
  agreement_consent: { version: "2025.2", timestamp: "2026-11-30T12:00:00+00:00" },
  beneficial_owners: ssns.map((s, i) => owner(s, ["Riley", "Quinn", "Drew"][i])),
});

const ok = (res: { status: number; text: string; json: unknown }, status = 200) => {
  expect(res.status, res.text).toBe(status);
  return BusinessApplication.parse(res.json);
};
const read = async (id: string) => ok(await as("avery").get(P.one(id)));

/** Create complete, apply (answers SUBMITTED), then read the outcome. */
async function applied(name: string, ein: string, ssns: string[]) {
  const app = ok(await as("avery").post(P.list, complete(name, ein, ssns)), 201);
  expect(app.status).toBe("CREATED");
  expect(ok(await as("avery").post(P.apply(app.id))).status).toBe("SUBMITTED");
  return read(app.id);
}

describe("drafts", () => {
  it("a CREATED application is updated many times; Apply names what is missing; updates stop after Apply", async () => {
    const draft = ok(await as("avery").post(P.list, { business_name: "Draft Co" }), 201);
    expect(draft).toMatchObject({
      status: "CREATED",
      business_name: "Draft Co",
      identification_number: null,
    });
    ok(
      await as("avery").patch(P.one(draft.id), {
        business_name: "Draft Company LLC",
        email: "a@draft.example",
      }),
    );
    const missing = await as("avery").post(P.apply(draft.id));
    expect(missing.status).toBe(422);
    expect((missing.json.detail as { loc: string[] }[]).map((d) => d.loc[1])).toEqual([
      "identification_number",
      "phone_number",
      "address",
      "agreement_consent",
      "beneficial_owners",
    ]);
    const full = complete("Draft Company LLC", "45-1234567", ["400-11-2222"]);
    const updated = ok(
      await as("avery").patch(P.one(draft.id), { ...full, business_name: undefined }),
    );
    expect(updated).toMatchObject({
      status: "CREATED",
      business_name: "Draft Company LLC",
      email: "ops@newco.example",
    });
    expect(updated.beneficial_owners[0]!.identification_number).toBe("*****2222");
    expect((await as("avery").patch(P.one(draft.id), { nickname: "x" })).status).toBe(422);
    ok(await as("avery").post(P.apply(draft.id)));
    const late = await as("avery").patch(P.one(draft.id), { business_name: "Too Late" });
    expect(late.status).toBe(409);
  });

  it("another person cannot see or touch someone's application", async () => {
    const app = ok(await as("avery").post(P.list, { business_name: "Private Co" }), 201);
    expect((await as("morgan").get(P.one(app.id))).status).toBe(404);
    expect((await as("morgan").patch(P.one(app.id), { email: "m@x.example" })).status).toBe(404);
    const mine = BusinessApplicationList.parse((await as("morgan").get(P.list)).json);
    expect(mine.items.map((a) => a.id)).not.toContain(app.id);
  });
});

describe("outcomes", () => {
  it("4…: APPROVED at once — a customer, a team with the applicant as ADMIN, owners and a first pocket", async () => {
    const app = await applied("Northwind Freight Inc.", "45-6789012", ["400-12-3456"]);
    expect(app.status).toBe("APPROVED");
    expect(app.customer_id).not.toBeNull();
    const memberships = MembershipList.parse(
      (await as("avery").get("/api/v1/user/memberships/")).json,
    );
    const mine = memberships.items.find((m) => m.team_id === app.team_id);
    expect(mine).toMatchObject({ role: "ADMIN", status: "ACTIVE", customer_id: app.customer_id });
    expect(mine?.customer_name).toBe("Northwind Freight Inc.");

    // Signing in to the new team shows the new company, its owners and its first pocket.
    const t = await passwordTokens({
      portalUrl: sb.portalUrl,
      client,
      email: SEED.people.avery.email,
      teamId: app.team_id!,
    });
    const get = (p: string) =>
      fetch(`${sb.apiUrl}${p}`, { headers: { authorization: `Bearer ${t.access_token}` } }).then(
        (r) => r.json(),
      );
    expect(Customer.parse(await get("/api/v1/customer/"))).toMatchObject({
      type: "BUSINESS",
      name: "Northwind Freight Inc.",
      identification_number: { identification_number: "45-6789012", type: "EIN" },
    });
    const owners = await get("/api/v1/customer/beneficial-owners/");
    expect(
      owners.beneficial_owners.map(
        (o: { identification_number: string }) => o.identification_number,
      ),
    ).toEqual(["*****3456"]);
    const pockets = await get("/api/v2/pockets/");
    expect(pockets.items.map((p: { pocket_name: string }) => p.pocket_name)).toEqual(["Operating"]);

    expect((await as("avery").post(P.apply(app.id))).status).toBe(409);
    expect(
      (await as("avery").upload(P.documentFile(app.id, "OTHER"), FILES.pdf, "application/pdf"))
        .status,
    ).toBe(409);
  });

  it("21…: DOCUMENTS_NEEDED (ID) → SELFIE and PASSPORT uploaded → PENDING → Apply again → APPROVED (third digit ≠ 1)", async () => {
    const app = await applied("Bayside Labs LLC", "45-0000001", ["210-45-6789", "400-00-0002"]);
    expect(app.status).toBe("DOCUMENTS_NEEDED");
    expect(app).toMatchObject({
      id_verification_documents_needed: true,
      identification_number_verification_document_needed: false,
      address_verification_document_needed: false,
    });
    expect(app.documents.filter((d) => d.status === "PENDING_UPLOAD").map((d) => d.type)).toEqual([
      "SELFIE",
      "ID_FRONT",
      "ID_BACK",
    ]);
    expect(app.customer_id).toBeNull();
    expect((await as("avery").post(P.apply(app.id))).status).toBe(409);

    const wrong = await as("avery").upload(
      P.documentFile(app.id, "SELFIE"),
      FILES.pdf,
      "image/png",
    );
    expect(wrong.status).toBe(422);
    expect(
      (await as("avery").upload(P.documentFile(app.id, "SELFIE"), FILES.png, "image/png")).status,
    ).toBe(201);
    const half = await read(app.id);
    expect(half.status).toBe("DOCUMENTS_NEEDED");
    expect(half.documents.filter((d) => d.status === "PENDING_UPLOAD").map((d) => d.type)).toEqual([
      "ID_FRONT",
      "ID_BACK",
    ]);
    expect(
      (await as("avery").upload(P.documentFile(app.id, "PASSPORT"), FILES.jpeg, "image/jpeg"))
        .status,
    ).toBe(201);
    const pending = await read(app.id);
    expect(pending.status).toBe("PENDING");
    expect(pending.id_verification_documents_needed).toBe(false);
    expect(pending.documents.map((d) => [d.type, d.status])).toEqual([
      ["SELFIE", "PENDING_REVIEW"],
      ["PASSPORT", "PENDING_REVIEW"],
    ]);

    expect(ok(await as("avery").post(P.apply(app.id))).status).toBe("SUBMITTED");
    const done = await read(app.id);
    expect(done.status).toBe("APPROVED");
    const memberships = MembershipList.parse(
      (await as("avery").get("/api/v1/user/memberships/")).json,
    );
    expect(memberships.items.some((m) => m.team_id === done.team_id && m.role === "ADMIN")).toBe(
      true,
    );
  });

  it("231…: DOCUMENTS_NEEDED (address) → ADDRESS_VERIFICATION → PENDING → Apply again → MANUAL_REVIEW (2*1)", async () => {
    const app = await applied("Cliffside Studio Inc.", "45-0000002", ["231-45-6789"]);
    expect(app).toMatchObject({
      status: "DOCUMENTS_NEEDED",
      address_verification_document_needed: true,
    });
    expect(
      (
        await as("avery").upload(
          P.documentFile(app.id, "ADDRESS_VERIFICATION"),
          FILES.pdf,
          "application/pdf",
        )
      ).status,
    ).toBe(201);
    expect((await read(app.id)).status).toBe("PENDING");
    ok(await as("avery").post(P.apply(app.id)));
    const after = await read(app.id);
    expect(after.status).toBe("MANUAL_REVIEW");
    expect(after.customer_id).toBeNull();
  });

  it("3…: MANUAL_REVIEW, no customer", async () => {
    const app = await applied("Review Me Corp.", "45-0000003", ["300-45-6789"]);
    expect(app).toMatchObject({ status: "MANUAL_REVIEW", customer_id: null, team_id: null });
  });

  it("5… (the EIN): REJECTED, final — no documents, no re-apply", async () => {
    const app = await applied("Nope Holdings", "55-0000004", ["400-45-6789"]);
    expect(app.status).toBe("REJECTED");
    expect((await as("avery").post(P.apply(app.id))).status).toBe(409);
    expect(
      (await as("avery").upload(P.documentFile(app.id, "OTHER"), FILES.pdf, "application/pdf"))
        .status,
    ).toBe(409);
    const list = BusinessApplicationList.parse(
      (await as("avery").get(`${P.list}?status=REJECTED`)).json,
    );
    expect(list.items.map((a) => a.id)).toEqual([app.id]);
  });
});
