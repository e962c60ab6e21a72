// Payout runs as jobs on the durable queue (graphile-worker on the test database), against the Stripe
// stand-in through the real SDK: a pass that died after creating a transfer is reconciled from Stripe
// without a second transfer, the run's status follows its payouts, a job that throws is retried, and
// a worker's shutdown mid-run stops within the bound and leaves the rest to the next worker.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, executeStartedRun, retryStuckPayout, startPayoutRun } from "@/lib/payouts/execute-run";
import { enqueueRunExecution, resumeExecutingRuns } from "@/lib/payouts/resume-runs";
import { enqueueJob } from "@/lib/jobs/queue";
import { workerHeartbeatAgeSeconds } from "@/lib/jobs/heartbeat";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { getStripe } from "@/lib/stripe/client";
import { sendStripeTransfer } from "@/lib/stripe/transfers";
import { prisma } from "../helpers/db";
import { startStripeStandin, type StripeStandin } from "../helpers/stripe-standin";
import { approved, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

let standin: StripeStandin;
const env = () => ({ STRIPE_SECRET_KEY: "sk_test_standin", STRIPE_API_BASE: standin.url }) as unknown as NodeJS.ProcessEnv;
const stripe = () => getStripe(env())!;

beforeAll(async () => {
  standin = await startStripeStandin({});
  // The worker's tasks use the configured client (process env), as in production.
  Object.assign(process.env, env());
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
  await standin?.close();
});

/** An executing run of `count` Stripe payouts to onboarded stand-in accounts. */
async function executingRun(name: string, count: number): Promise<{ w: World; runId: string }> {
  const w = await payoutWorld(name);
  for (let i = 0; i < count; i++) {
    const account = (await stripe().accounts.create({ type: "express", country: "US" })).id;
    await standin.state.onboard(account);
    const partner = await payee(w, { rail: "stripe", stripeAccountId: account });
    await approved(w, partner, [[BigInt(10_000 + i), "USD"]]);
  }
  const { id } = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
  await approvePayoutRun(w.ctx, id);
  await startPayoutRun(w.ctx, id);
  return { w, runId: id };
}

const scope = (w: World) => ({ db: w.ctx.db, tenantId: w.ctx.tenantId, userId: w.ctx.userId });
const transfersOf = (runId: string) => [...standin.state.transfers.values()].filter((t) => t.transfer_group === runId);
const transferPosts = () => standin.state.requests.filter((r) => r.method === "POST" && r.path === "/v1/transfers").length;

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a payout a crashed pass left processing", () => {
  it("is found at Stripe and recorded, never sent twice — even after the idempotency key expired", async () => {
    const { w, runId } = await executingRun("Crash Reconcile", 2);
    const [stuck, fresh] = await w.ctx.db.payout.findMany({ where: { runId }, orderBy: { id: "asc" } });
    // The dead pass: took the payout, Stripe created the transfer, the process died before recording it.
    await w.ctx.db.payout.update({ where: { id: stuck.id }, data: { status: "processing" } });
    const method = await w.ctx.db.payoutMethod.findFirstOrThrow({ where: { partnerId: stuck.partnerId } });
    const { transferId } = await sendStripeTransfer(stripe(), {
      amountMinor: stuck.amountMinor, currency: stuck.currency, destination: method.stripeAccountId!, idempotencyKey: stuck.idempotencyKey,
      reference: stuck.reference, payoutId: stuck.id, tenantId: w.ctx.tenantId, runId,
    });
    // Days later: Stripe forgot the idempotency key (a resend would pay again).
    await prisma.payout.update({ where: { id: stuck.id }, data: { updatedAt: new Date(Date.now() - 3 * 86_400_000) } });
    standin.state.forgetIdempotencyKeys();
    const postsBefore = transferPosts();

    const summary = await executeStartedRun(scope(w), runId, { stripe: stripe() });

    expect(summary.sent).toBe(2);
    expect(await w.ctx.db.payout.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "sent", externalId: transferId });
    expect(await w.ctx.db.payout.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "sent" });
    expect(transferPosts() - postsBefore).toBe(1); // only the fresh payout was sent
    expect(transfersOf(runId).filter((t) => t.metadata.payout_id === stuck.id)).toHaveLength(1);
  });

  it("is sent once when Stripe has no transfer for it", async () => {
    const { w, runId } = await executingRun("Crash Before Send", 1);
    const [stuck] = await w.ctx.db.payout.findMany({ where: { runId } });
    await prisma.payout.update({ where: { id: stuck.id }, data: { status: "processing", updatedAt: new Date(Date.now() - 10 * 60_000) } });
    await executeStartedRun(scope(w), runId, { stripe: stripe() });
    await executeStartedRun(scope(w), runId, { stripe: stripe() });
    expect(transfersOf(runId)).toHaveLength(1);
    expect(await w.ctx.db.payout.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "sent" });
  });

  it("staff's retry looks the transfer up first, and refuses payouts that are not stuck", async () => {
    const { w, runId } = await executingRun("Staff Retry", 1);
    const [stuck] = await w.ctx.db.payout.findMany({ where: { runId } });
    await expect(retryStuckPayout(w.ctx, stuck.id, { stripe: stripe() })).rejects.toMatchObject({ code: "payouts.not_retryable" });
    await w.ctx.db.payout.update({ where: { id: stuck.id }, data: { status: "processing" } });
    const method = await w.ctx.db.payoutMethod.findFirstOrThrow({ where: { partnerId: stuck.partnerId } });
    const { transferId } = await sendStripeTransfer(stripe(), {
      amountMinor: stuck.amountMinor, currency: stuck.currency, destination: method.stripeAccountId!, idempotencyKey: stuck.idempotencyKey,
      reference: stuck.reference, payoutId: stuck.id, tenantId: w.ctx.tenantId, runId,
    });
    const postsBefore = transferPosts();
    expect(await retryStuckPayout(w.ctx, stuck.id, { stripe: stripe() })).toBe("sent");
    expect(transferPosts()).toBe(postsBefore);
    expect(await w.ctx.db.payout.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "sent", externalId: transferId });
  });
});

