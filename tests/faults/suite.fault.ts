// The multi-instance fault suite (`npm run test:faults`, issue 14 part 8). On localhost, against the
// production build and the server PostgreSQL: two web instances (`npm start` = scripts/start.ts with
// DATABASE_URL, JOBS_IN_WEB=0) and one job worker (scripts/worker.ts), all reaching PostgreSQL through
// a TCP proxy the suite can break (tests/faults/pg-proxy.ts), Stripe = the stand-in behind a latency
// proxy. Each scenario asserts and records its numbers; the table goes to test-results/faults.md.
// Load is bounded (≤ 150 redirects/s); timing asserts are only the issue's own bounds, with slack
// for a loaded 2-core machine — everything else is measured and reported.
import { existsSync } from "node:fs";
import os from "node:os";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { SIGN_IN_FAILURES_PER_ACCOUNT } from "@/lib/auth/rate-limit";
import { startPayoutRun } from "@/lib/payouts/execute-run";
import { enqueueRunExecution } from "@/lib/payouts/resume-runs";
import { prisma } from "../helpers/db";
import { startStripeStandin, type StripeStandin } from "../helpers/stripe-standin";
import { startLoad, summarize, visit, type Shot } from "./load";
import { startPgProxy, type PgProxy } from "./pg-proxy";
import { childPids, freePort, groupTree, killAll, launch, sleep, waitFor, waitForHttp, type Proc } from "./processes";
import { scenario, secs, writeReport } from "./report";
import { PASSWORD, seedFaultWorld, stripeAccounts, type FaultWorld } from "./seed";
import { startStripeLatency, type StripeLatency } from "./stripe-latency";

vi.mock("server-only", () => ({}));

const AUTH_SECRET = "fault-suite-auth-secret-0123456789abcdef0123";
const WEBHOOK_SECRET = "whsec_fault_suite_standin";
/** Stripe payouts in the run the worker is killed in the middle of. */
const PAYOUTS = 80;
/** The worker dies while the answer to this transfer is on its way back (Stripe has made it). */
const KILL_AT_TRANSFER = 30;
/** How long the stand-in takes to answer a transfer (through the latency proxy). */
const TRANSFER_LATENCY_MS = 60;
/** The redirect's lookup timeout (lib/tracking/link-cache.ts) and the readiness checks' timeout (lib/ops/readiness.ts). */
const LOOKUP_TIMEOUT_MS = 2_000;
/** Longer than the link cache's 30 s TTL plus the lookup timeout: every cached entry expires inside it. */
const PARTITION_MS = 36_000;
/** Scheduling slack on a loaded 2-core machine on top of a configured timeout. */
const SLACK_MS = 3_000;
/** Web instances' connect timeout (DATABASE_CONNECT_TIMEOUT_MS): a connect into the partition gives up after this. */
const CONNECT_TIMEOUT_MS = 1_500;

type Web = { name: "A" | "B" | "C"; port: number; url: string; proc: Proc };

const suiteStart = Date.now();
const directUrl = process.env.DATABASE_URL!;
let db: pg.Pool;
let proxy: PgProxy;
let standin: StripeStandin;
let latency: StripeLatency;
let world: FaultWorld;
let A: Web;
let B: Web;
let C: Web;
let worker: Proc;
let browser: Browser | undefined;
let staleSince = 0;

/** The environment of every app process: production, the proxy's database URL, short timeouts. */
function appEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|__VITEST|TEST_|NODE_ENV$|DATABASE_|REDIS_URL$|JOBS_)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: proxy.urlFor(directUrl),
    DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    DATABASE_STATEMENT_TIMEOUT_MS: "10000",
    AUTH_SECRET,
    STRIPE_SECRET_KEY: "sk_test_fault_suite",
    STRIPE_API_BASE: latency.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    LOG_LEVEL: "warn",
  };
}

