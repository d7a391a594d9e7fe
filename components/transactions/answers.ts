/**
 * What the transactions and saved-views routes answer, checked in the browser. The hooks load this
 * module with the first answer they ask for (lib/api-client.ts), so zod stays out of the page's
 * first load.
 */
import { z } from "zod";

export { TransactionList } from "@/lib/jiko/transactions";
export { SavedView, SavedViewList } from "@/lib/saved-views";

/** A deleted view: the route answers with no body. */
export const Deleted = z.null();
