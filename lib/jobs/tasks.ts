// Be extremely careful: every task runs as the process itself (SystemContext). A payload names its
// tenant; the tenant's work goes through forTenant(tenantId), under row-level security.
// What runs as a job (docs/operations.md, "Jobs and workers"):
//   payouts:execute-run   — a payout run's transfers, enqueued by "Execute" and by the resume sweep
//   payouts:resume-runs   — every minute: runs a crash or a failed enqueue left unfinished
//   commissions:events    — the commission job for events whose inline credit failed (after an
//                           ingest or a pipeline move: lib/commissions/after-ingest.ts)
//   commissions:all       — hourly: the commission job for every tenant (new events, due approvals)
//   clicks:partitions     — daily: "Click" month partitions ahead, each agency's click retention
//                           (lib/tracking/partitions.ts)
//   mail:partner-digest   — every minute (and more often for a short delay: ./partner-mail.ts): the
//                           partner-mail sweep (lib/referrals/partner-digest.ts)
//   fx:cbr-daily          — daily: the CBR's rates, filled in where a tenant has none (lib/fx/cbr-daily.ts)
//   fx:missing-rates      — daily: logs the tenants with events waiting for an FX rate (lib/fx/missing-rates.ts)
//   compliance:sdn-fetch  — daily: the OFAC SDN list into every tenant when it changed, then re-screening
//                           (lib/compliance/sdn-fetch.ts)
//   webhooks:fan-out      — enqueued by the "WebhookEvent" trigger in the transaction of a change: the
//                           tenant's new events to its endpoints (lib/webhooks/fan-out.ts)
//   webhooks:deliver      — one waiting job per endpoint: its deliveries in order, with backoff
//                           (lib/webhooks/deliver.ts)
//   webhooks:sweep        — every minute: fan-outs and deliveries a lost job left waiting
//   funnel:rollup-check   — daily: logs FunnelDaily totals that differ from the raw tables (lib/funnel/rollup-check.ts);
//                           enqueues the re-key of a tenant whose rollups are not keyed in its time zone
//   funnel:rekey-time-zone — after a change of the agency's time zone: its rollups on the new zone's
//                           local days (lib/funnel/time-zone-change.ts; one transaction, idempotent)
//   mail:staff-notifications — every minute: staff notification e-mails, instant and the 08:00 digests
//                           (lib/notifications/mail.ts)
//   notifications:stale-referrals — daily: referrals waiting too long in one status (lib/notifications/stale-referrals.ts)
//   ord:sync              — "Get erid" on a placement: the contract chain and creative registered at the
//                           agency's ОРД, the erid stored, the placement labelled (lib/ord/sync-placement.ts;
//                           each step recorded before the next; retried with backoff on 5xx/timeouts)
//   ord:statistics        — "Send statistics to the ОРД" for a month: each due placement's impressions and
//                           clicks sent, the month marked sent, the placement moved to "reported"
//                           (lib/ord/send-statistics.ts; one request per placement, committed as it goes)
//   mail:partner-messages — every minute and when a message is sent: partners' e-mails about new messages,
//                           at once or in their 08:00 digest (lib/messages/mail.ts)
//   placements:statistics-deadline — daily: a week before the ОРД statistics deadline, staff hear of a month's
//                           placements without sent statistics (lib/notifications/statistics-deadline.ts; once per month)
//   risk:daily            — daily: the link risk rules over yesterday's ClickDaily and the partner rules
//                           for partners with unpaid commissions (lib/risk/evaluate.ts; idempotent)
import type { JobHelpers, TaskList } from "graphile-worker";
import { systemContext } from "@/lib/auth/contexts/system";
import { runCommissionJob } from "@/lib/commissions/run-job";
import { maintainClickPartitions } from "@/lib/tracking/partitions";
import { executeStartedRun } from "@/lib/payouts/execute-run";
import { resumeExecutingRuns } from "@/lib/payouts/resume-runs";
import { missingRates } from "@/lib/fx/missing-rates";
import { cbrDailyUrl, runCbrDaily } from "@/lib/fx/cbr-daily";
import { runSdnFetch, sdnUrl } from "@/lib/compliance/sdn-fetch";
import { fetchTimeoutMs } from "./fetch-file";
import { funnelRollupDrift } from "@/lib/funnel/rollup-check";
import { REKEY_TASK, rekeyTenantRollups } from "@/lib/funnel/time-zone-change";
import { log } from "@/lib/ops/log";
import { sweepPartnerNotices } from "@/lib/referrals/partner-digest";
import { runRiskDaily } from "@/lib/risk/evaluate";
import { addDays, localDate } from "@/lib/kernel/time-zone";
import { PARTNER_MAIL_TASK, partnerMailJobSpec } from "./partner-mail";
import { STAFF_MAIL_TASK, sweepStaffNotifications } from "@/lib/notifications/mail";
import { notifyStaleReferrals } from "@/lib/notifications/stale-referrals";
import { warnStatisticsDeadline } from "@/lib/notifications/statistics-deadline";
import { enqueueJob, type JobPayloads } from "./queue";
import { MESSAGE_MAIL_TASK, messageMailJobSpec } from "@/lib/messages/mail-job";
import { sweepMessageMail } from "@/lib/messages/mail";
import { fanOutEvents } from "@/lib/webhooks/fan-out";
import { enqueueDelivery, runDeliveries } from "@/lib/webhooks/deliver";
import { syncPlacementOrd } from "@/lib/ord/sync-placement";
import { sendMonthStatistics } from "@/lib/ord/send-statistics";

