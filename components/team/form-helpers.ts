import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiClientError } from "@/lib/api-client";

/**
 * Puts a server refusal where the person will see it: field errors on their fields (the server's
 * 422 names the paths), anything else (Jiko's 403, 409…) at the top of the form.
 */
export function showServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
) {
  if (error instanceof ApiClientError && error.issues?.length) {
    for (const issue of error.issues) setError(issue.path as Path<T>, { message: issue.message });
    return;
  }
  setError("root" as Path<T>, {
    message: error instanceof Error ? error.message : "Something went wrong.",
  });
}
