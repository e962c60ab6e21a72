// `npm run bench:redirect` — the tracked-link redirect under load, next to a bare node:http 302 in
// the same run (ratios, not absolute numbers, compare across machines). Against the production
// server (scripts/server.ts, NODE_ENV=production) on a scratch database: autocannon, 50
// connections, a warm-up, then ~8 s each (the bare server before and after the app, averaged, so
// drifting machine load biases neither side). The app is loaded in chunks of a fixed number of
// requests (~2 s each, ~8 s in all), so every request sent is also answered and counted (a timed
// run abandons its in-flight requests, which the server may still have served). Then the server is
// stopped with SIGTERM (it flushes its click buffer) and every 3xx must be a stored click; exit 1
// if a single click is missing. Server CPU time per request (from /proc) is printed too: on a
// shared machine it is steadier than requests/s.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import autocannon from "autocannon";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/tests/helpers/scratch-db";

const CONNECTIONS = 50;
const DURATION_S = 8;
const WARMUP_S = 1;
const TARGET_RATIO = 0.4;
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const headers = { "user-agent": UA, accept: "text/html,application/xhtml+xml", "accept-language": "en-US,en;q=0.9" };

// The bare baseline runs in its own process, like the app, so neither shares a core with autocannon.
const BARE_SERVER = `
require("node:http").createServer((req, res) => {
  res.writeHead(302, { Location: "https://example.com/landing?utm_source=twoway", "Cache-Control": "no-store", "Content-Length": "0" });
  res.end();
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare ready"));`;

const say = (m: string) => console.log(`[bench:redirect] ${m}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode})`);
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

type Run = { rps: number; seconds: number; p50: number; p99: number; total: number; redirects: number; other: number; cpuUsPerReq: number | null };

/** CPU seconds (user + system) a process has used, or null off Linux. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return null;
  }
}

async function load(url: string, pid: number | undefined, limit: { duration: number } | { amount: number }): Promise<Run> {
  const before = cpuSeconds(pid);
  const r = await autocannon({ url, connections: CONNECTIONS, headers, pipelining: 1, ...limit });
  const after = cpuSeconds(pid);
  const total = r.requests.total;
  return {
    rps: total / r.duration,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total,
    redirects: r["3xx"],
    other: total - r["3xx"] + r.errors + r.timeouts,
    cpuUsPerReq: before !== null && after !== null && total ? ((after - before) * 1e6) / total : null,
  };
}

/**
 * ~`seconds` of load in fixed-size chunks of ~2 s (each sized from the previous chunk's rate), so
 * every request sent is answered and counted. p50: request-weighted mean of the chunks; p99: the
 * worst chunk's.
 */
async function loadFor(url: string, pid: number | undefined, seconds: number, startRate: number): Promise<Run> {
  const runs: Run[] = [];
  let elapsed = 0;
  let rate = startRate;
  while (elapsed < seconds) {
    const run = await load(url, pid, { amount: Math.max(CONNECTIONS * 20, Math.round(rate * Math.min(2, seconds - elapsed))) });
    runs.push(run);
    elapsed += run.seconds;
    rate = run.rps;
  }
  const total = runs.reduce((n, r) => n + r.total, 0);
  const weighted = (f: (r: Run) => number) => runs.reduce((n, r) => n + f(r) * r.total, 0) / total;
  return {
    rps: total / elapsed,
    seconds: elapsed,
    p50: weighted((r) => r.p50),
    p99: Math.max(...runs.map((r) => r.p99)),
    total,
    redirects: runs.reduce((n, r) => n + r.redirects, 0),
    other: runs.reduce((n, r) => n + r.other, 0),
    cpuUsPerReq: runs.every((r) => r.cpuUsPerReq !== null) ? weighted((r) => r.cpuUsPerReq!) : null,
  };
}

