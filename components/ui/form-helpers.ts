"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
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
import { dropDraft, isBlank, readDraft, shapeOf, writeDraft } from "@/lib/tab-drafts";

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
 * Where a dialog keeps what is typed until it is sent or cancelled (lib/tab-drafts.ts): a session
 * that ends as it is sent goes through sign-in and back to the page, which opens the dialog again
 * (hasDraft). `owner` is the person's membership. Not for bank details, which stay in no storage.
 */
export interface DialogDraft {
  name: string;
  owner: string;
}

/**
 * A dialog's form: zod-validated, submitted through a mutation; on success it resets and closes,
 * on failure the server's reasons land on the fields or at the top. With a `draft`, what is typed
 * is kept in the tab and brought back (`restored`) when the dialog is next mounted; `discard`
 * lets it go (a cancel).
 */
export function useDialogForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  send: (values: z.output<S>) => Promise<R>,
  done: (result: R) => void,
  draft?: DialogDraft,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // zodResolver's generics cannot follow a generic schema; the schema itself fixes both types.
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
  });
  const [restored, setRestored] = useState(false);
  const name = draft?.name;
  const owner = draft?.owner;
  // After the first render, not in it: the draft lives only in this tab.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the blank values are fixed per dialog
  useEffect(() => {
    if (!name || !owner) return;
    const blank = defaultValues as Record<string, unknown>;
    const kept = readDraft(name, owner, shapeOf(blank));
    // Never blank: a form back at its blank values keeps no draft (below).
    if (kept) {
      form.reset(kept as DefaultValues<z.input<S>>);
      setRestored(true);
    } else dropDraft(name);
    const { unsubscribe } = form.watch((values) => {
      if (isBlank(values, blank)) dropDraft(name);
      else writeDraft(name, owner, values);
    });
    return unsubscribe;
  }, [name, owner, form]);
  /** Lets what was typed go (a cancel): the form back to blank, and its draft with it. */
  const discard = () => {
    form.reset();
    if (name) dropDraft(name);
    setRestored(false);
  };
  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await send(values);
      discard();
      done(result);
    } catch (error) {
      showServerError(error, form.setError);
    }
  });
  return {
    form,
    submit,
    errors: form.formState.errors,
    isSubmitting: form.formState.isSubmitting,
    restored,
    discard,
  };
}
