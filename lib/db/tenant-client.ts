// Be extremely careful editing this file: it is the wall between tenants.
// `tenantDb(tenantId)` returns a Prisma client whose every query on a tenant-owned model is
// forced into that tenant: `tenantId` is added to every `where` and every `data` it creates.
// Models that are not tenant-owned (users, auth tables) cannot be reached through it at all.
// Every operation also runs with the tenant in scope (tenant-scope.ts), which makes the pool run
// it as the database role twoway_app under row-level security: the second wall (docs/security.md).
import { prisma, type PrismaClient } from "./client";
import { usableReadClient } from "./read-client";
import { assertTenantId, runAsTenant } from "./tenant-scope";

export const tenantOwnedModels = new Set([
  "Membership",
  "StaffInvite",
  "Partner",
  "PartnerInvite",
  "Brand",
  "Creator",
  "CreatorPlatform",
  "Program",
  "ProgramPartner",
  "Referral",
  "ReferralSubjectKey",
  "ReferralTransition",
  "PartnerNotice",
  "StaffNotification",
  "AuditLog",
  "OutboxEmail",
  "Opportunity",
  "OptIn",
  "OpportunityInvitation",
  "TrackedLink",
  "Click",
  "ClickDaily",
  "FunnelDaily",
  "FunnelDailyProgram",
  "LtvDaily",
  "Customer",
  "ConversionEvent",
  "ApiKey",
  "FxRate",
  "CommissionRule",
  "Commission",
  "CommissionTransition",
  "PayoutMethod",
  "PayoutRun",
  "Payout",
  "PayoutItem",
  "StatementImport",
  "StatementLine",
  "TaxProfile",
  "SanctionsList",
  "SanctionsEntry",
  "Screening",
  "RiskRule",
  "RiskCase",
  "RiskHit",
  "PartnerVisitor",
  "WebhookEndpoint",
  "WebhookEvent",
  "WebhookDelivery",
  "WebhookAttempt",
  "Placement",
  "PlacementTransition",
  "OrdSettings",
  "OrdParty",
  "OrdContractRecord",
  "OrdObject",
  "OrdStatisticsReport",
  "OrdExchangeLog",
  "PlatformRule",
  "PromoCode",
  "Message",
  "MessageRecipient",
  "MessageReply",
  "PartnerGroup",
  "PartnerGroupMove",
  "PlacementMonthStat",
]);

const whereOps = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count",
  "aggregate", "groupBy", "update", "updateMany", "updateManyAndReturn", "delete", "deleteMany", "upsert",
]);

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

function scopeArgs(tenantId: string, operation: string, input: unknown): Args {
  const args: Args = { ...((input as Args) ?? {}) };
  if (whereOps.has(operation)) args.where = { ...(args.where ?? {}), tenantId };
  if (operation === "create") args.data = { ...(args.data as object), tenantId };
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const rows = Array.isArray(args.data) ? args.data : [args.data];
    args.data = rows.map((row) => ({ ...(row as object), tenantId }));
  }
  if (operation === "upsert") args.create = { ...(args.create ?? {}), tenantId };
  return args;
}

export function tenantDb(tenantId: string) {
  return scopedTo(prisma, tenantId);
}

/**
 * The same tenant-scoped client on the read replica (DATABASE_READ_URL, read-client.ts): for reports
 * that may be a few seconds behind (docs/operations.md, "Read replica"). Without a replica, or while
 * it is unusable, it is `tenantDb(tenantId)`. Read-only on the replica: a write through it fails.
 */
export function tenantReadDb(tenantId: string): TenantDb {
  const replica = usableReadClient();
  return replica ? scopedTo(replica, tenantId) : tenantDb(tenantId);
}

function scopedTo(base: PrismaClient, tenantId: string) {
  if (!tenantId) throw new Error("tenantDb needs a tenant id");
  assertTenantId(tenantId);
  // Second wall (docs/security.md): every operation — model queries and raw SQL alike — runs with the
  // tenant in scope, so the pool (client.ts) runs it as twoway_app with app.tenant_id set and
  // Postgres row-level security hides other tenants' rows even if a filter is missing.
  // `await` INSIDE the scope: Prisma promises are lazy and start on `.then`.
  const scoped = <T>(run: () => Promise<T>): Promise<T> => runAsTenant(tenantId, async () => await run());
  return base.$extends({
    name: "tenant-scope",
    query: {
      // Top-level $allOperations: model operations and the raw ones ($queryRaw, $executeRaw,
      // $queryRawUnsafe, $executeRawUnsafe, $queryRawTyped), which arrive with no model.
      async $allOperations({ model, operation, args, query }) {
        if (model === undefined) return scoped(() => query(args));
        if (model === "Tenant" && (operation === "findUnique" || operation === "findUniqueOrThrow")) {
          return scoped(() => query({ ...(args as Args), where: { id: tenantId } } as typeof args));
        }
        if (model === "Tenant" && operation === "update") {
          return scoped(() => query({ ...(args as Args), where: { id: tenantId } } as typeof args));
        }
        if (!tenantOwnedModels.has(model)) {
          throw new Error(`${model}.${operation} is not reachable through the tenant-scoped client`);
        }
        return scoped(() => query(scopeArgs(tenantId, operation, args) as typeof args));
      },
    },
  });
}

export type TenantDb = ReturnType<typeof tenantDb>;

/** The tenant-scoped client inside `ctx.db.$transaction(async (tx) => …)`. */
export type TenantTx = Parameters<Extract<Parameters<TenantDb["$transaction"]>[0], (...args: never[]) => unknown>>[0];
