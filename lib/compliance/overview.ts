// Read models of the staff compliance page. Nothing here returns a TIN: only whether one is on file.
import { SELF_EMPLOYED_CHECK_MAX_AGE_DAYS } from "@/lib/compliance/gate";
import type { ScreeningStatus } from "@/lib/db/generated/enums";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { npdUsageFor, type NpdUsage } from "./npd";
import type { ScreeningMatch } from "./screen";
import { w8benExpired, w8benExpiresOn, type TaxFormCode } from "./tax-schemas";

const DAY_MS = 86_400_000;

async function staffNames(ctx: TenantContext, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const members = await ctx.db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, user: { select: { name: true, email: true } } } });
  return new Map(members.map((m) => [m.userId, m.user.name || m.user.email]));
}

export async function latestSanctionsList(ctx: TenantContext) {
  assertCan(ctx, "payouts:read");
  const list = await ctx.db.sanctionsList.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true, source: true, fileName: true, entryCount: true, createdAt: true, importedById: true } });
  if (!list) return null;
  const names = await staffNames(ctx, [list.importedById]);
  return { ...list, importedBy: list.importedById ? (names.get(list.importedById) ?? null) : null };
}

export type ScreeningRow = {
  partnerId: string;
  partnerName: string;
  screeningId: string | null;
  status: ScreeningStatus | "unscreened";
  reason: string | null;
  matches: ScreeningMatch[];
  screenedAt: Date | null;
  reviewedBy: string | null;
  note: string | null;
  /** Screened before the latest list was imported: the payout gate treats it as unscreened. */
  outdated: boolean;
};

const statusOrder: Record<ScreeningRow["status"], number> = { blocked: 0, possible_match: 1, unscreened: 2, clear: 3 };

