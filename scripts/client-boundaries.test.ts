/**
 * What a page's first load may not carry: the static import graph of every page and layout
 * (dynamic `import()` and `import type` excluded) must not reach chart code, Radix's menus and
 * dialogs, a dialog's form library or the toasts. Those load when shown (React.lazy,
 * components/ui/browser-only.tsx, components/ui/toast.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Packages that load on demand only; `allow` names pages whose own content needs one. */
const DEFERRED: { pkg: RegExp; allow: RegExp[] }[] = [
  { pkg: /^recharts($|\/)/, allow: [] },
  { pkg: /^@radix-ui\//, allow: [] },
  { pkg: /^sonner$/, allow: [] },
  // Not deferred but not wanted: its loader weighs about 1.2 kB on the page; React.lazy does the
  // same with what React already brings (components/ui/browser-only.tsx).
  { pkg: /^next\/dynamic$/, allow: [] },
  // The form is the page itself on a new transfer and on a new entity's application.
  {
    pkg: /^(react-hook-form|@hookform\/)/,
    allow: [/transfers[\\/]new[\\/]page\.tsx$/, /new-entity[\\/]page\.tsx$/],
  },
];

/**
 * Pages whose first load still carries zod: forms checked as the person types (a new transfer, a
 * new entity's application). Every other page loads zod with its first
 * answer or its first submitted filter (lib/api-client.ts, components/ui/filter-form.tsx): modules
 * that mix schemas with what a page draws are split, as lib/jiko/transfers.ts and
 * lib/jiko/transfer-terms.ts are.
 */
const ZOD_FIRST: RegExp[] = [
  /[\\/]transfers[\\/]new[\\/]page\.tsx$/,
  /[\\/]company[\\/]new-entity[\\/]/,
];

/** Static imports and re-exports of a module, type-only ones left out. */
function staticImports(source: string): string[] {
  const out: string[] = [];
  const re =
    /^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2])!);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const p of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

const CLIENT_DIRECTIVE = /^\s*["']use client["']/;

/**
 * Every package the module reaches through static imports, with the chain that reaches it. With
 * `browserOnly`, only what the browser loads: modules from a "use client" module on (server
 * components and what only they import stay on the server).
 */
function reachedPackages(entry: string, browserOnly = false): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[], inBrowser: boolean) => {
    const source = readFileSync(file, "utf8");
    const browser = inBrowser || CLIENT_DIRECTIVE.test(source);
    const key = `${file}:${browser}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const spec of staticImports(source)) {
      const local = resolveLocal(file, spec);
      if (local) walk(local, [...chain, path.relative(ROOT, local)], browser);
      else if (!spec.startsWith(".") && !packages.has(spec) && (browser || !browserOnly))
        packages.set(spec, chain);
    }
  };
  walk(entry, [path.relative(ROOT, entry)], false);
  return packages;
}

function pagesAndLayouts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "api" ? [] : pagesAndLayouts(p);
    return /^(page|layout)\.tsx$/.test(name) ? [p] : [];
  });
}

describe("first-load boundaries", () => {
  it("reads static imports and leaves dynamic and type-only ones out", () => {
    const src = [
      'import { a } from "recharts";',
      'import type { B } from "@radix-ui/react-dialog";',
      'import "./side-effect";',
      'export { c } from "@/lib/c";',
      'const D = lazy(() => import("./d"));',
    ].join("\n");
    expect(staticImports(src)).toEqual(["recharts", "./side-effect", "@/lib/c"]);
  });

  const entries = pagesAndLayouts(path.join(ROOT, "app"));
  it("finds the dashboard's pages and layouts", () => {
    expect(entries.length).toBeGreaterThan(10);
  });

  // Client code only (no server modules): what every page, the sign-in page included, loads.
  it.each(["app/layout.tsx", "app/global-error.tsx"])(
    "%s reaches no zod (schemas load with the pages that parse answers)",
    (file) => {
      const reached = reachedPackages(path.join(ROOT, file));
      expect(reached.get("zod")?.join(" → ")).toBeUndefined();
    },
  );

  // React Query's client and the toasts are mounted by the dashboard's layout only.
  it.each(["app/layout.tsx", "app/global-error.tsx", "app/not-found.tsx", "app/sign-in/page.tsx"])(
    "%s reaches neither React Query nor the toasts (the sign-in page needs neither)",
    (file) => {
      const reached = reachedPackages(path.join(ROOT, file));
      const offending = [...reached].filter(([pkg]) =>
        /^(@tanstack\/react-query|sonner)$/.test(pkg),
      );
      expect(offending.map(([pkg, chain]) => `${pkg} via ${chain.join(" → ")}`)).toEqual([]);
    },
  );

  // The browser checks answers with zod, loaded with the first answer (lib/api-client.ts).
  it.each(
    entries
      .filter((e) => !ZOD_FIRST.some((a) => a.test(e)))
      .map((e) => [path.relative(ROOT, e), e]),
  )("%s loads zod in the browser on demand only", (_, entry) => {
    const chain = reachedPackages(entry, true).get("zod");
    expect(chain?.join(" → ")).toBeUndefined();
  });

  it.each(entries.map((e) => [path.relative(ROOT, e), e]))(
    "%s loads charts, menus, dialogs, dialog forms and toasts on demand only",
    (_, entry) => {
      const reached = reachedPackages(entry);
      const offending = [...reached].filter(([pkg]) =>
        DEFERRED.some((d) => d.pkg.test(pkg) && !d.allow.some((a) => a.test(entry))),
      );
      expect(offending.map(([pkg, chain]) => `${pkg} via ${chain.join(" → ")}`)).toEqual([]);
    },
  );
});
