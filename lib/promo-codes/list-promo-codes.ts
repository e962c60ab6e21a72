import { assertCan } from "@/lib/auth/permissions";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantDb } from "@/lib/db/tenant-client";

export type PromoCodeRow = {
  id: string;
  code: string;
  programName: string;
  active: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
  /** Conversion events this code credited. */
  uses: number;
};

async function listFor(db: TenantDb, partnerId: string): Promise<PromoCodeRow[]> {
  const rows = await db.promoCode.findMany({
    where: { partnerId },
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, code: true, createdAt: true, deactivatedAt: true, program: { select: { name: true } }, _count: { select: { events: true } } },
  });
  return rows.map((r) => ({
    id: r.id, code: r.code, programName: r.program.name, active: r.deactivatedAt === null,
    createdAt: r.createdAt, deactivatedAt: r.deactivatedAt, uses: r._count.events,
  }));
}

/** One partner's codes, for staff (active first, newest first). */
export function listPartnerPromoCodes(ctx: TenantContext, partnerId: string) {
  assertCan(ctx, "partners:read");
  return listFor(ctx.db, partnerId);
}

/** The signed-in partner's own codes (the portal). */
export function listOwnPromoCodes(ctx: PartnerContext) {
  return listFor(ctx.db, ctx.partnerId);
}
