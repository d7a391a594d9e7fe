/**
 * Where this machine's CPU goes during a window (Linux, from /proc): how busy its cores were and
 * each program's share of them: Chromium (its renderer apart), the Next server, the sandbox, the
 * benchmark itself (with its Playwright driver). The kernel counts CPU time in ticks of 10 ms, so
 * one window is good to a tick per program; windows are pooled over several loads.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";

const TICK_MS = 10;

export type Program = "renderer" | "Chromium" | "Next" | "sandbox" | "bare hop" | "benchmark";

interface Sample {
  at: number;
  ticks: Map<number, number>;
  busy: number;
}

export interface CpuWindow {
  /** Wall-clock length of the window, ms. */
  ms: number;
  /** CPU time all cores spent busy, ms (up to ms × cores). */
  busy: number;
  /** CPU time each program took, ms. */
  byProgram: Map<Program, number>;
}

/** Which program a process is, from its command line. */
export function programOf(cmdline: string[]): Program | undefined {
  const line = cmdline.join(" ");
  // Chromium rewrites its processes' titles into one string: match on the whole line.
  if (/chrom/i.test(cmdline[0] ?? ""))
    return /--type=renderer\b/.test(line) ? "renderer" : "Chromium";
  if (/next-server|next\/dist\/bin\/next|\bnext start\b|scripts\/serve\.ts/.test(line))
    return "Next";
  if (/\bsandbox\b/.test(line)) return "sandbox";
  if (/bare-hop-server\.mjs/.test(line)) return "bare hop";
  if (/playwright.*run-driver/.test(line)) return "benchmark";
  return undefined;
}

const statOf = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined; // the process has ended
  }
};

/** Ticks all cores have spent busy (all but idle and iowait). */
const busyTicks = () => {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1);
  const all = cpu.map(Number);
  return all.reduce((a, b) => a + b, 0) - all[3]! - all[4]!;
};

/**
 * Samples every 10 ms while armed; `arm` lists the named programs' processes there are at that
 * moment. Only those are read: the rest of the busy time is "other".
 */
export function cpuSampler() {
  const supported = existsSync("/proc/stat");
  let programs = new Map<number, Program>();
  let samples: Sample[] = [];
  let timer: ReturnType<typeof setInterval> | undefined;

  const sample = () => {
    const ticks = new Map<number, number>();
    for (const pid of programs.keys()) {
      const t = statOf(pid);
      if (t !== undefined) ticks.set(pid, t);
    }
    samples.push({ at: Date.now(), ticks, busy: busyTicks() });
  };

  return {
    cores: os.cpus().length,
    arm() {
      if (!supported) return;
      programs = new Map();
      for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        const pid = Number(entry);
        let cmdline: string[];
        try {
          cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        } catch {
          continue;
        }
        const program = pid === process.pid ? "benchmark" : programOf(cmdline);
        if (program) programs.set(pid, program);
      }
      samples = [];
      sample();
      timer = setInterval(sample, TICK_MS);
    },
    disarm() {
      if (!timer) return;
      clearInterval(timer);
      timer = undefined;
      sample();
    },
    /** The CPU spent between two wall-clock times (ms since the epoch) of the armed period. */
    window(from: number, to: number): CpuWindow | undefined {
      const first = samples.findLast((s) => s.at <= from) ?? samples[0];
      const last = samples.find((s) => s.at >= to) ?? samples.at(-1);
      if (!first || !last || last === first) return undefined;
      const byProgram = new Map<Program, number>();
      for (const [pid, t] of last.ticks) {
        const spent = (t - (first.ticks.get(pid) ?? t)) * TICK_MS;
        const program = programs.get(pid)!;
        if (spent > 0) byProgram.set(program, (byProgram.get(program) ?? 0) + spent);
      }
      return { ms: last.at - first.at, busy: (last.busy - first.busy) * TICK_MS, byProgram };
    },
  };
}

/** Windows pooled: "cores busy 98%: renderer 57%, Chromium 18%, Next 10%, …" (shares of busy). */
export function describeCpu(windows: CpuWindow[], cores: number): string {
  const ms = windows.reduce((t, w) => t + w.ms, 0);
  const busy = windows.reduce((t, w) => t + w.busy, 0);
  if (!ms || !busy) return "no CPU figures";
  const byProgram = new Map<Program, number>();
  for (const w of windows) {
    for (const [p, v] of w.byProgram) byProgram.set(p, (byProgram.get(p) ?? 0) + v);
  }
  const named = [...byProgram.values()].reduce((a, b) => a + b, 0);
  const shares = [...byProgram]
    .sort((a, b) => b[1] - a[1])
    .map(([p, v]) => `${p} ${Math.round((100 * v) / busy)}%`);
  const other = Math.max(0, busy - named);
  shares.push(`other ${Math.round((100 * other) / busy)}%`);
  return `${cores} cores ${Math.round((100 * busy) / (ms * cores))}% busy: ${shares.join(", ")}`;
}
