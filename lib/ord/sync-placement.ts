// The ord:sync job for one placement in "ready to label": register the chain and the creative at the
// agency's ОРД, store the erid, move the placement to "labelled". Resumable and idempotent: each
// step's result (OrdObject row + exchange log) is committed before the next step starts, a step whose
// object was sent with the same payload is skipped, and every write is a PUT by Twoway's external id —
// so a job killed at any line and run again registers nothing twice (at worst it repeats the PUT it
// was in, which the operator treats as an update). Transient failures (5xx, timeouts, 429) are retried
// by the client with backoff and then by the job queue; a refusal (4xx, or Twoway's own check) is
// stored on the placement, translated on its page, and ends the job.
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { JSON_DB_NULL } from "@/lib/db/json-null";
import type { TenantDb } from "@/lib/db/tenant-client";
import { auditIn } from "@/lib/audit/record-audit";
import type { OrdClient, OrdExchange } from "./client";
import { OrdError, issuesFromZod, type OrdIssue } from "./errors";
import { loadPlacementForOrd, placementOrdSteps, type OrdStep } from "./placement-bundle";
import { contractSchema, creativeSchema, padSchema, personSchema } from "./schemas";
import { ordClientFor } from "./settings";
import { invalidateTrackedLink } from "@/lib/tracking/registry";
import type { VkOrdOptions } from "./vk-client";

export type OrdSyncOutcome =
  | { outcome: "labelled"; erid: string }
  | { outcome: "skipped"; reason: "not_ready_to_label" }
  | { outcome: "refused"; error: StoredOrdError };

/** What the placement page shows for a refusal (ord.json: errors.<code>, issues.<code>). */
export type StoredOrdError = { code: string; kind?: string; externalId?: string; issues: OrdIssue[]; status?: number; at: string };

const schemas = { person: personSchema, contract: contractSchema, pad: padSchema, creative: creativeSchema } as const;

const hashOf = (object: unknown) => createHash("sha256").update(JSON.stringify(object)).digest("hex");

/** Twoway's own checks of every step, before anything is sent: all problems at once. */
export function validateSteps(steps: OrdStep[]): OrdIssue[] {
  return steps.flatMap((s) => {
    const parsed = schemas[s.kind].safeParse(s.object);
    return parsed.success ? [] : issuesFromZod(parsed.error, [`${s.kind}:${s.localType}`]);
  });
}

async function storeRefusal(db: TenantDb, placementId: string, error: StoredOrdError) {
  await db.placement.updateMany({ where: { id: placementId }, data: { ordError: error as unknown as Prisma.InputJsonValue } });
}

export type SyncOptions = {
  client?: OrdClient | null;
  clientOptions?: Partial<Omit<VkOrdOptions, "baseUrl" | "apiKey">>;
  /** Who asked (the transition and audit name them); null for a job without one. */
  userId?: string | null;
  /** Test hook: called after each step is recorded (a "kill" is an exception thrown here). */
  afterStep?: (step: OrdStep) => void | Promise<void>;
};

