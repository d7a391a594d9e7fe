"use client";

import { useEffect } from "react";
import { tabStore } from "@/lib/tab-store";
import type { ShellViewer } from "./types";

/**
 * The shell this tab last showed. When a retry finds Jiko still away, the outage shell keeps
 * the header the person was using (sections, account) instead of falling back to the product
 * name alone. Browser only: the server never holds one person's shell for another's render.
 */
const remembered = tabStore<ShellViewer | null>(null);

export function RememberViewer({ viewer }: { viewer: ShellViewer }) {
  useEffect(() => remembered.set(viewer), [viewer]);
  return null;
}

export const useRememberedViewer = (): ShellViewer | null => remembered.use();
