import { AgreementType } from "@/lib/jiko/company";
import { guarded, parse } from "@/server/api/guard";
import { agreementDownload } from "@/server/company/agreements";

type Params = { type: string };

// GET /api/company/agreements/:type: that PDF of the current version, from a link Jiko signs now.
export const GET = guarded<Params>("company:view", async ({ params, viewer }) =>
  agreementDownload(viewer.jiko, parse(AgreementType, params.type)),
);
