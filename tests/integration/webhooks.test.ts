// Outgoing webhooks against PostgreSQL and a real HTTP receiver on 127.0.0.1: events written in the
// transaction of the change, fan-out, ordered delivery with backoff, alerts at 5/10/15 failures and
// auto-disable at 20, no second send of a recorded success, the SSRF guard at registration and at
// delivery, the job queue end to end, and isolation between tenants.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { startJobWorker } from "@/lib/jobs/worker";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { webhookNetworkPolicy } from "@/lib/webhooks/config";
import { getDelivery, listDeliveries } from "@/lib/webhooks/delivery-log";
import { deliverNext, runDeliveries, type Sender } from "@/lib/webhooks/deliver";
import { emitWebhook } from "@/lib/webhooks/emit";
import { fanOutEvents } from "@/lib/webhooks/fan-out";
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateSecret, setEndpointEnabled, updateEndpoint } from "@/lib/webhooks/manage-endpoints";
import { endpointInput } from "@/lib/webhooks/schemas";
import { sendWebhook } from "@/lib/webhooks/send";
import { redeliver, sendTestEvent } from "@/lib/webhooks/send-now";
import { verifySignature } from "@/lib/webhooks/signing";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";
import { startReceiver, type Receiver } from "../helpers/webhook-receiver";

vi.mock("server-only", () => ({}));

let receiver: Receiver;
const noEnqueue = async () => {};

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";
  receiver = await startReceiver();
});
afterAll(async () => {
  delete process.env.WEBHOOKS_ALLOW_LOOPBACK;
  await receiver.close();
});

type World = { fixture: TenantFixture; ctx: TenantContext; partner: Awaited<ReturnType<typeof partnerWithContext>>; programId: string };

async function world(name: string): Promise<World> {
  const { fixture, ctx } = await tenantWithOwner(name);
  const partner = await partnerWithContext(fixture, { name: `${name} Partner` });
  const programId = (await programWith(fixture, [partner.partnerId])).id;
  return { fixture, ctx, partner, programId };
}

const input = (url: string, events: string[] = ["referral.submitted", "referral.status_changed"], description?: string) =>
  endpointInput.parse({ url, events, description });

let subjects = 0;
const submit = (w: World) => submitReferral(w.partner.ctx, referralInput(w.programId, { subjectName: `Brand ${++subjects}`, website: `brand${subjects}.example`, contactValue: `c${subjects}@brand${subjects}.example` }));

const pendingOf = (endpointId: string) => prisma.webhookDelivery.count({ where: { endpointId, status: "pending" } });
const fanOutJobs = async () => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhooks:fan-out'`)[0].n);