function average(a: Run, b: Run): Run {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    rps: mean(a.rps, b.rps),
    seconds: a.seconds + b.seconds,
    p50: mean(a.p50, b.p50),
    p99: mean(a.p99, b.p99),
    total: a.total + b.total,
    redirects: a.redirects + b.redirects,
    other: a.other + b.other,
    cpuUsPerReq: a.cpuUsPerReq !== null && b.cpuUsPerReq !== null ? mean(a.cpuUsPerReq, b.cpuUsPerReq) : null,
  };
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once("exit", (code) => r(code)));
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build: run `npm run build` first (the benchmark runs the production server).");
    process.exit(1);
  }
  const db = await createScratchDatabase("twoway_bench_redirect");
  const children: ChildProcess[] = [];
  let failed = false;
  try {
    await migrate(db.url);
    const prisma = createPrismaClient(db.url);
    const code = "bench-redirect";
    let linkId: string;
    try {
      const tenant = await prisma.tenant.create({ data: { slug: "bench", name: "Bench Agency" } });
      const program = await prisma.program.create({ data: { tenantId: tenant.id, name: "Bench", markets: ["US", "RU"], attributionWindowDays: 30 } });
      const partner = await prisma.partner.create({
        data: { tenantId: tenant.id, name: "Bench Partner", email: "bench@partners.test", market: "RU", status: "active", refCode: "BENCH" },
      });
      const link = await prisma.trackedLink.create({
        data: {
          tenantId: tenant.id,
          partnerId: partner.id,
          programId: program.id,
          code,
          destinationUrl: "https://shop.example/landing?lang=en#offer",
          sourceMarket: "RU",
          targetMarket: "US",
        },
      });
      linkId = link.id;
    } finally {
      await prisma.$disconnect();
    }

    const [appPort, barePort] = [await freePort(), await freePort()];
    // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app server.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const app = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/server.ts"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PORT: String(appPort),
        APP_URL: `http://localhost:${appPort}`,
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: "3",
        AUTH_SECRET: "bench-secret-not-for-production-0123456789",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    children.push(app);
    const bare = spawn(process.execPath, ["-e", BARE_SERVER], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, PORT: String(barePort) } });
    children.push(bare);
    // An unknown code: answered by the redirect handler (so the server is up) without a click.
    await waitFor(`http://127.0.0.1:${appPort}/r/ready-probe`, app);
    await waitFor(`http://127.0.0.1:${barePort}/`, bare);

    const appUrl = `http://127.0.0.1:${appPort}/r/${code}`;
    const bareUrl = `http://127.0.0.1:${barePort}/r/${code}`;
    say(`warm-up, then ~${DURATION_S}s per run, ${CONNECTIONS} connections: bare, app, bare`);
    await load(bareUrl, bare.pid, { duration: WARMUP_S });
    const appCold = await load(appUrl, app.pid, { amount: 5_000 }); // loads the link, warms the JIT
    const appWarm = await load(appUrl, app.pid, { amount: 10_000 });
    const bareBefore = await load(bareUrl, bare.pid, { duration: DURATION_S });
    const appRun = await loadFor(appUrl, app.pid, DURATION_S, appWarm.rps);
    const bareAfter = await load(bareUrl, bare.pid, { duration: DURATION_S });
    const bareRun = average(bareBefore, bareAfter);

    const t0 = Date.now();
    app.kill("SIGTERM");
    const appExit = await exited(app);
    const shutdownMs = Date.now() - t0;
    bare.kill("SIGTERM");

    const pg = createPrismaClient(db.url);
    let stored: number;
    let daily: { clicks: number; repeats: number; bots: number };
    try {
      stored = await pg.click.count({ where: { linkId } });
      const sums = await pg.clickDaily.aggregate({ where: { linkId }, _sum: { clicks: true, repeats: true, bots: true } });
      daily = { clicks: sums._sum.clicks ?? 0, repeats: sums._sum.repeats ?? 0, bots: sums._sum.bots ?? 0 };
    } finally {
      await pg.$disconnect();
    }

    const redirects = appCold.redirects + appWarm.redirects + appRun.redirects;
    const appOther = appCold.other + appWarm.other + appRun.other;
    const ratio = appRun.rps / bareRun.rps;
    const cpu = (r: Run) => (r.cpuUsPerReq === null ? "" : `   server CPU ${r.cpuUsPerReq.toFixed(0).padStart(4)} µs/req`);
    const row = (name: string, r: Run) =>
      `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(0).padStart(4)} ms   p99 ${r.p99.toFixed(0).padStart(4)} ms${cpu(r)}   (${r.total} requests in ${r.seconds.toFixed(1)} s)`;
    const cpuRatio = bareRun.cpuUsPerReq && appRun.cpuUsPerReq ? ` · by server CPU per request: ${((bareRun.cpuUsPerReq / appRun.cpuUsPerReq) * 100).toFixed(1)}%` : "";
    console.log(
      [
        "",
        row("bare node:http 302", bareRun),
        `  (bare before/after:   ${bareBefore.rps.toFixed(0)} / ${bareAfter.rps.toFixed(0)} req/s)`,
        row("/r/<code> (app)", appRun),
        `ratio                  ${(ratio * 100).toFixed(1)}% of bare (target ≥ ${TARGET_RATIO * 100}%: ${ratio >= TARGET_RATIO ? "met" : "NOT met"})${cpuRatio}`,
        `redirects answered     ${redirects} (warm-up ${appCold.redirects + appWarm.redirects} + run ${appRun.redirects}); other answers/errors: ${appOther}`,
        `clicks stored          ${stored}  (rollup: ${daily.clicks} counted + ${daily.repeats} repeats + ${daily.bots} bots = ${daily.clicks + daily.repeats + daily.bots})`,
        `server stop            exit ${appExit} after SIGTERM, ${shutdownMs} ms (includes the final click flush)`,
        "",
      ].join("\n"),
    );
    const rollupTotal = daily.clicks + daily.repeats + daily.bots;
    if (stored !== redirects || rollupTotal !== stored || appOther !== 0 || appExit !== 0) {
      failed = true;
      say(`FAILED: ${redirects} redirects, ${stored} clicks stored, ${rollupTotal} in the rollup, server exit ${appExit}`);
    } else {
      say("no lost clicks: every redirect is a stored click");
    }
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await db.drop().catch((err: Error) => say(`could not drop ${db.name}: ${err.message}`));
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
