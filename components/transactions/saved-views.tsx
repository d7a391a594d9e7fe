"use client";

import { Bookmark, Trash2 } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import { Deferred } from "@/components/ui/deferred";
import { Field, Select } from "@/components/ui/field";
import { useDeleteView, useSavedViews } from "./hooks";

// The naming dialog (Radix, react-hook-form) loads when first opened (see Deferred).
const SaveViewDialog = lazy(() =>
  import("./save-view-dialog").then((m) => ({ default: m.SaveViewDialog })),
);

/** Named views of the filters: open one, save the filters on screen under a name, delete one. */
export function SavedViews({ search }: { search: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const views = useSavedViews();
  const deletion = useDeleteView();
  const [saving, setSaving] = useState(false);
  // Each opening starts a blank form for the filters then on screen.
  const [opened, setOpened] = useState(0);
  const current = views.data?.items.find((v) => v.search === search);

  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field id="saved-view" label="Saved views">
        <Select
          id="saved-view"
          value={current?.id ?? ""}
          onChange={(e) => {
            const view = views.data?.items.find((v) => v.id === e.target.value);
            if (view)
              router.push(view.search ? `${pathname}?${view.search}` : pathname, { scroll: false });
          }}
          disabled={!views.data?.items.length}
        >
          <option value="">
            {views.data?.items.length ? "Choose a view…" : "No saved views yet"}
          </option>
          {views.data?.items.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </Select>
      </Field>
      {current ? (
        <Button
          variant="ghost"
          onClick={() => void deletion.remove(current)}
          disabled={deletion.isPending}
          aria-label={`Delete the view “${current.name}”`}
        >
          <Trash2 aria-hidden="true" className="size-4" /> Delete view
        </Button>
      ) : (
        <Button
          variant="ghost"
          onClick={() => {
            setOpened((n) => n + 1);
            setSaving(true);
          }}
        >
          <Bookmark aria-hidden="true" className="size-4" /> Save view
        </Button>
      )}
      <Deferred when={saving}>
        <SaveViewDialog key={opened} open={saving} onOpenChange={setSaving} search={search} />
      </Deferred>
    </div>
  );
}