function startWeb(name: Web["name"], port: number): Web {
  const proc = launch(`web-${name}`, ["--import", "tsx", "scripts/start.ts"], {
    ...appEnv(), PORT: String(port), APP_URL: `http://localhost:${port}`, JOBS_IN_WEB: "0",
  });
  return { name, port, url: `http://127.0.0.1:${port}`, proc };
}

async function startWorker(): Promise<Proc> {
  const proc = launch("worker", ["--import", "tsx", "scripts/worker.ts"], { ...appEnv(), JOBS_CONCURRENCY: "2" });
  const up = await waitFor(async () => proc.output(), (out) => out.includes("taking jobs") || !proc.alive(), 60_000, 100);
  if (!up.ok || !proc.alive()) throw new Error(`worker did not start:\n${proc.tail()}`);
  return proc;
}

async function readyz(web: Web): Promise<{ status: number; ms: number; body: { checks?: Record<string, { ok: boolean }> } }> {
  const started = performance.now();
  try {
    const res = await fetch(`${web.url}/readyz`, { signal: AbortSignal.timeout(20_000) });
    return { status: res.status, ms: performance.now() - started, body: await res.json() };
  } catch {
    return { status: 0, ms: performance.now() - started, body: {} };
  }
}

async function clicksStored(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Click" WHERE id = ANY($1::text[])`, [ids]);
  return rows[0].n;
}

/** Waits until every id is stored; returns how many are and when the last one arrived. */
async function waitForClicks(ids: string[], timeoutMs = 60_000) {
  return waitFor(() => clicksStored(ids), (n) => n === ids.length, timeoutMs, 250);
}

const ms = (n: number) => `${Math.round(n)} ms`;
const statuses = (byStatus: Record<string, number>) => Object.entries(byStatus).map(([s, n]) => `${s === "0" ? "no answer" : s}: ${n}`).join(", ");

beforeAll(async () => {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first (the suite runs the production server).");
  const row = scenario("0. start: 2 web instances + worker");
  const started = Date.now();
  db = new pg.Pool({ connectionString: directUrl, max: 3 });
  const target = new URL(directUrl);
  proxy = await startPgProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const [portA, portB] = [await freePort(), await freePort()];
  const accounts = stripeAccounts(PAYOUTS);
  standin = await startStripeStandin({ webhookUrl: `http://127.0.0.1:${portA}/api/webhooks/stripe`, webhookSecret: WEBHOOK_SECRET, seedAccounts: accounts });
  latency = await startStripeLatency(standin.url, TRANSFER_LATENCY_MS);
  world = await seedFaultWorld(accounts);
  A = startWeb("A", portA);
  B = startWeb("B", portB);
  worker = await startWorker();
  await Promise.all([waitForHttp(`${A.url}/healthz`, A.proc, 180_000), waitForHttp(`${B.url}/healthz`, B.proc, 180_000)]);
  // Looked up once now and not again until scenario 4 refuses the database: their entries are expired then.
  for (const link of world.staleLinks) for (const web of [A, B]) expect((await visit(`${web.url}/r/${link.code}`, 10_000, "HEAD")).status).toBe(302);
  staleSince = Date.now();
  row.recovery = `${secs(Date.now() - started)} to healthy`;
  row.note(`${PAYOUTS} Stripe payees seeded; ${CONNECT_TIMEOUT_MS} ms connect timeout on the app pools; Stripe answers a transfer after ${TRANSFER_LATENCY_MS} ms`);
  row.pass();
}, 300_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  killAll();
  await Promise.allSettled([proxy?.close(), latency?.close(), standin?.close(), db?.end(), prisma.$disconnect()]);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  const text = writeReport([
    `Run ${new Date().toISOString()}, commit ${commit}, Node ${process.version}, ${os.cpus().length} CPUs, load average ${load} (1/5/15 min), total ${secs(Date.now() - suiteStart)}.`,
    "Two production web instances (`npm start`, JOBS_IN_WEB=0) and one worker (`npm run worker`) on one PostgreSQL through a breakable TCP proxy; Stripe = the stand-in. Logs: test-results/faults/*.log.",
  ]);
  console.log(`\n${text}`);
}, 60_000);

