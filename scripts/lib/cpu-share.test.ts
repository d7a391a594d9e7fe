import { describe, expect, it } from "vitest";
import { cpuSampler, describeCpu, programOf } from "./cpu-share";

describe("CPU shares", () => {
  it("names the programs of a load from their command lines", () => {
    expect(programOf(["/usr/lib/chromium/chromium", "--type=renderer", "--lang=en"])).toBe(
      "renderer",
    );
    expect(programOf(["/usr/lib/chromium/chromium --type=renderer --lang=en"])).toBe("renderer");
    expect(programOf(["/usr/lib/chromium/chromium", "--type=gpu-process"])).toBe("Chromium");
    expect(programOf(["/usr/lib/chromium/chromium", "--no-sandbox"])).toBe("Chromium");
    expect(programOf(["next-server (v16.4.6)"])).toBe("Next");
    expect(programOf(["node", "--import", "tsx/esm", "scripts/serve.ts", "--port", "3000"])).toBe(
      "Next",
    );
    expect(programOf(["node", "/work/node_modules/.bin/tsx", "sandbox/main.ts"])).toBe("sandbox");
    expect(programOf(["node", "scripts/lib/bare-hop-server.mjs", "http://127.0.0.1:4410"])).toBe(
      "bare hop",
    );
    expect(programOf(["node", "playwright-core/cli.js", "run-driver"])).toBe("benchmark");
    expect(programOf(["/usr/bin/bash"])).toBeUndefined();
  });

  it("pools windows into the cores' busy share and each program's part of it", () => {
    const w = (ms: number, busy: number, parts: [string, number][]) => ({
      ms,
      busy,
      byProgram: new Map(parts) as never,
    });
    const text = describeCpu(
      [
        w(500, 980, [
          ["renderer", 600],
          ["Next", 100],
          ["Chromium", 200],
        ]),
        w(500, 1000, [
          ["renderer", 580],
          ["Next", 98],
          ["sandbox", 40],
          ["Chromium", 180],
        ]),
      ],
      2,
    );
    // 1,980 of 2,000 core-ms busy; 182 ms of it in no named program.
    expect(text).toBe(
      "2 cores 99% busy: renderer 60%, Chromium 19%, Next 10%, sandbox 2%, other 9%",
    );
  });

  it.runIf(process.platform === "linux")("counts this process's own CPU while armed", async () => {
    const cpu = cpuSampler();
    const from = Date.now();
    cpu.arm();
    // Spins until this process has used 150 ms of CPU, however busy the machine is. Its other
    // threads (the collector's) count too, so that can take less than 150 ms of wall time.
    const spinFrom = Date.now();
    const start = process.cpuUsage();
    const used = () => {
      const { user, system } = process.cpuUsage(start);
      return user + system;
    };
    while (used() < 150_000);
    const until = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 30));
    cpu.disarm();
    const w = cpu.window(from, until)!;
    // The window spans the whole spin (no sample is taken during it: the spin holds the loop).
    expect(w.ms).toBeGreaterThanOrEqual(until - spinFrom);
    // The kernel's ticks round to 10 ms; the samples bracket the window.
    expect(w.byProgram.get("benchmark") ?? 0).toBeGreaterThanOrEqual(120);
  });
});