describe("events are written with the change that causes them", () => {
  it("a submitted referral writes one event and enqueues its fan-out in the same transaction; a rolled-back change writes neither", async () => {
    const w = await world("Outbox Agency");
    await createEndpoint(w.ctx, input(`${receiver.url}/outbox`));
    const jobsBefore = await fanOutJobs();
    const { id } = await submit(w);
    const events = await prisma.webhookEvent.findMany({ where: { tenantId: w.fixture.tenantId } });
    expect(events.map((e) => e.type)).toEqual(["referral.submitted"]);
    const body = JSON.parse(events[0].body);
    expect(body).toMatchObject({ id: events[0].id, type: "referral.submitted", api_version: "2026-12-06", data: { referral: { id, status: "submitted" } } });
    expect(body.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(await fanOutJobs()).toBe(jobsBefore + 1);

    await expect(w.ctx.db.$transaction(async (tx) => {
      await emitWebhook(tx, { type: "referral.submitted", referralId: id });
      throw new Error("the change fails after the event was written");
    })).rejects.toThrow("the change fails");
    expect(await prisma.webhookEvent.count({ where: { tenantId: w.fixture.tenantId } })).toBe(1);
    expect(await fanOutJobs()).toBe(jobsBefore + 1);
  });

  it("a tenant without an endpoint for the type writes nothing", async () => {
    const w = await world("Quiet Agency");
    await createEndpoint(w.ctx, input(`${receiver.url}/quiet`, ["payout.paid"]));
    await submit(w);
    expect(await prisma.webhookEvent.count({ where: { tenantId: w.fixture.tenantId } })).toBe(0);
  });
});

describe("delivery", () => {
  it("sends signed events to the endpoint in order, with the event id in a header; rerunning the job sends nothing twice", async () => {
    const w = await world("Order Agency");
    const { endpoint, secret } = await createEndpoint(w.ctx, input(`${receiver.url}/order`));
    const first = await submit(w);
    await transitionReferral(w.ctx, first.id, { to: "in_review" });
    await transitionReferral(w.ctx, first.id, { to: "qualified" });
    const second = await submit(w);
    expect((await fanOutEvents(w.ctx.db, w.fixture.tenantId, { enqueue: noEnqueue })).deliveries).toBe(4);

    const before = receiver.requests.length;
    const run = await runDeliveries(w.ctx.db, w.fixture.tenantId, endpoint.id, { enqueue: noEnqueue });
    expect(run).toMatchObject({ attempted: 4, succeeded: 4, outcome: "idle" });
    const got = receiver.requests.slice(before);
    const bodies = got.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => [b.type, b.data.referral.id, b.data.referral.status])).toEqual([
      ["referral.submitted", first.id, "submitted"],
      ["referral.status_changed", first.id, "in_review"],
      ["referral.status_changed", first.id, "qualified"],
      ["referral.submitted", second.id, "submitted"],
    ]);
    expect(bodies[2].data.previous_status).toBe("in_review");
    for (const r of got) {
      expect(verifySignature(secret, String(r.headers["twoway-signature"]), r.body)).toBe(true);
      expect(r.headers["twoway-event-id"]).toBe(JSON.parse(r.body).id);
      expect(r.headers["content-type"]).toBe("application/json");
    }

    // The job killed after its last commit and run again: every success is recorded, nothing is resent.
    expect(await runDeliveries(w.ctx.db, w.fixture.tenantId, endpoint.id, { enqueue: noEnqueue })).toMatchObject({ attempted: 0, outcome: "idle" });
    expect(await fanOutEvents(w.ctx.db, w.fixture.tenantId, { enqueue: noEnqueue })).toEqual({ events: 0, deliveries: 0 });
    expect(receiver.requests.length).toBe(before + 4);
    const log = await listDeliveries(w.ctx, endpoint.id);
    expect(log.map((d) => d.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    const detail = await getDelivery(w.ctx, log[0].id);
    expect(detail.attemptsLog[0]).toMatchObject({ responseStatus: 200, responseBody: "ok", trigger: "queue", number: 1 });
  });

  it("two workers on one endpoint at once still send each delivery once, in order", async () => {
    const w = await world("Race Agency");
    const { endpoint } = await createEndpoint(w.ctx, input(`${receiver.url}/race`, ["referral.submitted"]));
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await submit(w)).id);
    await fanOutEvents(w.ctx.db, w.fixture.tenantId, { enqueue: noEnqueue });
    const before = receiver.requests.length;
    await Promise.all([1, 2, 3].map(() => runDeliveries(w.ctx.db, w.fixture.tenantId, endpoint.id, { enqueue: noEnqueue })));
    const got = receiver.requests.slice(before).map((r) => JSON.parse(r.body).data.referral.id);
    expect(got).toEqual(ids);
  });

  it("a process killed between the receiver's answer and the commit sends that event again (at least once, same event id)", async () => {
    const w = await world("Crash Agency");
    const { endpoint } = await createEndpoint(w.ctx, input(`${receiver.url}/crash`, ["referral.submitted"]));
    await submit(w);
    await fanOutEvents(w.ctx.db, w.fixture.tenantId, { enqueue: noEnqueue });
    const before = receiver.requests.length;
    const dies: Sender = async (...args) => {
      await sendWebhook(...args);
      throw new Error("killed");
    };
    await expect(deliverNext(w.ctx.db, w.fixture.tenantId, endpoint.id, { send: dies })).rejects.toThrow("killed");
    expect(await pendingOf(endpoint.id)).toBe(1);
    expect(await prisma.webhookAttempt.count({ where: { endpointId: endpoint.id } })).toBe(0);
    await runDeliveries(w.ctx.db, w.fixture.tenantId, endpoint.id, { enqueue: noEnqueue });
    const got = receiver.requests.slice(before);
    expect(got).toHaveLength(2);
    expect(got[0].headers["twoway-event-id"]).toBe(got[1].headers["twoway-event-id"]);
    expect(await pendingOf(endpoint.id)).toBe(0);
  });

  it("retries with backoff and holds the endpoint's later events until the head is delivered", async () => {
    const w = await world("Retry Agency");
    const { endpoint } = await createEndpoint(w.ctx, input(`${receiver.url}/retry`, ["referral.submitted"]));
    const a = await submit(w);
    const b = await submit(w);
    await fanOutEvents(w.ctx.db, w.fixture.tenantId, { enqueue: noEnqueue });
    const sent: string[] = [];
    let failNext = 3;
    const flaky: Sender = async (_url, _headers, body) => {
      sent.push(JSON.parse(body).data.referral.id);
      return failNext-- > 0 ? { ok: false, status: 503, body: "busy", error: null, durationMs: 1 } : { ok: true, status: 200, body: "ok", error: null, durationMs: 1 };
    };
    let clock = Date.now();
    const opts = { send: flaky, now: () => new Date(clock), random: () => 0.5 };
    const waits: number[] = [];
    for (;;) {
      const step = await deliverNext(w.ctx.db, w.fixture.tenantId, endpoint.id, opts);
      if (step.kind === "idle") break;
      if (step.kind === "wait") {
        waits.push(Math.round((step.until.getTime() - clock) / 1000));
        // Not yet due: nothing is sent, the later event waits too.
        expect((await deliverNext(w.ctx.db, w.fixture.tenantId, endpoint.id, opts)).kind).toBe("wait");
        clock = step.until.getTime();
      }
    }
    expect(waits).toEqual([30, 60, 120]);
    expect(sent).toEqual([a.id, a.id, a.id, a.id, b.id]);
    const head = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, event: { body: { contains: a.id } } } });
    expect(head).toMatchObject({ status: "succeeded", attempts: 4 });
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures).toBe(0);
  });

  it("notifies owners and admins at 5, 10 and 15 failures in a row, and at 20, when the endpoint is turned off", async () => {
    const w = await world("Failing Agency");
    const admin = await memberContext(w.fixture, "admin");
    await memberContext(w.fixture, "manager");
    const { endpoint } = await createEndpoint(w.ctx, input(`${receiver.url}/failing`, ["referral.submitted"]));
    for (let i = 0; i < 3; i++) await submit(w);
    await fanOutEvents(w.ctx.db, w.fixture.tenantId, { enqueue: noEnqueue });
    const down: Sender = async () => ({ ok: false, status: null, body: null, error: "connect ECONNREFUSED", durationMs: 1 });
    let clock = Date.now();
    const alertsAfter: number[] = [];
    const alerts = () => prisma.staffNotification.findMany({ where: { tenantId: w.fixture.tenantId, kind: "webhook_failing" }, orderBy: { createdAt: "asc" } });
    for (let attempt = 1; attempt <= 20; attempt++) {
      const step = await deliverNext(w.ctx.db, w.fixture.tenantId, endpoint.id, { send: down, now: () => new Date(clock) });
      if (step.kind === "wait") {
        clock = step.until.getTime();
        attempt--;
        continue;
      }
      expect(step).toEqual({ kind: "attempted", ok: false });
      alertsAfter.push((await alerts()).length);
    }
    // Owner and admin ("integrations:manage") are told at 5, 10, 15 and at 20; the manager is not.
    expect(alertsAfter[3]).toBe(0);
    expect([alertsAfter[4], alertsAfter[9], alertsAfter[14], alertsAfter[19]]).toEqual([2, 4, 6, 8]);
    expect(alertsAfter[18]).toBe(6);
    const told = await alerts();
    expect(new Set(told.map((n) => n.userId))).toEqual(new Set([w.fixture.userId, admin.userId]));
    expect(told.map((n) => (n.params as { failures: number }).failures)).toEqual([5, 5, 10, 10, 15, 15, 20, 20]);
    expect((told[0].params as { endpointUrl: string }).endpointUrl).toBe(`${receiver.url}/failing`);

    const off = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(off).toMatchObject({ enabled: false, disabledReason: "failures", consecutiveFailures: 20 });
    expect(await prisma.auditLog.count({ where: { entityId: endpoint.id, action: "webhook.auto_disabled" } })).toBe(1);
    // Two deliveries were given up after 10 attempts each; the third waits, and nothing more is sent.
    expect((await prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { seq: "asc" } })).map((d) => [d.status, d.attempts]))
      .toEqual([["failed", 10], ["failed", 10], ["pending", 0]]);
    expect(await deliverNext(w.ctx.db, w.fixture.tenantId, endpoint.id, { send: down, now: () => new Date(clock + 86_400_000) })).toEqual({ kind: "disabled" });

    // Staff turn it on again: the count restarts and the waiting delivery goes.
    await setEndpointEnabled(w.ctx, endpoint.id, true);
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures).toBe(0);
    expect((await runDeliveries(w.ctx.db, w.fixture.tenantId, endpoint.id, { enqueue: noEnqueue })).succeeded).toBe(1);
  });

  it("does not follow redirects and gives up on a receiver that does not answer", async () => {
    receiver.respond = (req) => (req.body.includes("redirect-me") ? 302 : req.body.includes("hang-me") ? "hang" : 200);
    try {
      const before = receiver.requests.length;
      const redirected = await sendWebhook(`${receiver.url}/r`, {}, '{"x":"redirect-me"}');
      expect(redirected).toMatchObject({ ok: false, status: 302 });
      expect(receiver.requests.length).toBe(before + 1);
      const hung = await sendWebhook(`${receiver.url}/h`, {}, '{"x":"hang-me"}', { responseTimeoutMs: 300 });
      expect(hung).toMatchObject({ ok: false, status: null, error: "response timeout" });
    } finally {
      receiver.respond = () => 200;
    }
  });
});

