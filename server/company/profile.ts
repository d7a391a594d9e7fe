import "server-only";
import type { ProfileUpdate } from "@/lib/company-profile";
import { ApiError } from "../api/guard";
import type { JikoClient } from "../jiko";

/**
 * Changes the company's contact details at Jiko (who records it in the team's audit log). An
 * empty change is refused here rather than sent: it would log a change that did not happen.
 */
export async function updateCompanyProfile(
  jiko: Pick<JikoClient, "updateCustomer">,
  change: ProfileUpdate,
) {
  if (Object.keys(change).length === 0) {
    throw new ApiError("invalid", "Nothing has changed.");
  }
  return jiko.updateCustomer(change);
}