it("1. a link disabled through instance A stops redirecting on instance B within 2 s", async () => {
  const row = scenario("1. link disabled on A → off on B");
  const code = world.disable.code;
  // Both instances have the link cached (HEAD: a preview, no click stored).
  for (const web of [A, B]) expect((await visit(`${web.url}/r/${code}`, 10_000, "HEAD")).status).toBe(302);

  // Each browser step is bounded and named, so a hang says where it was.
  const trace: string[] = [];
  const step = async <T>(label: string, work: () => Promise<T>, timeoutMs = 60_000): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`browser step "${label}" took over ${timeoutMs} ms; the page's POSTs:\n${trace.join("\n")}`)), timeoutMs);
    });
    try {
      return await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  const launchBrowser = () =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
      timeout: 45_000,
    });
  // A launch on a busy machine occasionally stalls: one more try.
  browser = await step("launch Chromium", () => launchBrowser().catch(() => launchBrowser()), 100_000);
  // localhost, as APP_URL says: Auth.js keeps its cookies on that host.
  const page = await step("new page", () => browser!.newPage({ baseURL: `http://localhost:${A.port}` }));
  page.setDefaultTimeout(45_000);
  const t0 = Date.now();
  page.on("request", (r) => {
    if (r.method() === "POST") trace.push(`${Date.now() - t0} ms: POST ${new URL(r.url()).pathname} (server action: ${!!r.headers()["next-action"]})`);
  });
  page.on("requestfinished", (r) => {
    if (r.method() === "POST") void r.response().then((res) => trace.push(`${Date.now() - t0} ms: answered ${res?.status()} ${new URL(r.url()).pathname}`));
  });
  page.on("requestfailed", (r) => {
    if (r.method() === "POST") trace.push(`${Date.now() - t0} ms: failed POST ${new URL(r.url()).pathname}: ${r.failure()?.errorText}`);
  });
  page.on("pageerror", (err) => trace.push(`${Date.now() - t0} ms: page error ${err.message}`));
  // A click before React hydrated the form posts it without JavaScript (the server answers 400
  // "needs JavaScript"): wait until the button carries React's props.
  const hydrated = (text: string | null) =>
    page.waitForFunction((label) => {
      const buttons = [...document.querySelectorAll("form button")].filter((b) => label === null || b.textContent?.trim() === label);
      return buttons.length > 0 && buttons.every((b) => Object.keys(b).some((k) => k.startsWith("__reactProps")));
    }, text);
  await step("sign in on A", async () => {
    await page.goto("/en/sign-in", { waitUntil: "networkidle" });
    await hydrated(null);
    await page.locator("form").first().locator('input[name="email"]').fill(world.ownerEmail);
    await page.fill('input[name="password"]', PASSWORD);
    await page.locator("form").first().getByRole("button").click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  });
  const button = page.getByRole("button", { name: "Disable", exact: true });
  await step("open the links page on A", async () => {
    await page.goto(`/en/t/${world.slug}/links?partner=${world.disable.partnerId}`, { waitUntil: "networkidle" });
    await button.waitFor();
    await hydrated("Disable");
  });

  // B is asked every ~5 ms from before the click until it stops redirecting.
  let offAt: number | undefined;
  let polls = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const shot = await visit(`${B.url}/r/${code}`, 10_000, "HEAD");
      polls += 1;
      if (shot.status === 404) {
        offAt = Date.now();
        return;
      }
      await sleep(5);
    }
  })();
  const clickedAt = Date.now();
  // The action's own request may end as "aborted" in the browser (the page re-renders under it):
  // it counts as answered when it finished or failed; the database says whether it worked.
  const action = await step("click Disable on A", async () => {
    const [request] = await Promise.all([page.waitForRequest((r) => r.method() === "POST"), button.click()]);
    await new Promise<void>((resolve) => {
      const done = (r: unknown) => r === request && resolve();
      page.on("requestfinished", done);
      page.on("requestfailed", done);
    });
    return { viaAction: !!request.headers()["next-action"] };
  });
  const answeredAt = Date.now();
  const onA = (await visit(`${A.url}/r/${code}`, 10_000, "HEAD")).status;
  expect(action, "the Disable button did not run the server action").toEqual({ viaAction: true });
  await Promise.race([poller, sleep(10_000)]);
  polling = false;
  await poller;
  await browser.close();
  browser = undefined;

  const { rows } = await db.query<{ disabledAt: Date | null }>(`SELECT "disabledAt" FROM "TrackedLink" WHERE id = $1`, [world.disable.id]);
  expect(rows[0].disabledAt).not.toBeNull();
  expect(onA).toBe(404);
  // disabledAt is taken by A just before its UPDATE commits (same machine, same clock).
  const changedAt = rows[0].disabledAt!.getTime();
  row.answered = `B asked ${polls}×`;
  row.recovery = offAt
    ? `B off ${ms(offAt - changedAt)} after the change on A (A's action answered ${ms(answeredAt - clickedAt)} after the click, B off ${ms(offAt - clickedAt)} after it)`
    : "B still redirecting after 10 s";
  expect(offAt, "instance B kept redirecting the disabled link").toBeDefined();
  expect(offAt! - changedAt).toBeLessThanOrEqual(2_000);
  expect(offAt! - answeredAt).toBeLessThanOrEqual(2_000);
  // A click now gets the friendly page and stores nothing.
  const get = await visit(`${B.url}/r/${code}`, 10_000);
  expect(get.status).toBe(404);
  row.note(`disabled with the links page's Disable button on A (Chromium); A answers 404 right after the action; B's GET answers ${get.status}`);
  row.pass();
});

