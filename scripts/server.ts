// The app's HTTP server (spawned by scripts/start.ts for `npm start` and, with --dev, `npm run dev`).
// GET/HEAD /r/<code> — the tracked-link redirect, the product's hottest path — is answered here by
// a lean handler (cached lookup, batched click writes); every other request goes to Next. Next's own
// pipeline costs ~30× a bare 302, which is why the redirect is not a Next route.
//
// Env: PORT (3000), DATABASE_URL, AUTH_SECRET or TRACKING_SALT (visitor hash), TRUST_PROXY=1 behind
// a proxy that sets X-Forwarded-For/-Proto, DATABASE_POOL_MAX (1 for the embedded database).
// Jobs (payout runs, the partner-mail sweep, recurring jobs: lib/jobs) run on an in-process worker
// unless JOBS_IN_WEB=0 (then `npm run worker` processes take them).
// SIGTERM/SIGINT: /readyz answers 503 at once; after SHUTDOWN_DRAIN_MS (default 0) stop accepting,
// finish open requests, flush buffered clicks, let running jobs finish or release them, close Next, exit 0.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { ClickWriter } from "@/lib/tracking/click-store";
import { createLinkLookup } from "@/lib/tracking/link-lookup";
import { createFrameOriginsLookup } from "@/lib/http/board-frame-origins";
import { trustedProxyHops } from "@/lib/http/client-ip";
import { FRAME_ORIGINS_HEADER, answerNoScript, answerTooLarge, bodyTooLarge, boardSlug, isNoScriptFormPost, prepareInbound } from "@/lib/http/inbound";
import { isHttps } from "@/lib/tracking/request-info";
import { createRedirectHandler, isTrackedLinkRequest } from "@/lib/tracking/handler";
import { listenForLinkChanges } from "@/lib/tracking/link-invalidation";
import { trackingSecret } from "@/lib/tracking/tracking-secret";
import { configuredBaseUrl } from "@/lib/base-url";
import { log } from "@/lib/ops/log";
import { createMetrics } from "@/lib/ops/metrics";
import { answerMetrics, isMetricsRequest } from "@/lib/ops/metrics-endpoint";
import { createObserver } from "@/lib/ops/observe";
import { validateEnv } from "@/lib/config/env";
import { poolTimeouts } from "@/lib/db/pool-config";
import { registerServerReadinessChecks } from "@/lib/ops/checks";
import { handleHealthRequest, isHealthRequest } from "@/lib/ops/health";
import { shutdownDrainMs, stopAccepting } from "@/lib/ops/stop-accepting";
import { loadDotEnv } from "./load-env";

loadDotEnv();

const dev = process.argv.includes("--dev");
// Before Next (and React) load: they pick development or production code at import time.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