describe("SSRF guard", () => {
  it("refuses loopback and private URLs at registration without the test-mode flag", async () => {
    const { ctx } = await tenantWithOwner("Guarded Agency");
    delete process.env.WEBHOOKS_ALLOW_LOOPBACK;
    try {
      for (const url of [`${receiver.url}/x`, "http://localhost/x", "http://[::1]/x", "http://[::ffff:127.0.0.1]/x", "http://10.0.0.5/x", "http://169.254.169.254/latest/meta-data"]) {
        await expect(createEndpoint(ctx, input(url)), url).rejects.toMatchObject({ code: "webhooks.url_blocked_address" });
      }
      await expect(createEndpoint(ctx, input("ftp://example.com/x"))).rejects.toMatchObject({ code: "webhooks.url_scheme" });
      await expect(createEndpoint(ctx, input("https://hooks.example/x"), { resolve: async () => [{ address: "127.0.0.1", family: 4 }] }))
        .rejects.toBeInstanceOf(DomainError);
      expect(await listEndpoints(ctx)).toEqual([]);
    } finally {
      process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";
    }
  });

  it("checks again at delivery and connects to the checked address with the name in the Host header (DNS rebinding)", async () => {
    const before = receiver.requests.length;
    const toLoopback = async () => [{ address: "127.0.0.1", family: 4 }];
    const refused = await sendWebhook(`http://rebind.example:${receiver.port}/x`, {}, "{}", { resolve: toLoopback, allowLoopback: false });
    expect(refused).toMatchObject({ ok: false, status: null });
    expect(refused.error).toContain("blocked_address");
    expect(receiver.requests.length).toBe(before);
    const allowed = await sendWebhook(`http://rebind.example:${receiver.port}/x`, {}, "{}", { resolve: toLoopback, allowLoopback: true });
    expect(allowed.ok).toBe(true);
    expect(receiver.requests.at(-1)?.headers.host).toBe(`rebind.example:${receiver.port}`);
  });

  it("the test-mode flag is refused in production unless explicitly confirmed", () => {
    expect(webhookNetworkPolicy({ WEBHOOKS_ALLOW_LOOPBACK: "1", NODE_ENV: "test" } as NodeJS.ProcessEnv).allowLoopback).toBe(true);
    expect(webhookNetworkPolicy({ WEBHOOKS_ALLOW_LOOPBACK: "1", NODE_ENV: "production" } as NodeJS.ProcessEnv).allowLoopback).toBe(false);
    expect(webhookNetworkPolicy({ WEBHOOKS_ALLOW_LOOPBACK: "1", WEBHOOKS_ALLOW_LOOPBACK_IN_PRODUCTION: "1", NODE_ENV: "production" } as NodeJS.ProcessEnv).allowLoopback).toBe(true);
    expect(webhookNetworkPolicy({ NODE_ENV: "development" } as NodeJS.ProcessEnv).allowLoopback).toBe(false);
  });
});

