import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Got = { headers: http.IncomingHttpHeaders; body: string };

/** Checks a `Twoway-Signature: t=…,v1=…` header the way docs/webhooks.md tells receivers to. */
export function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((kv) => kv.trim().split("=", 2)));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return Math.abs(Date.now() / 1000 - Number(parts.t)) < 300 && given.length === expected.length && timingSafeEqual(given, expected);
}

/** A webhook receiver on 127.0.0.1 (the e2e server allows loopback): every request it got, in arrival order. */
export async function startReceiver() {
  const got: Got[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/twoway`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return { got, url, close };
}
