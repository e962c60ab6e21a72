// `npm run bench:webhooks` — webhook delivery throughput through the job queue to a receiver on this
// machine, in a scratch database dropped at the end. Two runs, each timed from the moment the events
// are in the outbox (one statement, which enqueues the fan-out job like any change does) until the
// receiver holds every delivery:
//   1. one endpoint: every event in order, one at a time (the ordering guarantee's cost);
//   2. four endpoints subscribed to the same events: deliveries of different endpoints in parallel.
// A third number is the cost of writing events with emitWebhook, one transaction per event.
// BENCH_EVENTS (default 2000), BENCH_CONCURRENCY (worker concurrency, default 4).
import { performance } from "node:perf_hooks";
import { migrate } from "@/lib/db/migrate";
import { migrateJobQueue } from "@/lib/db/job-queue-schema";
import { createScratchDatabase } from "@/tests/helpers/scratch-db";
import { startReceiver } from "@/tests/helpers/webhook-receiver";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const log = (m: string) => console.log(m);

async function main() {
  const db = await createScratchDatabase("twoway_bench");
  const receiver = await startReceiver();
  try {
    await migrate(db.url);
    await migrateJobQueue(db.url);
    process.env.DATABASE_URL = db.url;
    process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";
    const { prisma } = await import("@/lib/db/client");
    const { startJobWorker } = await import("@/lib/jobs/worker");
    const { envelopeBody } = await import("@/lib/webhooks/events");

    const t = "bench_wh";
    await prisma.$executeRawUnsafe(`INSERT INTO "Tenant" ("id", "slug", "name", "reportingCurrency", "updatedAt") VALUES ('${t}', '${t}', 'Bench', 'USD', now())`);
    const sample = envelopeBody("evt_x", "referral.status_changed", new Date(), {
      previous_status: "in_review",
      referral: { id: "cm0000000000000000000000", kind: "brand", status: "qualified", subject_name: "Glow Lab", source_market: "RU", target_market: "US", contact_value: "anna@glowlab.ru", submitted_at: new Date().toISOString() },
    });
    log(`webhooks bench: ${EVENTS} events of ${sample.length} bytes, worker concurrency ${CONCURRENCY}, receiver ${receiver.url}`);
    const worker = await startJobWorker({ databaseUrl: db.url, concurrency: CONCURRENCY, pollIntervalMs: 200 });
    let run = 0;

    async function scenario(label: string, endpoints: number) {
      run++;
      await prisma.webhookEndpoint.updateMany({ where: { tenantId: t }, data: { enabled: false } });
      const ids: string[] = [];
      for (let i = 0; i < endpoints; i++) {
        const e = await prisma.webhookEndpoint.create({ data: { tenantId: t, url: `${receiver.url}/r${run}/e${i}`, events: ["referral.status_changed"], secret: `whsec_bench_${run}_${i}` } });
        ids.push(e.id);
      }
      const before = receiver.requests.length;
      const expected = EVENTS * endpoints;
      const t0 = performance.now();
      await prisma.$executeRawUnsafe(
        `INSERT INTO "WebhookEvent" ("id", "tenantId", "type", "body") SELECT 'evt_${run}_' || g, '${t}', 'referral.status_changed', replace($1, 'evt_x', 'evt_${run}_' || g) FROM generate_series(1, ${EVENTS}) g`,
        sample,
      );
      while (receiver.requests.length - before < expected) await new Promise((r) => setTimeout(r, 20));
      const seconds = (performance.now() - t0) / 1000;
      // In order per endpoint: the event numbers each endpoint received only ever go up.
      const last = new Map<string, number>();
      let outOfOrder = 0;
      for (const r of receiver.requests.slice(before)) {
        const n = Number((JSON.parse(r.body).id as string).split("_")[2]);
        if (n < (last.get(r.path) ?? 0)) outOfOrder++;
        last.set(r.path, n);
      }
      const pending = await prisma.webhookDelivery.count({ where: { tenantId: t, endpointId: { in: ids }, status: { not: "succeeded" } } });
      log(`${label}: ${expected} deliveries in ${seconds.toFixed(2)} s = ${Math.round(expected / seconds)} deliveries/s (${Math.round(EVENTS / seconds)} events/s); not delivered: ${pending}, out of order: ${outOfOrder}`);
    }

    await scenario("1 endpoint, in order", 1);
    await scenario("4 endpoints", 4);
    await worker.stop();

    // What a change pays: emitWebhook with nobody subscribed (one indexed read), and the outbox row of
    // a subscribed change (the insert and its trigger's add_job), each in its own transaction.
    const { tenantDb } = await import("@/lib/db/tenant-client");
    const { emitWebhook } = await import("@/lib/webhooks/emit");
    const scoped = tenantDb(t);
    const n = Math.min(EVENTS, 500);
    const t1 = performance.now();
    for (let i = 0; i < n; i++) await scoped.$transaction(async (tx) => { await emitWebhook(tx, { type: "payout.paid", payoutId: "none" }); });
    const quiet = (performance.now() - t1) / n;
    const t2 = performance.now();
    for (let i = 0; i < n; i++) {
      await scoped.$transaction(async (tx) => { await tx.webhookEvent.create({ data: { id: `evt_w_${i}`, tenantId: t, type: "referral.status_changed", body: sample } }); });
    }
    const written = (performance.now() - t2) / n;
    log(`per change: ${quiet.toFixed(2)} ms for a transaction whose emitWebhook finds no endpoint; ${written.toFixed(2)} ms for one that writes an event (+ fan-out job)`);
    await prisma.$disconnect();
  } finally {
    await receiver.close();
    await db.drop();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
