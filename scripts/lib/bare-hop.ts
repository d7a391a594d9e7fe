import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "bare-hop-server.mjs");

/**
 * Starts the bare proxy (./bare-hop-server.mjs) on loopback `port` in front of `upstream`, in its
 * own process as the dashboard's server is; resolves with its origin once it listens.
 */
export async function startBareHop(upstream: string, port: number) {
  const child = spawn(process.execPath, [SERVER, upstream, String(port)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bare proxy ended (${code})`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => child.kill("SIGTERM"),
  };
}
