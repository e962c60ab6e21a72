// The partner-mail sweep runs as the job mail:partner-digest wherever a job worker runs: every
// minute from the crontab, and — with a delay under a minute (e2e: 2 s) — enqueued by the worker
// itself every delay/2, under one job key, so a change is mailed within seconds and many enqueues
// make one waiting job. Against the test database with a real graphile-worker.
import { randomBytes } from "node:crypto";
import { parseCrontab } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PARTNER_MAIL_TASK, partnerMailJobSpec, partnerMailNudgeIntervalMs } from "@/lib/jobs/partner-mail";
import { crontab } from "@/lib/jobs/tasks";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

vi.mock("server-only", () => ({}));

let worker: JobWorker | undefined;
afterAll(async () => {
  await worker?.stop();
  delete process.env.PARTNER_MAIL_DELAY_SECONDS;
});

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pendingSweeps = () =>
  prisma.$queryRaw<{ id: string; locked_at: Date | null }[]>`SELECT id::text, locked_at FROM graphile_worker.jobs WHERE task_identifier = ${PARTNER_MAIL_TASK} AND locked_at IS NULL`;

describe("the schedule", () => {
  it("runs the sweep every minute under one job key, and lets workers enqueue it only for a delay under a minute", () => {
    const line = parseCrontab(crontab).find((c) => c.task === PARTNER_MAIL_TASK);
    expect(line).toBeDefined();
    expect(line!.match).toBeTypeOf("function");
    expect(line!.options).toMatchObject({ jobKey: PARTNER_MAIL_TASK, jobKeyMode: "preserve_run_at", queueName: PARTNER_MAIL_TASK });
    expect(partnerMailNudgeIntervalMs(300)).toBeNull(); // the default: the crontab's minute is enough
    expect(partnerMailNudgeIntervalMs(60)).toBeNull();
    expect(partnerMailNudgeIntervalMs(2)).toBe(1_000); // e2e
    expect(partnerMailNudgeIntervalMs(0)).toBe(1_000);
    expect(partnerMailNudgeIntervalMs(30)).toBe(15_000);
  });

  it("many enqueues while none runs leave one waiting job (the job key)", async () => {
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${partnerMailJobSpec.jobKey} AND locked_at IS NULL`;
    for (let i = 0; i < 5; i++) {
      await prisma.$queryRaw`SELECT (graphile_worker.add_job(${PARTNER_MAIL_TASK}::text, '{}'::json, queue_name := ${partnerMailJobSpec.queueName}::text, job_key := ${partnerMailJobSpec.jobKey}::text, job_key_mode := 'preserve_run_at')).id`;
    }
    expect(await pendingSweeps()).toHaveLength(1);
  });
});

describe("a status change with a 1 s delay", () => {
  beforeAll(() => {
    process.env.PARTNER_MAIL_DELAY_SECONDS = "1";
  });

  it("reaches the partner within seconds through a worker, once", async () => {
    const { fixture, ctx } = await tenantWithOwner("Mail Job Agency");
    const partner = await partnerWithContext(fixture, { name: "Job Partner" });
    const programId = (await programWith(fixture, [partner.partnerId])).id;
    const tag = randomBytes(4).toString("hex");
    const { id } = await submitReferral(partner.ctx, referralInput(programId, { subjectName: "Job Brand", website: `j-${tag}.test`, contactValue: `c@j-${tag}.test` }));
    worker = await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 200 });
    const moved = Date.now();
    await transitionReferral(ctx, id, { to: "in_review", note: "Looking at it", internal: false });

    // Sweeps enqueued meanwhile wait in the one queue: never two running at once.
    let mostLocked = 0;
    const queues = new Set<string | null>();
    const mails = await waitFor(
      async () => {
        const rows = await prisma.$queryRaw<{ locked: boolean; queue_name: string | null }[]>`
          SELECT locked_at IS NOT NULL AS locked, queue_name FROM graphile_worker.jobs WHERE task_identifier = ${PARTNER_MAIL_TASK}`;
        mostLocked = Math.max(mostLocked, rows.filter((r) => r.locked).length);
        rows.forEach((r) => queues.add(r.queue_name));
        return prisma.outboxEmail.findMany({ where: { to: partner.email } });
      },
      (m) => m.length > 0,
      30_000,
    );
    const seconds = (Date.now() - moved) / 1000;
    expect(mails).toHaveLength(1);
    // Not a speed check: the crontab alone could take a minute; the nudge makes it seconds (≈2 s measured).
    expect(seconds).toBeLessThan(30);
    console.log(`partner mail via the job: ${seconds.toFixed(1)} s after the change`);
    expect(await prisma.partnerNotice.count({ where: { partnerId: partner.partnerId, sentAt: null } })).toBe(0);
    // More sweeps run meanwhile (an enqueue every second) and send nothing again.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await prisma.outboxEmail.count({ where: { to: partner.email } })).toBe(1);
    expect(mostLocked).toBeLessThanOrEqual(1);
    // Every sweep seen waiting or running was in the one named queue (a sweep can also come and go
    // between two looks on a busy machine; the schedule test checks the queue name of both sources).
    expect([...queues].filter((q) => q !== PARTNER_MAIL_TASK)).toEqual([]);
  }, 60_000);
});
