import { AcknowledgeBody } from "@/lib/company-agreement-schemas";
import { guarded, readJson } from "@/server/api/guard";
import { acknowledgeAgreement, companyAgreements } from "@/server/company/agreements";

// GET /api/company/agreements: the current version, its documents and the company's consent.
export const GET = guarded("company:view", async ({ viewer }) =>
  Response.json(await companyAgreements(viewer.jiko)),
);

// POST /api/company/agreements {version}: consent to the current version.
export const POST = guarded("company:manage", async ({ req, viewer }) => {
  const { version } = await readJson(req, AcknowledgeBody);
  return Response.json(await acknowledgeAgreement(viewer.jiko, version), { status: 201 });
});
