// The tenant's minimum net payout per currency (minor units). A partner whose net balance in a
// currency is below it waits for a later run; the setting is data the agency edits.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";

type Db = TenantDb | TenantTx;

/** The stored JSON read defensively: only 3-letter codes with non-negative integer values count. */
export function parseMinimums(json: unknown): Map<string, bigint> {
  const out = new Map<string, bigint>();
  if (!json || typeof json !== "object" || Array.isArray(json)) return out;
  for (const [currency, value] of Object.entries(json as Record<string, unknown>)) {
    if (!/^[A-Z]{3}$/.test(currency)) continue;
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) out.set(currency, BigInt(value));
    else if (typeof value === "string" && /^\d+$/.test(value)) out.set(currency, BigInt(value));
  }
  return out;
}

export async function readPayoutMinimums(db: Db): Promise<Map<string, bigint>> {
  // The tenant-scoped client pins Tenant.findUnique to the caller's own tenant.
  const tenant = await db.tenant.findUnique({ where: { id: "" }, select: { payoutMinimums: true } });
  return parseMinimums(tenant?.payoutMinimums);
}

/** Replaces the minimums. Values are minor units; stored as numbers (JSON has no bigint). */
export async function updatePayoutMinimums(ctx: TenantContext, minimums: Map<string, bigint>) {
  assertCan(ctx, "payouts:manage");
  const json: Record<string, number> = {};
  for (const [currency, minor] of [...minimums].sort(([a], [b]) => a.localeCompare(b))) json[currency] = Number(minor);
  await ctx.db.tenant.update({ where: { id: ctx.tenantId }, data: { payoutMinimums: json } });
  await recordAudit(ctx, { action: "payouts.minimums_updated", entityType: "Tenant", entityId: ctx.tenantId, data: json });
}