/** Recurring jobs (graphile-worker crontab: one execution per tick across all workers). */
export const crontab = [
  "* * * * * payouts:resume-runs ?max=1",
  "7 * * * * commissions:all ?max=3",
  "40 3 * * * clicks:partitions ?max=3",
  `* * * * * ${PARTNER_MAIL_TASK} ?max=${partnerMailJobSpec.maxAttempts}&jobKey=${partnerMailJobSpec.jobKey}&jobKeyMode=${partnerMailJobSpec.jobKeyMode}&queue=${partnerMailJobSpec.queueName}`,
  "5 6 * * * fx:cbr-daily ?max=8",
  "15 6 * * * fx:missing-rates ?max=3",
  "50 5 * * * compliance:sdn-fetch ?max=8",
  "20 4 * * * funnel:rollup-check ?max=3",
  // One job key and one queue, as the partner sweep: a waiting sweep absorbs the next tick, two never run at once.
  `* * * * * ${STAFF_MAIL_TASK} ?max=3&jobKey=${STAFF_MAIL_TASK}&jobKeyMode=preserve_run_at&queue=${STAFF_MAIL_TASK}`,
  "25 6 * * * notifications:stale-referrals ?max=3",
  // Daily; each agency's "today" is taken in its own zone, and the per-month dedupe key makes repeats free.
  "45 6 * * * placements:statistics-deadline ?max=3",
  "30 2 * * * risk:daily ?max=5",
  "* * * * * webhooks:sweep ?max=1",
  `* * * * * ${MESSAGE_MAIL_TASK} ?max=${messageMailJobSpec.maxAttempts}&jobKey=${messageMailJobSpec.jobKey}&jobKeyMode=${messageMailJobSpec.jobKeyMode}&queue=${messageMailJobSpec.queueName}`,
].join("\n");

/** Thrown by a task the worker's shutdown interrupted: the job is retried (by this or another worker). */
export class InterruptedByShutdown extends Error {
  constructor() {
    super("interrupted by shutdown; the job will be retried");
  }
}

function payload<T extends keyof JobPayloads>(raw: unknown): JobPayloads[T] {
  if (!raw || typeof raw !== "object" || typeof (raw as { tenantId?: unknown }).tenantId !== "string") {
    throw new Error("job payload without a tenantId");
  }
  return raw as JobPayloads[T];
}

