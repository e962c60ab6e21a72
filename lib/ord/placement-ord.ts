// Staff operations on a placement's ОРД side: its legal details (advertiser, creator, the two
// contracts), "Get erid" (queues ord:sync) and the exchange log. Each under the tenant guard.
import { JSON_DB_NULL } from "@/lib/db/json-null";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { enqueueJob } from "@/lib/jobs/queue";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { isMonth, localMonth } from "@/lib/placements/month";
import { monthReportRows } from "@/lib/placements/month-report";
import { statisticsItem } from "./send-statistics";
import { creatorPartyKey, loadPlacementForOrd, placementOrdSteps } from "./placement-bundle";
import type { OrdDetailsInput, OrdPartyInput } from "./settings-schemas";
import { ordExportFiles } from "./export";
import type { OrdBundle } from "./schemas";

export const ORD_SYNC_TASK = "ord:sync";
export const ORD_STATISTICS_TASK = "ord:statistics";

const partyData = (p: OrdPartyInput, fallbackName: string) => ({
  legalForm: p.legalForm ?? "company", name: p.name ?? fallbackName, inn: p.inn, kpp: p.kpp, ogrn: p.ogrn, phone: p.phone,
  foreignRegistrationNumber: p.foreignRegistrationNumber, foreignCountryCode: p.foreignCountryCode,
});

/** Saves the advertiser's and the creator's legal details and the two contracts' dates and numbers. */
export async function saveOrdDetails(ctx: TenantContext, placementId: string, input: OrdDetailsInput) {
  assertCan(ctx, "referrals:write");
  return ctx.db.$transaction(async (tx) => {
    const p = await tx.placement.findFirst({ where: { id: placementId }, include: { brand: { select: { name: true } } } });
    if (!p) throw new NotFoundError();
    if (!["draft", "ready_to_label"].includes(p.status)) throw new DomainError("placement_compliance_frozen");
    const brand = partyData(input.brand, p.brand.name);
    const creator = partyData(input.creator, p.creatorName);
    await tx.ordParty.upsert({ where: { tenantId_localType_localId: { tenantId: ctx.tenantId, localType: "brand", localId: p.brandId } }, create: { tenantId: ctx.tenantId, localType: "brand", localId: p.brandId, ...brand }, update: brand });
    const creatorKey = creatorPartyKey(p);
    await tx.ordParty.upsert({ where: { tenantId_localType_localId: { tenantId: ctx.tenantId, localType: "creator", localId: creatorKey } }, create: { tenantId: ctx.tenantId, localType: "creator", localId: creatorKey, ...creator }, update: creator });
    for (const [kind, signedOn, serial, subject] of [
      ["initial", input.initialSignedOn, input.initialSerial, "org_distribution"],
      ["creator", input.creatorSignedOn, input.creatorSerial, "distribution"],
    ] as const) {
      if (!signedOn) {
        await tx.ordContractRecord.deleteMany({ where: { placementId, kind } });
        continue;
      }
      const data = { signedOn, serial, subject };
      await tx.ordContractRecord.upsert({ where: { tenantId_placementId_kind: { tenantId: ctx.tenantId, placementId, kind } }, create: { tenantId: ctx.tenantId, placementId, kind, ...data }, update: data });
    }
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "placement.ord_details_updated", entityType: "Placement", entityId: placementId,
      data: { brandInn: brand.inn, creatorInn: creator.inn, initialSignedOn: input.initialSignedOn?.toISOString().slice(0, 10) ?? null, creatorSignedOn: input.creatorSignedOn?.toISOString().slice(0, 10) ?? null },
    });
  });
}

/** The saved details, for the form's defaults. */
export async function getOrdDetails(ctx: TenantContext, placementId: string) {
  assertCan(ctx, "referrals:read");
  const data = await loadPlacementForOrd(ctx.db, placementId);
  return { brand: data.brandParty, creator: data.creatorParty, contracts: data.placement.ordContracts, settings: data.settings };
}

/**
 * "Get erid": only for a placement in "ready to label" of an agency with a key. Clears the last
 * refusal and queues ord:sync (one waiting job per placement; one ОРД queue per agency, so two jobs
 * of one agency never interleave their steps).
 */