describe("staff management", () => {
  it("create, edit, rotate, disable and delete are audited; the secret is returned only by create and rotate", async () => {
    const w = await world("Manage Agency");
    const { endpoint, secret } = await createEndpoint(w.ctx, input(`${receiver.url}/m`, ["payout.paid"], "CRM"));
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    expect(JSON.stringify(await listEndpoints(w.ctx))).not.toContain(secret);
    expect(JSON.stringify(await getEndpoint(w.ctx, endpoint.id))).not.toContain(secret);
    await updateEndpoint(w.ctx, endpoint.id, input(`${receiver.url}/m2`, ["payout.paid", "payout.failed"]));
    const rotated = await rotateSecret(w.ctx, endpoint.id);
    expect(rotated).not.toBe(secret);
    await setEndpointEnabled(w.ctx, endpoint.id, false);
    expect((await getEndpoint(w.ctx, endpoint.id))).toMatchObject({ enabled: false, disabledReason: "manual", events: ["payout.paid", "payout.failed"] });
    const audits = await prisma.auditLog.findMany({ where: { entityId: endpoint.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["webhook.created", "webhook.updated", "webhook.secret_rotated", "webhook.disabled"]);
    expect(JSON.stringify(audits)).not.toContain(rotated);
    await deleteEndpoint(w.ctx, endpoint.id);
    expect(await prisma.auditLog.count({ where: { entityId: endpoint.id, action: "webhook.deleted" } })).toBe(1);
    expect(await prisma.webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
  });

  it("a manager cannot manage endpoints", async () => {
    const w = await world("Manager Agency");
    const manager = await memberContext(w.fixture, "manager");
    await expect(createEndpoint(manager, input(`${receiver.url}/x`))).rejects.toMatchObject({ code: "forbidden" });
    await expect(listEndpoints(manager)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("sends a signed test event and redelivers a given-up delivery", async () => {
    const w = await world("Test Event Agency");
    const { endpoint, secret } = await createEndpoint(w.ctx, input(`${receiver.url}/t`, ["referral.submitted"]));
    const before = receiver.requests.length;
    expect(await sendTestEvent(w.ctx, endpoint.id)).toMatchObject({ ok: true, status: 200 });
    const test = receiver.requests[before];
    expect(JSON.parse(test.body)).toMatchObject({ type: "webhook.test", data: { endpoint_id: endpoint.id } });
    expect(verifySignature(secret, String(test.headers["twoway-signature"]), test.body)).toBe(true);

    await submit(w);
    await fanOutEvents(w.ctx.db, w.fixture.tenantId, { enqueue: noEnqueue });
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, status: "pending" } });
    await prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "failed", attempts: 10 } });
    expect(await redeliver(w.ctx, delivery.id)).toMatchObject({ ok: true, status: 200 });
    const after = await getDelivery(w.ctx, delivery.id);
    expect(after).toMatchObject({ status: "succeeded", attempts: 11 });
    expect(after.attemptsLog[0]).toMatchObject({ trigger: "manual", responseStatus: 200 });
    expect(receiver.requests.at(-1)?.headers["twoway-event-id"]).toBe(after.event.id);
  });
});

