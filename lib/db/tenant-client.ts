// Be extremely careful editing this file: it is the wall between tenants.
// `tenantDb(tenantId)` returns a Prisma client whose every query on a tenant-owned model is
// forced into that tenant: `tenantId` is added to every `where` and every `data` it creates.
// Models that are not tenant-owned (users, auth tables) cannot be reached through it at all.
import { prisma } from "./client";

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
  if (!tenantId) throw new Error("tenantDb needs a tenant id");
  return prisma.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (model === "Tenant" && (operation === "findUnique" || operation === "findUniqueOrThrow")) {
            return query({ ...(args as Args), where: { id: tenantId } } as typeof args);
          }
          if (model === "Tenant" && operation === "update") {
            return query({ ...(args as Args), where: { id: tenantId } } as typeof args);
          }
          if (!tenantOwnedModels.has(model)) {
            throw new Error(`${model}.${operation} is not reachable through the tenant-scoped client`);
          }
          return query(scopeArgs(tenantId, operation, args) as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof tenantDb>;

/** The tenant-scoped client inside `ctx.db.$transaction(async (tx) => …)`. */
export type TenantTx = Parameters<Extract<Parameters<TenantDb["$transaction"]>[0], (...args: never[]) => unknown>>[0];
