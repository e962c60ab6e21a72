// An HTTP proxy in front of the Stripe stand-in that makes Stripe as slow as the suite needs: every
// request is forwarded at once, and the answer to POST /v1/transfers is held `latencyMs` before it is
// passed back — Stripe has made the transfer, the caller does not know yet. holdTransfer(n) keeps the
// n-th transfer's answer forever and reports when it is reached, so the suite can SIGKILL the worker
// exactly in that window (the transfer exists at Stripe, the payout is still `processing` in the
// database) — the case where a careless retry would pay twice.
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type StripeLatency = {
  url: string;
  /** Transfers created through the proxy so far (answered by the stand-in). */
  transfers(): number;
  /** Holds the answer to the n-th transfer (1-based) forever; resolves when the stand-in answered it. */
  holdTransfer(n: number): Promise<void>;
  close(): Promise<void>;
};

export async function startStripeLatency(upstreamUrl: string, latencyMs: number): Promise<StripeLatency> {
  const upstream = new URL(upstreamUrl);
  let created = 0;
  let hold: { n: number; reached: () => void } | undefined;

  function forward(req: IncomingMessage, res: ServerResponse) {
    const isTransfer = req.method === "POST" && req.url === "/v1/transfers";
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          const send = () => {
            if (res.destroyed) return;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
          };
          if (!isTransfer || answer.statusCode !== 200) return send();
          created += 1;
          if (hold && created === hold.n) {
            hold.reached();
            return; // never answered: the caller dies waiting
          }
          setTimeout(send, latencyMs);
        });
      },
    );
    out.on("error", (err) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: `latency proxy: ${err.message}` } }));
    });
    req.pipe(out);
  }

  const server = createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    transfers: () => created,
    holdTransfer(n) {
      return new Promise<void>((resolve) => {
        hold = { n, reached: resolve };
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