type SignIn = "signed-in" | "invalid_credentials" | "rate_limited" | string;

/** A credentials sign-in through Auth.js's own callback on one instance: what it answered. */
async function signIn(web: Web, email: string, password: string): Promise<SignIn> {
  const csrf = await fetch(`${web.url}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${web.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/en" }),
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  const location = new URL(res.headers.get("location") ?? "/", web.url);
  const error = location.searchParams.get("error");
  if (!error && res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))) return "signed-in";
  return location.searchParams.get("code") ?? error ?? `status ${res.status}`;
}

it("2. the sign-in lock-out holds across both instances", async () => {
  const row = scenario("2. sign-in lock-out across A and B");
  const limit = SIGN_IN_FAILURES_PER_ACCOUNT;
  const failures: SignIn[] = [];
  // The account's failures alternate between the instances: neither sees more than half of them.
  for (let i = 0; i < limit; i++) failures.push(await signIn(i % 2 === 0 ? A : B, world.lockEmail, "wrong-password"));
  const rightOnA = await signIn(A, world.lockEmail, PASSWORD);
  const rightOnB = await signIn(B, world.lockEmail, PASSWORD);
  const control = await signIn(B, world.controlEmail, PASSWORD);
  row.answered = `${limit + 3} sign-ins (${Math.ceil(limit / 2)} failures on A, ${Math.floor(limit / 2)} on B)`;
  row.note(`limit ${limit} failures per account (lib/auth/rate-limit.ts, PostgreSQL store); after them the right password answers "${rightOnA}" on A and "${rightOnB}" on B; another account from the same address: "${control}"`);
  expect(failures).toEqual(Array(limit).fill("invalid_credentials"));
  expect(rightOnA).toBe("rate_limited");
  expect(rightOnB).toBe("rate_limited");
  expect(control).toBe("signed-in");
  row.pass();
});

async function payoutStatuses(runId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM "Payout" WHERE "runId" = $1 GROUP BY 1`, [runId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function runRow(runId: string) {
  const { rows } = await db.query<{ status: string; processed: number }>(`SELECT status::text, processed FROM "PayoutRun" WHERE id = $1`, [runId]);
  return rows[0];
}

it("3. SIGKILL of the worker mid payout run, then a restart: every payout paid exactly once, the run completed", async () => {
  const row = scenario(`3. worker SIGKILLed mid run (${PAYOUTS} Stripe payouts), restarted`);
  const { world: pw, runId, count } = world.payouts;
  const held = latency.holdTransfer(KILL_AT_TRANSFER);
  // What "Execute" does (lib/payouts/actions.ts): the run becomes executing, one job is enqueued.
  await startPayoutRun(pw.ctx, runId);
  await enqueueRunExecution(pw.ctx.tenantId, runId, pw.ctx.userId);
  const reached = await Promise.race([held.then(() => true), sleep(120_000).then(() => false)]);
  expect(reached, "the worker never reached the transfer it was to be killed at").toBe(true);
  process.kill(-worker.pid, "SIGKILL");
  await worker.exited;
  const killedAt = Date.now();
  const atKill = await payoutStatuses(runId);
  row.note(`killed while Stripe's answer to transfer ${KILL_AT_TRANSFER} was on its way; payouts then: ${JSON.stringify(atKill)}`);

  worker = await startWorker();
  const restartedAt = Date.now();
  const done = await waitFor(() => runRow(runId), (r) => r?.status === "completed", 200_000, 500);
  const final = await payoutStatuses(runId);
  const transfers = [...standin.state.transfers.values()].filter((t) => t.transfer_group === runId);
  const perPayout = new Map<string, number>();
  for (const t of transfers) perPayout.set(t.metadata.payout_id, (perPayout.get(t.metadata.payout_id) ?? 0) + 1);
  const twice = [...perPayout.values()].filter((n) => n > 1).length;
  const posts = standin.state.requests.filter((r) => r.method === "POST" && r.path === "/v1/transfers").length;
  const failedHooks = standin.state.deliveries.filter((d) => d.status !== 200).length;

  row.paid = `${final.paid ?? 0} of ${count}; ${transfers.length} transfers at Stripe, ${twice} payouts with more than one`;
  row.recovery = done.ok ? `run completed ${secs(done.at - killedAt)} after the kill (worker up in ${secs(restartedAt - killedAt)})` : `run still ${done.value?.status} after ${secs(Date.now() - killedAt)}`;
  row.note(`${posts} transfer requests for ${count} payouts (a resend with the same idempotency key is not a payment); ${failedHooks} webhook deliveries not answered 200; the restart waits for the every-minute resume job (the killed job stays locked)`);
  expect(done.value?.status).toBe("completed");
  expect(done.value?.processed).toBe(count);
  expect(final).toEqual({ paid: count });
  expect(transfers).toHaveLength(count);
  expect(perPayout.size).toBe(count);
  expect(twice).toBe(0);
  row.pass();
});

it("4. database refused for 10 s under redirect load: every answered redirect is stored after recovery", async () => {
  const row = scenario("4. database refused 10 s under load");
  const targets = world.links.flatMap((l) => [A, B].map((w) => `${w.url}/r/${l.code}`));
  for (const t of targets) expect((await visit(t, 10_000, "HEAD")).status).toBe(302);
  const load = startLoad({ targets, ratePerSecond: 120, maxInFlight: 60, timeoutMs: 20_000 });
  await sleep(3_000);
  // Links whose cache entries expired long ago (looked up once at start): the first request after the
  // refusal fails its lookup at once and must be answered from the last known link.
  await sleep(Math.max(0, staleSince + 31_000 - Date.now()));
  const staleAge = Date.now() - staleSince;
  await proxy.refuse();
  const refusedAt = Date.now();
  const staleTargets = world.staleLinks.flatMap((l) => [A, B].map((w) => `${w.url}/r/${l.code}`));
  const staleLoad = startLoad({ targets: staleTargets, ratePerSecond: 30, maxInFlight: 20, timeoutMs: 20_000 });
  await sleep(2_000);
  const during = await Promise.all([readyz(A), readyz(B)]);
  await sleep(Math.max(0, refusedAt + 10_000 - Date.now()));
  await proxy.restore();
  const restoredAt = Date.now();
  await sleep(4_000);
  const staleShots = await staleLoad.stop();
  const shots = [...(await load.stop()), ...staleShots];
  const s = summarize(shots);
  const stale = summarize(staleShots.filter((x) => x.at < restoredAt));
  const stored = await waitForClicks(s.clickIds);
  const ready = await waitFor(() => Promise.all([readyz(A), readyz(B)]), (r) => r.every((x) => x.status === 200), 90_000, 500);

  row.answered = `${s.byStatus["302"] ?? 0} of ${s.total} answered 302 (${statuses(s.byStatus)}); max ${ms(s.max)}, p99 ${ms(s.p99)}`;
  row.stored = `${stored.value} of ${s.clickIds.length}`;
  row.recovery = `all clicks stored ${secs(stored.at - restoredAt)} after the database came back; /readyz 200 on both after ${secs(ready.at - restoredAt)}`;
  row.note(`/readyz during the outage: A ${during[0].status} in ${ms(during[0].ms)}, B ${during[1].status} in ${ms(during[1].ms)}; ${load.skipped()} requests not sent (in-flight cap)`);
  row.note(`4 links last looked up ${secs(staleAge)} before the refusal (cache entries expired): ${stale.byStatus["302"] ?? 0} of ${stale.total} requests during the outage answered 302 from the last known link, max ${ms(stale.max)}`);
  expect(s.total).toBeGreaterThan(1_000);
  expect(stale.total).toBeGreaterThan(50);
  expect(s.byStatus["302"]).toBe(s.total);
  expect(stored.value).toBe(s.clickIds.length);
  expect(during.map((r) => r.status)).toEqual([503, 503]);
  expect(ready.ok).toBe(true);
  expect(worker.alive(), `the worker died in the outage:\n${worker.tail()}`).toBe(true);
  row.pass();
});

it("5. a network partition longer than the link cache's TTL: redirects keep answering within the timeout, nothing hangs, all recover", async () => {
  const row = scenario(`5. partition (blackhole) ${PARTITION_MS / 1000} s under load`);
  const targets = world.links.flatMap((l) => [A, B].map((w) => `${w.url}/r/${l.code}`));
  for (const t of targets) expect((await visit(t, 10_000, "HEAD")).status).toBe(302);
  const load = startLoad({ targets, ratePerSecond: 100, maxInFlight: 80, timeoutMs: 30_000 });
  await sleep(1_000);
  proxy.blackhole();
  const partitionedAt = Date.now();
  await sleep(1_000);
  const [unknownA, unknownB, readyA, readyB] = await Promise.all([
    visit(`${A.url}/r/fltneverseen${Date.now()}`, 30_000),
    visit(`${B.url}/r/fltneverseen${Date.now()}`, 30_000),
    readyz(A),
    readyz(B),
  ]);
  const health = await Promise.all([A, B].map((w) => visit(`${w.url}/healthz`, 10_000, "HEAD")));
  await sleep(Math.max(0, partitionedAt + PARTITION_MS - Date.now()));
  proxy.restore();
  const healedAt = Date.now();
  await sleep(3_000);
  const shots: Shot[] = await load.stop();
  const s = summarize(shots);
  const inPartition = summarize(shots.filter((x) => x.at >= partitionedAt && x.at < healedAt));
  // A lookup into the partition gives up after the connect timeout (no pooled connection left) or the lookup timeout.
  const waited = shots.filter((x) => x.at >= partitionedAt && x.at < healedAt && x.ms >= Math.min(CONNECT_TIMEOUT_MS, LOOKUP_TIMEOUT_MS) - 300).length;
  const stored = await waitForClicks(s.clickIds);
  const ready = await waitFor(() => Promise.all([readyz(A), readyz(B)]), (r) => r.every((x) => x.status === 200), 90_000, 500);
  // A link neither instance has seen, created after the partition healed: both look it up and redirect.
  const model = await prisma.trackedLink.findUniqueOrThrow({ where: { id: world.links[0].id }, select: { tenantId: true, partnerId: true, programId: true } });
  const fresh = await prisma.trackedLink.create({
    data: { ...model, code: `fltafter${Date.now()}`, destinationUrl: "https://example.com/after", sourceMarket: "RU", targetMarket: "US" },
  });
  const afterHeal = await Promise.all([A, B].map((w) => visit(`${w.url}/r/${fresh.code}`, 10_000, "HEAD")));

  const bound = LOOKUP_TIMEOUT_MS + SLACK_MS;
  row.answered = `${s.byStatus["302"] ?? 0} of ${s.total} answered 302 (${statuses(s.byStatus)}); in the partition ${inPartition.total}, max ${ms(inPartition.max)}, p99 ${ms(inPartition.p99)}, p50 ${ms(inPartition.p50)}`;
  row.stored = `${stored.value} of ${s.clickIds.length}`;
  row.recovery = `all clicks stored ${secs(stored.at - healedAt)} after healing; /readyz 200 on both after ${secs(ready.at - healedAt)}`;
  row.note(`the cache entries (30 s TTL) expired inside the partition: ${waited} redirects waited for a lookup into the partition (given up after the ${CONNECT_TIMEOUT_MS} ms connect or the ${LOOKUP_TIMEOUT_MS} ms lookup timeout) and were answered from the last known link, the rest at once`);
  row.note(`a code never seen: A ${unknownA.status} in ${ms(unknownA.ms)}, B ${unknownB.status} in ${ms(unknownB.ms)}; /readyz A ${readyA.status} in ${ms(readyA.ms)}, B ${readyB.status} in ${ms(readyB.ms)}; /healthz ${health.map((h) => h.status).join("/")}; a link created after healing: ${afterHeal.map((h) => h.status).join("/")}`);
  expect(s.byStatus["302"]).toBe(s.total);
  expect(s.max).toBeLessThan(bound);
  expect(waited, "no redirect went through the expired-entry path").toBeGreaterThan(0);
  expect(stored.value).toBe(s.clickIds.length);
  for (const u of [unknownA, unknownB]) {
    expect(u.status).toBe(503);
    expect(u.ms).toBeLessThan(bound);
  }
  for (const r of [readyA, readyB]) {
    expect(r.status).toBe(503);
    expect(r.ms).toBeLessThan(bound);
  }
  expect(health.map((h) => h.status)).toEqual([200, 200]);
  expect(ready.ok).toBe(true);
  expect(afterHeal.map((h) => h.status)).toEqual([302, 302]);
  expect(worker.alive(), `the worker died in the partition:\n${worker.tail()}`).toBe(true);
  row.pass();
});

it("6. SIGTERM of a web instance under load loses no click", async () => {
  const row = scenario("6. SIGTERM of A under load");
  // A third instance boots meanwhile, for scenario 8 (A and B are both stopped by then).
  C = startWeb("C", await freePort());
  const targets = world.links.map((l) => `${A.url}/r/${l.code}`);
  const load = startLoad({ targets, ratePerSecond: 150, maxInFlight: 60, timeoutMs: 20_000 });
  await sleep(3_000);
  A.proc.signal("SIGTERM"); // npm start forwards it to its server, which drains and flushes
  const termAt = Date.now();
  const exitA = await Promise.race([A.proc.exited, sleep(60_000).then(() => null)]);
  const shots = await load.stop();
  const s = summarize(shots);
  const stored = await waitForClicks(s.clickIds, 10_000);
  row.answered = `${s.byStatus["302"] ?? 0} answered 302 of ${s.total} sent (${statuses(s.byStatus)})`;
  row.stored = `${stored.value} of ${s.clickIds.length}`;
  row.recovery = exitA ? `A exited ${exitA.signal ?? exitA.code} ${secs(exitA.at - termAt)} after SIGTERM` : "A did not exit within 60 s";
  row.note("requests after the listener closed are refused (no answer, no click promised)");
  expect(exitA?.code).toBe(0);
  expect(stored.value).toBe(s.clickIds.length);
  expect(s.byStatus["302"] ?? 0).toBeGreaterThan(200);
  row.pass();
});

it("7. SIGTERM during a partition: the web instance and the worker exit within a bounded time, unsaved clicks counted", async () => {
  const row = scenario("7. SIGTERM of B and the worker during a partition");
  const targets = world.links.map((l) => `${B.url}/r/${l.code}`);
  for (const t of targets) expect((await visit(t, 10_000, "HEAD")).status).toBe(302);
  const load = startLoad({ targets, ratePerSecond: 100, maxInFlight: 60, timeoutMs: 20_000 });
  await sleep(1_000);
  proxy.blackhole();
  await sleep(2_000);
  B.proc.signal("SIGTERM");
  worker.signal("SIGTERM");
  const termAt = Date.now();
  await sleep(1_000);
  const shots = await load.stop();
  const [exitB, exitWorker] = await Promise.all([B.proc.exited, worker.exited].map((exited) => Promise.race([exited, sleep(60_000).then(() => null)])));
  await proxy.restore();
  const s = summarize(shots);
  // What B stored before the partition is there; what it buffered since could not be stored.
  const stored = await waitFor(() => clicksStored(s.clickIds), () => false, 3_000, 500);
  const lost = s.clickIds.length - stored.value;
  const logged = [...B.proc.output().matchAll(/closing with (\d+) clicks unsaved/g)].map((m) => Number(m[1]));
  const exited = (e: typeof exitB) => (e ? `exited ${e.signal ?? e.code} ${secs(e.at - termAt)} after SIGTERM` : "did not exit within 60 s");
  row.answered = `${s.byStatus["302"] ?? 0} answered 302 of ${s.total} sent (${statuses(s.byStatus)})`;
  row.stored = `${stored.value} of ${s.clickIds.length}`;
  row.recovery = `B ${exited(exitB)}; worker ${exited(exitWorker)}`;
  row.note(`${lost} answered clicks were still in B's buffer when it gave up (the database was unreachable for the whole shutdown); B's log: ${logged.length ? `"closing with ${logged.join(", ")} clicks unsaved"` : "no count of unsaved clicks"}`);
  expect(exitB, "B did not exit within 60 s of SIGTERM in a partition").not.toBeNull();
  expect(exitB!.at - termAt).toBeLessThan(30_000);
  expect(logged).toEqual([lost]);
  expect(exitWorker, "the worker did not exit within 60 s of SIGTERM in a partition").not.toBeNull();
  expect(exitWorker!.at - termAt).toBeLessThan(30_000);
  row.pass();
});

it("8. npm start exits non-zero when its server is SIGKILLed", async () => {
  const row = scenario("8. SIGKILL of C's server (npm start's child)");
  await waitForHttp(`${C.url}/healthz`, C.proc, 180_000);
  const [server] = childPids(C.proc.pid, "scripts/server.ts");
  expect(server, "npm start of C has no server child").toBeGreaterThan(0);
  const treeBefore = groupTree(C.proc.pid);
  process.kill(server, "SIGKILL");
  const killedAt = Date.now();
  const exit = await Promise.race([C.proc.exited, sleep(30_000).then(() => null)]);
  if (!exit) row.note(`C's processes before the kill:\n${treeBefore}\nafter:\n${groupTree(C.proc.pid)}`);
  row.recovery = exit ? `npm start exited ${exit.code ?? exit.signal} ${ms(exit.at - killedAt)} after its server died` : "npm start still running after 30 s";
  row.note("lib/ops/child-exit.test.ts covers the exit-code mapping; this is the real `npm start` process");
  expect(exit?.code).toBe(137);
  row.pass();
});