export async function syncPlacementOrd(db: TenantDb, tenantId: string, placementId: string, options: SyncOptions = {}): Promise<OrdSyncOutcome> {
  const data = await loadPlacementForOrd(db, placementId);
  if (data.placement.status !== "ready_to_label") return { outcome: "skipped", reason: "not_ready_to_label" };
  const now = () => new Date().toISOString();
  const client = options.client === undefined ? await ordClientFor(db, options.clientOptions) : options.client;
  if (!client) {
    const error: StoredOrdError = { code: "not_configured", issues: [], at: now() };
    await storeRefusal(db, placementId, error);
    return { outcome: "refused", error };
  }
  const steps = placementOrdSteps(tenantId, data);
  const invalid = validateSteps(steps);
  if (invalid.length) {
    const error: StoredOrdError = { code: "invalid_input", issues: invalid, at: now() };
    await storeRefusal(db, placementId, error);
    return { outcome: "refused", error };
  }

  let erid: string | null = null;
  for (const step of steps) {
    const payloadHash = hashOf(step.object);
    const where = { operator: client.operator, kind: step.kind, externalId: step.object.externalId };
    const known = await db.ordObject.findFirst({ where });
    if (known && known.payloadHash === payloadHash && (known.state === "sent" || known.state === "verified") && (step.kind !== "creative" || known.erid)) {
      if (step.kind === "creative") erid = known.erid;
      continue;
    }
    let exchange: OrdExchange;
    let stepErid: string | null = null;
    try {
      const done = await send(client, step);
      exchange = done.exchange;
      stepErid = done.erid ?? null;
    } catch (err) {
      if (!(err instanceof OrdError)) throw err;
      const error: StoredOrdError = { code: err.code, kind: step.kind, externalId: step.object.externalId, issues: err.issues, status: err.details.status, at: now() };
      await db.$transaction(async (tx) => {
        await tx.ordExchangeLog.create({ data: {
          tenantId, placementId, kind: step.kind, externalId: step.object.externalId, method: err.details.method ?? "PUT", path: err.details.path ?? "",
          status: err.details.status ?? null, attempts: err.details.attempts ?? 1, sent: step.object as unknown as Prisma.InputJsonValue,
          answered: { error: err.code, issues: err.issues } as unknown as Prisma.InputJsonValue, errorCode: err.code,
        } });
        await tx.ordObject.upsert({
          where: { tenantId_operator_kind_externalId: { tenantId, ...where } },
          create: { tenantId, ...where, localType: step.localType, localId: step.localId, state: "pending", lastError: error as unknown as Prisma.InputJsonValue },
          update: { lastError: error as unknown as Prisma.InputJsonValue },
        });
        await tx.placement.updateMany({ where: { id: placementId }, data: { ordError: error as unknown as Prisma.InputJsonValue } });
      });
      // Worth another try later: the job queue retries it (with its own backoff); the page says so meanwhile.
      if (err.retryable) throw err;
      return { outcome: "refused", error };
    }
    // The step's result, committed before the next step starts.
    await db.$transaction(async (tx) => {
      const object = await tx.ordObject.upsert({
        where: { tenantId_operator_kind_externalId: { tenantId, ...where } },
        create: { tenantId, ...where, localType: step.localType, localId: step.localId, payloadHash, erid: stepErid, state: "sent", syncedAt: new Date() },
        update: { payloadHash, erid: stepErid, state: "sent", syncedAt: new Date(), lastError: JSON_DB_NULL },
      });
      await tx.ordExchangeLog.create({ data: {
        tenantId, placementId, objectId: object.id, kind: step.kind, externalId: step.object.externalId, method: exchange.method, path: exchange.path,
        status: exchange.status, attempts: exchange.attempts, sent: (exchange.sent ?? {}) as Prisma.InputJsonValue, answered: (exchange.answered ?? null) as Prisma.InputJsonValue,
      } });
    });
    if (step.kind === "creative") erid = stepErid;
    await options.afterStep?.(step);
  }
  if (!erid) throw new Error("ОРД sync finished without an erid"); // the creative step always yields one

  // Labelled, once: only from "ready to label" (a concurrent move or an earlier run wins).
  await db.$transaction(async (tx) => {
    const { count } = await tx.placement.updateMany({
      where: { id: placementId, status: "ready_to_label" },
      data: { erid, status: "labelled", ordError: JSON_DB_NULL },
    });
    if (count === 0) return;
    await tx.placementTransition.create({ data: { tenantId, placementId, fromStatus: "ready_to_label", toStatus: "labelled", actorUserId: options.userId ?? null, note: null } });
    await auditIn(tx, { tenantId, userId: options.userId ?? null }, {
      action: "placement.erid_received", entityType: "Placement", entityId: placementId, data: { erid, operator: client.operator },
    });
  });
  // The link now redirects with the erid instead of refusing. Other servers hear it from the table's
  // NOTIFY trigger; this process (the embedded default runs the worker beside the redirect) is told here.
  const link = await db.placement.findFirst({ where: { id: placementId }, select: { trackedLink: { select: { code: true } } } });
  if (link?.trackedLink) invalidateTrackedLink(link.trackedLink.code);
  return { outcome: "labelled", erid };
}

async function send(client: OrdClient, step: OrdStep): Promise<{ exchange: OrdExchange; erid?: string }> {
  switch (step.kind) {
    case "person": return client.registerPerson(step.object);
    case "contract": return client.registerContract(step.object);
    case "pad": return client.registerPad(step.object);
    case "creative": return client.registerCreative(step.object);
  }
}