const say = (m: string) => log().info(m);

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  // Not $HOSTNAME: containers export the machine name there, and Next builds internal URLs from it.
  const hostname = "localhost";
  validateEnv(process.env, { production: !dev }); // one message naming every bad variable (lib/config/env.ts)
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const base = configuredBaseUrl();
  if (!base && !dev) {
    throw new Error("APP_URL is not set. Set it to the public base URL (e.g. https://twoway.example.com): links in e-mails are built from it, never from request headers.");
  }
  // Auth.js builds its own URLs (magic links, callbacks) from AUTH_URL when set: pin them to the base.
  if (base) process.env.AUTH_URL = base;
  // Imported here, not at the top: NODE_ENV is set first. Throws on a malformed setting: fail at start.
  const { partnerMailDelaySeconds } = await import("@/lib/referrals/partner-digest");
  const mailDelaySeconds = partnerMailDelaySeconds();

  // One small pool for link lookups and click batches. The embedded database serves one
  // connection at a time (DATABASE_POOL_MAX=1); a real Postgres gets 3.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.min(Number(process.env.DATABASE_POOL_MAX ?? 3), 3), ...poolTimeouts() });
  // Only message and code: pg attaches the idle client to the error, and its dump is kilobytes long.
  pool.on("error", (err: Error & { code?: string }) => log().error({ err: { message: err.message, code: err.code } }, "redirect pool error"));
  const metrics = createMetrics();
  const clicks = new ClickWriter({ db: metrics.timedClickDb(pool), log: (m) => log().error(m) });
  metrics.watchClicks(() => clicks.getStats());
  registerServerReadinessChecks(pool, clicks); // /readyz (lib/ops/health.ts)
  const hops = trustedProxyHops();
  const observe = createObserver({ metrics, hops });
  const tracked = createRedirectHandler({
    lookup: createLinkLookup(pool),
    sink: clicks,
    secret: trackingSecret(),
    trustProxy: hops > 0,
    log: (message, err) => log().error({ err }, message),
    // A Russian-audience placement link without an erid was refused: alert staff (deduped per link per day).
    onUnlabelled: (link) => import("@/lib/placements/unlabelled-alert").then((m) => m.alertUnlabelledLink(link)).then(() => undefined),
  });
  // Link changes made on any instance (NOTIFY from triggers, lib/tracking/link-invalidation.ts). The
  // embedded database is single-instance and cannot deliver a NOTIFY across connections: there the
  // in-process invalidation and the cache TTL suffice.
  const linkChanges =
    process.env.TWOWAY_EMBEDDED_DB === "1"
      ? undefined
      : listenForLinkChanges({
          connection: () => new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, keepAlive: true }),
          cache: tracked.cache,
          log: say,
        });
  const frameOrigins = createFrameOriginsLookup(pool);

  const server = createServer({ keepAliveTimeout: 65_000 });
  const { default: next } = await import("next");
  // httpServer: in dev Next attaches its HMR websocket upgrade handler to this server.
  const app = next({ dev, dir: process.cwd(), hostname, port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();

  async function toNext(req: IncomingMessage, res: ServerResponse) {
    prepareInbound(req, hops);
    if (bodyTooLarge(req)) return answerTooLarge(req, res);
    if (isNoScriptFormPost(req)) return answerNoScript(req, res);
    if (isHttps(req, hops > 0)) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // proxy.ts builds the CSP; on public board pages it allows the frames the agency listed.
    const slug = boardSlug(req.url);
    if (slug) {
      const origins = await frameOrigins(slug);
      if (origins.length) req.headers[FRAME_ORIGINS_HEADER] = origins.join(" ");
    }
    await handle(req, res);
  }

  const failed = (res: ServerResponse) => (err: unknown) => {
    log().error({ err }, "request failed");
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  };
  // observe: request id, access line and metrics for every request (lib/ops/observe.ts).
  server.on("request", (req: IncomingMessage, res: ServerResponse) =>
    observe(req, res, () => {
      if (isTrackedLinkRequest(req)) return tracked.handle(req, res);
      if (isHealthRequest(req)) return void handleHealthRequest(req, res);
      if (isMetricsRequest(req)) return void answerMetrics(req, res, metrics.registry, hops).catch(failed(res));
      toNext(req, res).catch(failed(res));
    }),
  );

  // The job worker (payout runs, the partner-mail sweep, recurring jobs: lib/jobs) runs in this
  // process unless separate `npm run worker` processes take the jobs (JOBS_IN_WEB=0 on the web instances).
  (await import("@/lib/jobs/server-only-hook")).allowServerOnlyImports();
  const { startJobWorker } = await import("@/lib/jobs/worker");
  const jobs =
    process.env.JOBS_IN_WEB === "0"
      ? undefined
      : await startJobWorker({
          databaseUrl,
          embedded: process.env.TWOWAY_EMBEDDED_DB === "1" || process.env.DATABASE_POOL_MAX === "1",
          onJobError: (task, final) => metrics.countJobError(task, final),
        });
  (await import("@/lib/jobs/heartbeat")).registerWorkerHeartbeatCheck(jobs); // /readyz: "worker"
  // Gauges read from the database on scrape (cached 15 s): the queue's depth, payouts by status.
  const { systemContext } = await import("@/lib/auth/contexts/system");
  const { jobQueueDepth } = await import("@/lib/jobs/queue-stats");
  const { payoutCountsByStatus } = await import("@/lib/payouts/status-counts");
  metrics.watchJobQueue(() => jobQueueDepth(systemContext("jobs")));
  metrics.watchPayouts(() => payoutCountsByStatus(systemContext("metrics")));

  let stopping = false;
  async function shutdown(signal: NodeJS.Signals) {
    // Ctrl+C reaches both start.ts and this process, and start.ts forwards it: one stop is enough.
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping (${clicks.pending} clicks buffered)`);
    const jobsStopped = jobs?.stop(); // no new job starts; a running payout run stops after its transfer in flight and is retried
    // /readyz answers 503 from now on; the listener closes after the drain (lib/ops/stop-accepting.ts).
    await stopAccepting(server, { drainMs: shutdownDrainMs() });
    await clicks.close();
    const { written, dropped } = clicks.getStats();
    say(`clicks flushed (${written} written this run${dropped ? `, ${dropped} dropped` : ""})`);
    await jobsStopped; // a running partner-mail sweep committed or rolled back, its mail handed to SMTP
    // pool.end() waits for connections still checked out, and in a partition a query may never come
    // back (its statement timeout is the server's): at most 3 s, then exit anyway.
    await Promise.race([Promise.allSettled([app.close(), pool.end(), linkChanges?.close()]), new Promise((r) => setTimeout(r, 3_000).unref())]);
    process.exit(0);
  }
  process.on("SIGTERM", (s) => void shutdown(s));
  process.on("SIGINT", (s) => void shutdown(s));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  say(`${dev ? "development" : "production"} server listening on http://${hostname}:${port}`);
  say(`partner e-mails: changes batched for ${mailDelaySeconds} s, swept by the job mail:partner-digest${jobs ? "" : " (on the workers: JOBS_IN_WEB=0)"}`);
}

main().catch((err) => {
  console.error(`[twoway] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