/** The latest screening of every active partner (and the partners never screened), most urgent first. */
export async function screeningRows(ctx: TenantContext): Promise<ScreeningRow[]> {
  assertCan(ctx, "payouts:read");
  const [partners, list] = await Promise.all([
    ctx.db.partner.findMany({ where: { status: "active" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.sanctionsList.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  const screenings = await ctx.db.screening.findMany({
    where: { partnerId: { in: partners.map((p) => p.id) } },
    orderBy: [{ partnerId: "asc" }, { createdAt: "desc" }],
    distinct: ["partnerId"],
  });
  const reviewIds = screenings.filter((s) => s.reason === "false_positive" || s.reason === "staff_blocked").map((s) => s.id);
  const [names, notes] = await Promise.all([
    staffNames(ctx, screenings.map((s) => (s.reason === "false_positive" || s.reason === "staff_blocked" ? s.screenedById : null))),
    reviewIds.length
      ? ctx.db.auditLog.findMany({ where: { entityType: "Screening", entityId: { in: reviewIds } }, select: { entityId: true, data: true } })
      : Promise.resolve([]),
  ]);
  const noteBy = new Map(notes.map((n) => [n.entityId, n.data && typeof n.data === "object" && "note" in n.data ? String(n.data.note) : null]));
  const byPartner = new Map(screenings.map((s) => [s.partnerId, s]));
  const rows = partners.map((p): ScreeningRow => {
    const s = byPartner.get(p.id);
    if (!s) return { partnerId: p.id, partnerName: p.name, screeningId: null, status: "unscreened", reason: null, matches: [], screenedAt: null, reviewedBy: null, note: null, outdated: false };
    const reviewed = s.reason === "false_positive" || s.reason === "staff_blocked";
    return {
      partnerId: p.id, partnerName: p.name, screeningId: s.id, status: s.status, reason: s.reason,
      matches: Array.isArray(s.matches) ? (s.matches as ScreeningMatch[]) : [],
      screenedAt: s.createdAt, reviewedBy: reviewed && s.screenedById ? (names.get(s.screenedById) ?? null) : null,
      note: noteBy.get(s.id) ?? null, outdated: !list || s.createdAt < list.createdAt,
    };
  });
  return rows.sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.partnerName.localeCompare(b.partnerName));
}

export type TaxProfileRow = {
  partnerId: string;
  partnerName: string;
  form: TaxFormCode;
  country: string | null;
  tinOnFile: boolean;
  w8benSignedOn: Date | null;
  w8benExpiresOn: Date | null;
  w8benExpired: boolean;
  selfEmployedCheckedOn: Date | null;
  /** Self-employed status not checked within the gate's window: payouts are held. */
  selfEmployedStale: boolean;
  npd: NpdUsage | null;
};

/** Every tax profile of the tenant for staff: status flags only, never the TIN itself. */
export async function taxProfileRows(ctx: TenantContext, now = new Date()): Promise<TaxProfileRow[]> {
  assertCan(ctx, "payouts:read");
  const profiles = await ctx.db.taxProfile.findMany({
    select: { partnerId: true, form: true, country: true, tinLast4: true, w8benSignedOn: true, selfEmployedCheckedOn: true, partner: { select: { name: true } } },
    orderBy: { partner: { name: "asc" } },
  });
  const npd = await npdUsageFor(ctx.db, profiles.filter((p) => p.form === "ru_self_employed").map((p) => p.partnerId), now.getUTCFullYear());
  return profiles.map((p) => ({
    partnerId: p.partnerId,
    partnerName: p.partner.name,
    form: p.form,
    country: p.country,
    tinOnFile: !!p.tinLast4,
    w8benSignedOn: p.w8benSignedOn,
    w8benExpiresOn: p.w8benSignedOn ? w8benExpiresOn(p.w8benSignedOn) : null,
    w8benExpired: p.form === "foreign_w8ben" && (!p.w8benSignedOn || w8benExpired(p.w8benSignedOn, now)),
    selfEmployedCheckedOn: p.selfEmployedCheckedOn,
    selfEmployedStale: p.form === "ru_self_employed" && (!p.selfEmployedCheckedOn || now.getTime() - p.selfEmployedCheckedOn.getTime() > SELF_EMPLOYED_CHECK_MAX_AGE_DAYS * DAY_MS),
    npd: npd.get(p.partnerId) ?? null,
  }));
}

export type MissingDetailsRow = {
  partnerId: string;
  partnerName: string;
  taxProfileMissing: boolean;
  payoutMethodMissing: boolean;
  /** Payouts already created `held` for this partner. */
  heldPayouts: number;
  /** Commissions not yet paid (pending or approved), net per currency, positive balances only. */
  unpaid: { currency: string; amountMinor: bigint }[];
};

/**
 * Active partners without a tax profile or a payout method — what the payout gate holds a payout for
 * (gate.ts: tax_profile_missing, payout_method_missing) — listed before a run holds them: those with
 * a held payout first, then those with unpaid commissions (the next run would hold them), then the rest.
 */
export async function partnersMissingPayoutDetails(ctx: TenantContext): Promise<MissingDetailsRow[]> {
  assertCan(ctx, "payouts:read");
  const partners = await ctx.db.partner.findMany({
    where: { status: "active", OR: [{ taxProfile: { is: null } }, { payoutMethod: { is: null } }] },
    select: { id: true, name: true, taxProfile: { select: { partnerId: true } }, payoutMethod: { select: { partnerId: true } } },
    orderBy: { name: "asc" },
  });
  if (partners.length === 0) return [];
  const ids = partners.map((p) => p.id);
  const [held, unpaid] = await Promise.all([
    ctx.db.payout.groupBy({ by: ["partnerId"], where: { partnerId: { in: ids }, status: "held" }, _count: { _all: true } }),
    ctx.db.commission.groupBy({ by: ["partnerId", "currency"], where: { partnerId: { in: ids }, status: { in: ["pending", "approved"] } }, _sum: { amountMinor: true } }),
  ]);
  const heldBy = new Map(held.map((h) => [h.partnerId, h._count._all]));
  const unpaidBy = new Map<string, MissingDetailsRow["unpaid"]>();
  for (const u of unpaid) {
    const amountMinor = u._sum.amountMinor ?? 0n;
    if (amountMinor <= 0n) continue;
    unpaidBy.set(u.partnerId, [...(unpaidBy.get(u.partnerId) ?? []), { currency: u.currency, amountMinor }]);
  }
  const rows = partners.map((p): MissingDetailsRow => ({
    partnerId: p.id,
    partnerName: p.name,
    taxProfileMissing: !p.taxProfile,
    payoutMethodMissing: !p.payoutMethod,
    heldPayouts: heldBy.get(p.id) ?? 0,
    unpaid: (unpaidBy.get(p.id) ?? []).sort((a, b) => a.currency.localeCompare(b.currency)),
  }));
  const rank = (r: MissingDetailsRow) => (r.heldPayouts > 0 ? 0 : r.unpaid.length > 0 ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.partnerName.localeCompare(b.partnerName));
}