/** The task list; `stopping()` says the worker is shutting down (long tasks end early and are retried). */
export function makeTasks(stopping: () => boolean): TaskList {
  const system = () => systemContext("jobs");
  return {
    "payouts:execute-run": async (raw: unknown, helpers: JobHelpers) => {
      const { tenantId, runId, userId } = payload<"payouts:execute-run">(raw);
      const shouldStop = () => stopping() || helpers.abortSignal?.aborted === true;
      const summary = await executeStartedRun({ db: system().forTenant(tenantId), tenantId, userId }, runId, { shouldStop });
      if (shouldStop()) throw new InterruptedByShutdown();
      helpers.logger.debug(`payout run ${runId}: ${JSON.stringify(summary)}`);
    },
    "payouts:resume-runs": async () => {
      await resumeExecutingRuns();
    },
    "commissions:events": async (raw: unknown) => {
      const { tenantId, eventIds } = payload<"commissions:events">(raw);
      await runCommissionJob(system().forTenant(tenantId), { tenantId, userId: null }, { eventIds, approveDue: false });
    },
    "clicks:partitions": async (_raw: unknown, helpers: JobHelpers) => {
      const report = await maintainClickPartitions(system(), { shouldStop: stopping });
      if (report.interrupted) throw new InterruptedByShutdown();
      helpers.logger.info(`click partitions: ${JSON.stringify(report)}`);
    },
    "commissions:all": async () => {
      const tenants = await system().db.tenant.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
      for (const tenant of tenants) {
        if (stopping()) throw new InterruptedByShutdown();
        await runCommissionJob(system().forTenant(tenant.id), { tenantId: tenant.id, userId: null });
      }
    },
    [PARTNER_MAIL_TASK]: async () => {
      const r = await sweepPartnerNotices();
      if (r.mails || r.dropped) log().info({ ...r }, "partner mail: sweep sent digests");
    },
    [STAFF_MAIL_TASK]: async () => {
      const r = await sweepStaffNotifications();
      if (r.mails) log().info({ ...r }, "staff mail: sweep sent notification mails");
    },
    [MESSAGE_MAIL_TASK]: async () => {
      const r = await sweepMessageMail();
      if (r.mails) log().info({ ...r }, "message mail: sweep sent mails");
    },
    "notifications:stale-referrals": async () => {
      const r = await notifyStaleReferrals({ shouldStop: stopping });
      if (r.interrupted) throw new InterruptedByShutdown();
      log().info({ ...r }, "notifications: waiting referrals checked");
    },
    "placements:statistics-deadline": async () => {
      const r = await warnStatisticsDeadline({ shouldStop: stopping });
      if (r.interrupted) throw new InterruptedByShutdown();
      if (r.created) log().info({ ...r }, "placements: statistics deadline warnings");
    },
    "fx:cbr-daily": async () => {
      const r = await runCbrDaily(system(), { url: cbrDailyUrl(), timeoutMs: fetchTimeoutMs(), shouldStop: stopping });
      if (r.interrupted) throw new InterruptedByShutdown();
      log().info({ ...r }, "fx: CBR daily rates filled in");
    },
    "compliance:sdn-fetch": async () => {
      const r = await runSdnFetch(system(), { url: sdnUrl(), timeoutMs: fetchTimeoutMs(), shouldStop: stopping });
      if (r.interrupted) throw new InterruptedByShutdown();
      log().info({ ...r }, "compliance: OFAC SDN list fetched");
    },
    "fx:missing-rates": async () => {
      const tenants = await system().db.tenant.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
      let waiting = 0;
      for (const tenant of tenants) {
        if (stopping()) throw new InterruptedByShutdown();
        const missing = await missingRates(system().forTenant(tenant.id));
        if (missing.events === 0) continue;
        waiting++;
        log().warn({ tenantId: tenant.id, ...missing }, "fx: events are waiting for a rate; import rates in Settings → FX rates");
      }
      log().info({ tenants: tenants.length, waiting }, "fx: missing-rate check done");
    },
    "risk:daily": async () => {
      // Yesterday in each agency's rollup zone: the last complete local day of ClickDaily. A rerun
      // after a crash records nothing twice.
      const tenants = await system().db.tenant.findMany({ select: { id: true, rollupTimeZone: true }, orderBy: { createdAt: "asc" } });
      let holds = 0;
      for (const tenant of tenants) {
        if (stopping()) throw new InterruptedByShutdown();
        const day = new Date(`${addDays(localDate(new Date(), tenant.rollupTimeZone), -1)}T00:00:00Z`);
        holds += (await runRiskDaily(system().forTenant(tenant.id), { tenantId: tenant.id, userId: null }, day)).length;
      }
      log().info({ tenants: tenants.length, holds }, "risk: daily rules done");
    },
    [REKEY_TASK]: async (raw: unknown) => {
      const { tenantId } = payload<"funnel:rekey-time-zone">(raw);
      const zone = await rekeyTenantRollups(system().forTenant(tenantId), tenantId);
      log().info({ tenantId, zone }, "funnel: rollups re-keyed to the agency's local days");
    },
    "webhooks:fan-out": async (raw: unknown) => {
      const { tenantId } = payload<"webhooks:fan-out">(raw);
      await fanOutEvents(system().forTenant(tenantId), tenantId);
    },
    "webhooks:deliver": async (raw: unknown) => {
      const { tenantId, endpointId } = payload<"webhooks:deliver">(raw);
      const r = await runDeliveries(system().forTenant(tenantId), tenantId, endpointId, { shouldStop: stopping });
      if (r.outcome === "stopped") {
        await enqueueDelivery(tenantId, endpointId);
        throw new InterruptedByShutdown();
      }
    },
    "ord:sync": async (raw: unknown) => {
      const { tenantId, placementId, userId } = payload<"ord:sync">(raw);
      // A retryable failure (5xx, timeout, 429 after the client's own retries) throws: the queue retries with backoff.
      const r = await syncPlacementOrd(system().forTenant(tenantId), tenantId, placementId, { userId });
      log().info({ tenantId, placementId, outcome: r.outcome }, "ord: placement synced");
    },
    "ord:statistics": async (raw: unknown) => {
      const { tenantId, month, userId } = payload<"ord:statistics">(raw);
      // Each placement's result is committed as it comes; a retryable failure throws after the rest are done.
      const r = await sendMonthStatistics(system().forTenant(tenantId), tenantId, month, { userId });
      log().info({ tenantId, month, sent: r.sent.length, refused: r.refused.length, skipped: r.skipped.length, notConfigured: r.notConfigured ?? false }, "ord: statistics sent");
    },
    "webhooks:sweep": async () => {
      // Owner read across tenants: only which tenants and endpoints have work older than a minute.
      const db = system().db;
      const events = await db.$queryRaw<{ tenantId: string }[]>`
        SELECT DISTINCT "tenantId" FROM "WebhookEvent" WHERE "fannedOutAt" IS NULL AND "createdAt" < (now() AT TIME ZONE 'UTC') - interval '1 minute'`;
      for (const e of events) await enqueueJob("webhooks:fan-out", { tenantId: e.tenantId });
      const due = await db.$queryRaw<{ tenantId: string; endpointId: string }[]>`
        SELECT DISTINCT d."tenantId", d."endpointId" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
        WHERE d.status = 'pending' AND e.enabled AND d."nextAttemptAt" < (now() AT TIME ZONE 'UTC') - interval '1 minute'`;
      for (const d of due) await enqueueDelivery(d.tenantId, d.endpointId);
    },
    "funnel:rollup-check": async () => {
      const tenants = await system().db.tenant.findMany({ select: { id: true, timeZone: true, rollupTimeZone: true }, orderBy: { createdAt: "asc" } });
      let drifted = 0;
      for (const tenant of tenants) {
        if (stopping()) throw new InterruptedByShutdown();
        // A zone change whose re-key job was lost (or the zone set without changeTenantTimeZone).
        if (tenant.timeZone !== tenant.rollupTimeZone) {
          await enqueueJob(REKEY_TASK, { tenantId: tenant.id }, { jobKey: `funnel-rekey:${tenant.id}`, maxAttempts: 10 });
          log().warn({ tenantId: tenant.id, timeZone: tenant.timeZone, rollupTimeZone: tenant.rollupTimeZone }, "funnel: rollups not keyed in the agency's time zone; re-key enqueued");
        }
        const drift = await funnelRollupDrift(system().forTenant(tenant.id), tenant.id);
        if (drift.length === 0) continue;
        drifted++;
        log().error({ tenantId: tenant.id, drift }, "funnel: rollup totals differ from the raw tables; repair with SELECT funnel_daily_rebuild(tenant id)");
      }
      log().info({ tenants: tenants.length, drifted }, "funnel: rollup check done");
    },
  };
}