describe("payout runs on the job queue", () => {
  let worker: JobWorker | undefined;
  afterAll(async () => {
    await worker?.stop();
  });

  it("a run a crash left executing is found by the resume job and finished; its status follows its payouts", async () => {
    const { w, runId } = await executingRun("Resume Sweep", 3);
    // Nothing enqueued (the web process died right after "Execute"): the sweep finds the run.
    expect(await resumeExecutingRuns()).toBeGreaterThanOrEqual(1);
    worker = await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 200 });
    const run = await waitFor(() => w.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: runId } }), (r) => r.processed === 3);
    expect(run.processed).toBe(3);
    expect(transfersOf(runId)).toHaveLength(3);
    const payouts = await w.ctx.db.payout.findMany({ where: { runId } });
    expect(payouts.every((p) => p.status === "sent")).toBe(true);
    // Sent is not settled: the run stays executing until Stripe's webhooks mark them paid.
    expect(run.status).toBe("executing");
    await prisma.payout.updateMany({ where: { runId }, data: { status: "paid", paidAt: new Date() } });
    await enqueueRunExecution(w.ctx.tenantId, runId, null);
    const done = await waitFor(() => w.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: runId } }), (r) => r.status === "completed");
    expect(done.status).toBe("completed");
    expect(transfersOf(runId)).toHaveLength(3);
  });

  it("a job that throws keeps its error and is retried after a backoff", async () => {
    worker ??= await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 200 });
    // A payload the task rejects: it fails, stays in the queue with its error and a later run_at.
    await enqueueJob("payouts:execute-run", { tenantId: undefined as unknown as string, runId: "x", userId: null }, { jobKey: "bad-payload", maxAttempts: 2 });
    const failed = await waitFor(
      () => prisma.$queryRaw<{ attempts: number; last_error: string | null; run_at: Date }[]>`SELECT attempts, last_error, run_at FROM graphile_worker.jobs WHERE key = 'bad-payload'`,
      // graphile-worker counts the attempt when it takes the job: wait for the failure itself.
      (rows) => rows[0]?.attempts === 1 && rows[0].last_error !== null,
    );
    expect(failed[0]).toMatchObject({ attempts: 1 });
    expect(failed[0].last_error).toContain("tenantId");
    expect(failed[0].run_at.getTime()).toBeGreaterThan(Date.now()); // backoff before the next attempt
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = 'bad-payload'`;

  });

  it("the worker's heartbeat is fresh while it runs", async () => {
    worker ??= await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 200 });
    const age = await waitFor(() => workerHeartbeatAgeSeconds(), (a) => a !== null, 65_000);
    expect(age).not.toBeNull();
    expect(age!).toBeLessThan(120);
  }, 70_000);

  it("shutdown mid-run stops within 25 s; the next worker finishes the run, each payout paid once", async () => {
    await worker?.stop();
    worker = undefined;
    const { w, runId } = await executingRun("Shutdown Mid-Run", 40);
    const first = await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 100 });
    await enqueueRunExecution(w.ctx.tenantId, runId, null);
    await waitFor(async () => transfersOf(runId).length, (n) => n >= 5);
    const started = Date.now();
    await first.stop();
    const stopMs = Date.now() - started;
    console.log(`worker stop mid-run: ${stopMs} ms, ${transfersOf(runId).length} of 40 transfers before`);
    expect(stopMs).toBeLessThan(25_000);
    const after = await w.ctx.db.payout.groupBy({ by: ["status"], where: { runId }, _count: true });
    expect(after.find((g) => g.status === "processing")).toBeUndefined(); // the transfer in flight was recorded

    const second = await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 100 });
    try {
      // The interrupted job is retried after its backoff; the resume sweep would also find the run.
      await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`payout-run:${runId}`}`;
      const run = await waitFor(() => w.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: runId } }), (r) => r.processed === 40, 30_000);
      expect(run.processed).toBe(40);
    } finally {
      await second.stop();
    }
    const transfers = transfersOf(runId);
    expect(transfers).toHaveLength(40);
    expect(new Set(transfers.map((t) => t.metadata.payout_id)).size).toBe(40);
    expect(await w.ctx.db.payout.count({ where: { runId, status: "sent" } })).toBe(40);
  }, 60_000);
});