export async function requestErid(ctx: TenantContext, placementId: string) {
  assertCan(ctx, "referrals:write");
  const p = await ctx.db.placement.findFirst({ where: { id: placementId }, select: { status: true } });
  if (!p) throw new NotFoundError();
  if (p.status !== "ready_to_label") throw new DomainError("ord_not_ready_to_label");
  const settings = await ctx.db.ordSettings.findFirst({ select: { apiKeyLast4: true } });
  if (!settings?.apiKeyLast4) throw new DomainError("ord_not_configured");
  await ctx.db.placement.updateMany({ where: { id: placementId }, data: { ordRequestedAt: new Date(), ordError: JSON_DB_NULL } });
  await enqueueJob(ORD_SYNC_TASK, { tenantId: ctx.tenantId, placementId, userId: ctx.userId }, { jobKey: `ord-sync:${placementId}`, maxAttempts: 8, queueName: `ord:${ctx.tenantId}` });
}

/**
 * "Send statistics to the ОРД" for a month that has ended in the agency's calendar: queues
 * ord:statistics (one waiting job per agency and month, on the agency's ОРД queue, so it never
 * interleaves with an ord:sync of the same agency).
 */
export async function requestStatisticsSend(ctx: TenantContext, month: string, now = new Date()) {
  assertCan(ctx, "referrals:write");
  if (month >= localMonth(now, ctx.timeZone)) throw new DomainError("ord_statistics_month_open");
  const settings = await ctx.db.ordSettings.findFirst({ select: { apiKeyLast4: true } });
  if (!settings?.apiKeyLast4) throw new DomainError("ord_not_configured");
  await enqueueJob(ORD_STATISTICS_TASK, { tenantId: ctx.tenantId, month, userId: ctx.userId }, { jobKey: `ord-statistics:${ctx.tenantId}:${month}`, maxAttempts: 8, queueName: `ord:${ctx.tenantId}` });
}

/** Every request and answer for a placement, oldest first. */
export async function listOrdExchanges(ctx: TenantContext, placementId: string) {
  assertCan(ctx, "referrals:read");
  const p = await ctx.db.placement.findFirst({ where: { id: placementId }, select: { id: true, brand: { select: { name: true } }, creatorName: true } });
  if (!p) throw new NotFoundError();
  const rows = await ctx.db.ordExchangeLog.findMany({ where: { placementId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { placement: p, rows };
}

/** The same objects as a file for a manual upload (no key): JSON with each VK request. */
export async function placementOrdExport(ctx: TenantContext, placementId: string) {
  assertCan(ctx, "referrals:read");
  const data = await loadPlacementForOrd(ctx.db, placementId);
  const steps = placementOrdSteps(ctx.tenantId, data);
  const bundle: OrdBundle = {
    persons: steps.flatMap((s) => (s.kind === "person" ? [s.object] : [])),
    contracts: steps.flatMap((s) => (s.kind === "contract" ? [s.object] : [])),
    pads: steps.flatMap((s) => (s.kind === "pad" ? [s.object] : [])),
    creatives: steps.flatMap((s) => (s.kind === "creative" ? [s.object] : [])),
  };
  return ordExportFiles(bundle, "json")[0]!;
}

/**
 * A month's statistics as a file for a manual upload (no key): the items ord:statistics would send —
 * the due placements with impressions entered. Empty when nothing is ready; never marks anything sent
 * (staff tick "sent" on the placement after uploading).
 */
export async function monthStatisticsExport(ctx: TenantContext, month: string) {
  assertCan(ctx, "referrals:read");
  if (!isMonth(month)) throw new DomainError("month_invalid");
  const rows = (await monthReportRows(ctx.db, ctx.tenantId, month)).filter((r) => r.statsDue && r.impressions !== null);
  const platforms = new Map((await ctx.db.placement.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, creatorPlatformId: true } })).map((p) => [p.id, p.creatorPlatformId]));
  const bundle: OrdBundle = { statistics: rows.map((r) => statisticsItem(ctx.tenantId, month, r, platforms.get(r.id) ?? null)) };
  const file = ordExportFiles(bundle, "json")[0]!;
  return { ...file, count: rows.length };
}
