import { type ChildProcess, spawn } from "node:child_process";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `p`'s value, or undefined if it has not settled within `ms`. The timer is cleared either way: a
 * pending one keeps the script alive until it fires.
 */
export async function settledWithin<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts a child that shares our terminal; its exit is reported through `exited`. */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; exited: Promise<number> } {
  const child = spawn(command, args, { env, stdio: "inherit" });
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
  return { child, exited };
}

/** Polls a URL until it answers 2xx, the deadline passes, or `abort` settles first. */
export async function waitForUrl(
  url: string,
  opts: { timeoutMs: number; abort?: Promise<unknown> },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let aborted = false;
  opts.abort?.then(() => {
    aborted = true;
  });
  while (Date.now() < deadline) {
    if (aborted) throw new Error(`a process exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(150);
  }
  throw new Error(`${url} did not answer within ${opts.timeoutMs / 1000} s`);
}

/** A detached process group with no output, stopped (with its children) by `stop()`. */
export function spawnGroup(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
) {
  const child = spawn(cmd, args, { env, cwd, stdio: "ignore", detached: true });
  const exited = new Promise((r) => child.on("exit", r));
  return {
    exited,
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {}
        await Promise.race([exited, sleep(10_000)]);
      }
    },
  };
}

/**
 * `npm start` arguments for a benchmark's own servers: `npm run bench` builds once and sets
 * TD_BENCH_NO_BUILD, so a source edited meanwhile does not rebuild `.next` under a later one.
 */
export const npmStart = (...flags: string[]) => [
  "start",
  "--",
  ...flags,
  ...(process.env.TD_BENCH_NO_BUILD === "1" ? ["--no-build"] : []),
];

/**
 * `npm start` for a benchmark: the production build on the benchmarks' fixed ports (3400, the
 * embedded sandbox on 4410 and 4411) with its data in `dataDir`, started with `flags` (default
 * `--reset`: a fresh seed). `rateLimits` raises Jiko's per-minute limits in the sandbox
 * (SANDBOX_RATE_LIMITS), so the figures are the work of each call, not waits on 429s.
 */
export const benchServer = (dataDir: string, o: { flags?: string[]; rateLimits?: string } = {}) =>
  spawnGroup("npm", npmStart(...(o.flags ?? ["--reset"])), {
    ...process.env,
    JIKO_API_URL: "",
    TD_DATA_DIR: dataDir,
    PORT: "3400",
    SANDBOX_API_PORT: "4410",
    SANDBOX_PORTAL_PORT: "4411",
    ...(o.rateLimits ? { SANDBOX_RATE_LIMITS: o.rateLimits } : {}),
    LOG_LEVEL: "warn",
  });
