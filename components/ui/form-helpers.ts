"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormSetError,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
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

/**
 * A dialog's form: zod-validated, submitted through a mutation; on success it resets and closes,
 * on failure the server's reasons land on the fields or at the top.
 */
export function useDialogForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  send: (values: z.output<S>) => Promise<R>,
  done: (result: R) => void,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // zodResolver's generics cannot follow a generic schema; the schema itself fixes both types.
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await send(values);
      form.reset();
      done(result);
    } catch (error) {
      showServerError(error, form.setError);
    }
  });
  return { form, submit, errors: form.formState.errors, isSubmitting: form.formState.isSubmitting };
}
