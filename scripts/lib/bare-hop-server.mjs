/**
 * A bare HTTP proxy in front of Jiko: each request goes on over a kept-alive connection with its
 * bearer token, and the answer comes back whole and untouched. No session, no check, no parsing:
 * the least any server between a browser and Jiko must do. The benchmarks time the dashboard's
 * routes beside it, so the cost of the second hop itself (two more socket writes and the
 * processes they wake) shows apart from the dashboard's own work.
 * Run by scripts/lib/bare-hop.ts as `node bare-hop-server.mjs <upstream origin> <port>`; it ends
 * with the process that started it.
 */
import http from "node:http";

const [upstream, port] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true });

const server = http.createServer((req, res) => {
  const headers = { accept: req.headers.accept ?? "*/*" };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const forward = http.request(
    new URL(req.url ?? "/", upstream),
    { method: req.method, agent, headers },
    (answer) => {
      const chunks = [];
      answer.on("data", (chunk) => chunks.push(chunk));
      answer.on("error", () => res.destroy());
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        res.writeHead(answer.statusCode ?? 502, {
          "content-type": answer.headers["content-type"] ?? "application/octet-stream",
          "content-length": body.length,
        });
        res.end(body);
      });
    },
  );
  forward.on("error", () => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
});
server.listen(Number(port), "127.0.0.1", () => process.send?.("listening"));
process.on("disconnect", () => process.exit(0));
