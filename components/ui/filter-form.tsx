"use client";

import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { z } from "zod";
import { loadSchema, type SchemaSource } from "@/lib/api-client";
import { Button } from "./button";

/**
 * A page's filter bar. Filters live in the URL: applying them parses the form with the page's
 * schema (errors shown on their fields) and navigates, so a view can be shared and bookmarked.
 * Each apply is a new history entry, so Back undoes the last filter instead of leaving the page.
 * The schema may be a loader: it is fetched once the person starts on the form, not with the page.
 */
export function FilterForm<F>({
  label,
  schema,
  read,
  toSearch,
  className = "lg:grid-cols-4",
  children,
}: {
  label: string;
  schema: SchemaSource<z.ZodType<F>>;
  /** The form's values as the schema reads them. */
  read: (data: FormData) => unknown;
  toSearch: (filters: F) => string;
  className?: string;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [errors, setErrors] = useState<Record<string, string>>({});
  // On a phone the filters fold behind a "Filters" button; from `sm` up they always show.
  const [shown, setShown] = useState(false);
  const formId = useId();

  async function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = read(new FormData(event.currentTarget));
    let checked: z.ZodType<F>;
    try {
      // Loaded once (the browser keeps the module); a failed load is tried again at the next apply.
      checked = await loadSchema(schema);
    } catch (error) {
      setErrors({ "": (error as Error).message });
      return;
    }
    const parsed = checked.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const search = toSearch(parsed.data);
    router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  return (
    <div className="min-w-0">
      <Button
        variant="ghost"
        className="mb-2 sm:hidden"
        aria-expanded={shown}
        aria-controls={formId}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? "Hide filters" : "Filters"}
      </Button>
      <form
        id={formId}
        onSubmit={apply}
        onFocus={() => void loadSchema(schema)}
        aria-label={label}
        // The schema's messages, under each field, replace the browser's own bubbles.
        noValidate
        className={`${shown ? "grid" : "hidden"} gap-4 rounded-xl border border-ink-200 bg-white p-4 sm:grid sm:grid-cols-2 dark:border-ink-800 dark:bg-ink-900 ${className}`}
      >
        {children(errors)}
        {errors[""] && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-full dark:text-red-300">
            {errors[""]}
          </p>
        )}
        <div className="flex items-end gap-2">
          <Button type="submit">Apply</Button>
          <Button variant="ghost" onClick={() => router.push(pathname, { scroll: false })}>
            Clear
          </Button>
        </div>
      </form>
    </div>
  );
}

/** A form field's text, or undefined when left empty. */
export const formValue = (data: FormData, key: string) => (data.get(key) as string) || undefined;
