"use client";

import {
  CODE_NOT_FETCHED,
  codeNotFetched,
  outageFromDigest,
} from "@/components/shell/outage-digest";

/**
 * The last resort, when the root layout itself failed: it replaces the whole document, so it
 * carries its own styles. Jiko being away still reads as such, never as our own failure; nor
 * does code the browser could not fetch (a header menu opened offline, say), which a reload mends.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const outage = outageFromDigest(error);
  const unfetched = codeNotFetched(error);
  const title = !outage
    ? "Treasury Desk could not load"
    : outage.kind === "rate-limited"
      ? "Too many requests to Jiko"
      : "Jiko is not answering right now";
  const message = outage
    ? "Nothing is lost. Try again in a moment."
    : unfetched
      ? CODE_NOT_FETCHED
      : "Something failed on our side. Try again; if it persists, tell your admin.";
  return (
    <html lang="en" style={{ colorScheme: "light dark" }}>
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "3rem 1.5rem" }}>
        <title>{`${title} · Treasury Desk`}</title>
        <main style={{ maxWidth: "36rem", margin: "0 auto" }}>
          <h1 style={{ fontSize: "1.5rem" }}>{title}</h1>
          <p>{message}</p>
          <button
            type="button"
            onClick={unfetched ? () => window.location.reload() : retry}
            style={{
              padding: "0.5rem 1rem",
              font: "inherit",
              border: "1px solid currentColor",
              borderRadius: "0.375rem",
            }}
          >
            {unfetched ? "Reload the page" : "Try again"}
          </button>
        </main>
      </body>
    </html>
  );
}
