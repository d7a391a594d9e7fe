import type { Page } from "@playwright/test";

/**
 * Resolves with Date.now() once the request row of `id` reads "Approved" in the page. A string,
 * so the page runs it as written (tsx would wrap named functions in a helper the page lacks).
 */
export const approvedAt = (page: Page, id: string) =>
  page.evaluate<number>(`new Promise((resolve) => {
    const badge = () => document.querySelector(
      '[data-testid="request-row"][data-id="${id}"] [data-testid="request-status"]',
    );
    const approved = () => badge()?.textContent?.trim() === "Approved";
    if (approved()) return resolve(Date.now());
    const watch = new MutationObserver(() => {
      if (!approved()) return;
      watch.disconnect();
      resolve(Date.now());
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  })`);
