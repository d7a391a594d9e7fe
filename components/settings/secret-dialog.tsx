"use client";

import { Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { CreatedWebhook } from "@/lib/webhook-form";

/** The shared secret, once: the dashboard never shows it again and Jiko never returns it. */
export function SecretDialog({
  created,
  onClose,
}: {
  created: CreatedWebhook;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.shared_secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Subscription created: copy its shared secret"
      description="This secret will not be shown again. Jiko signs every delivery with it; the receiver checks the signature with it."
    >
      <label htmlFor="shared-secret" className="block text-sm font-medium">
        Shared secret
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="shared-secret"
          readOnly
          value={created.shared_secret}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-ink-300 bg-ink-50 px-3 py-2 font-mono text-sm dark:border-ink-600 dark:bg-ink-950"
        />
        <Button variant="secondary" onClick={copy}>
          <Copy aria-hidden="true" className="size-4" /> {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="mt-3 text-sm text-ink-600 dark:text-ink-300">
        {created.delivers_here
          ? "This dashboard keeps it sealed to verify the deliveries it receives."
          : "Give it to whoever runs the receiving URL: this dashboard does not keep it."}
      </p>
      <div className="flex justify-end pt-4">
        <Button onClick={onClose}>I have stored it</Button>
      </div>
    </Dialog>
  );
}