describe("tenant isolation", () => {
  it("another tenant cannot list, read, change, test or redeliver an endpoint, and never gets its events", async () => {
    const a = await world("Webhook Tenant A");
    const b = await world("Webhook Tenant B");
    const { endpoint, secret } = await createEndpoint(a.ctx, input(`${receiver.url}/a`, ["referral.submitted"]));
    const { endpoint: bEndpoint } = await createEndpoint(b.ctx, input(`${receiver.url}/b`, ["referral.submitted"]));
    await submit(a);
    await fanOutEvents(a.ctx.db, a.fixture.tenantId, { enqueue: noEnqueue });
    const aDelivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

    expect((await listEndpoints(b.ctx)).map((e) => e.id)).toEqual([bEndpoint.id]);
    for (const attempt of [
      () => getEndpoint(b.ctx, endpoint.id), () => updateEndpoint(b.ctx, endpoint.id, input(`${receiver.url}/evil`)),
      () => rotateSecret(b.ctx, endpoint.id), () => setEndpointEnabled(b.ctx, endpoint.id, false), () => deleteEndpoint(b.ctx, endpoint.id),
      () => sendTestEvent(b.ctx, endpoint.id), () => redeliver(b.ctx, aDelivery.id), () => getDelivery(b.ctx, aDelivery.id),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await listDeliveries(b.ctx, endpoint.id)).toEqual([]);
    expect(await b.ctx.db.webhookEvent.count()).toBe(0);
    expect(await b.ctx.db.$queryRaw<unknown[]>`SELECT id FROM "WebhookEvent" WHERE "tenantId" = ${a.fixture.tenantId}`).toEqual([]);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored).toMatchObject({ url: `${receiver.url}/a`, secret, enabled: true });

    // A's events go to A's endpoint only; B's fan-out and delivery see nothing of A.
    expect(await fanOutEvents(b.ctx.db, b.fixture.tenantId, { enqueue: noEnqueue })).toEqual({ events: 0, deliveries: 0 });
    expect(await prisma.webhookDelivery.count({ where: { endpointId: bEndpoint.id } })).toBe(0);
    expect((await runDeliveries(b.ctx.db, b.fixture.tenantId, endpoint.id, { enqueue: noEnqueue })).outcome).toBe("disabled");
    expect(await prisma.webhookAttempt.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });
});

describe("through the job queue", () => {
  it("a worker fans out and delivers a referral's events in order", async () => {
    const w = await world("Queue Agency");
    const { endpoint, secret } = await createEndpoint(w.ctx, input(`${receiver.url}/queue`));
    const worker = await startJobWorker({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 100 });
    try {
      const before = receiver.requests.length;
      const { id } = await submit(w);
      await transitionReferral(w.ctx, id, { to: "in_review" });
      await transitionReferral(w.ctx, id, { to: "qualified" });
      const expected = await prisma.webhookEvent.count({ where: { tenantId: w.fixture.tenantId } });
      expect(expected).toBe(3);
      const until = Date.now() + 20_000;
      while (receiver.requests.filter((r) => r.headers["twoway-delivery-id"] && r.body.includes(id)).length < expected && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const got = receiver.requests.slice(before).filter((r) => r.body.includes(id));
      expect(got.map((r) => JSON.parse(r.body).data.referral.status)).toEqual(["submitted", "in_review", "qualified"]);
      for (const r of got) expect(verifySignature(secret, String(r.headers["twoway-signature"]), r.body)).toBe(true);
      // The receiver answers before the worker commits the success: wait for the commit.
      while ((await pendingOf(endpoint.id)) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await pendingOf(endpoint.id)).toBe(0);
    } finally {
      await worker.stop();
    }
  });
});
