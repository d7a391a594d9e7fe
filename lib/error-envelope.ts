/** The `{error: {code, message, issues?}}` envelope route handlers answer a failure with. */
import { z } from "zod";
import { ERROR_CODES } from "./errors";

export const ErrorCode = z.enum(ERROR_CODES);

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
