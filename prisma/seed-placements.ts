// Demo placements (issue 17): Дарья Козлова's won deal with Белый Лён — an earlier post already reported
// (its month's statistics sent to the ОРД), one published Telegram post with its erid whose impressions
// are entered but not sent, and one draft for the next month. The rules themselves need no seed: every tenant gets
// them from the database (migration 20261206185000_placements, twoway_install_platform_rules).
import type { Prisma } from "@/lib/db/generated/client";
import { statisticsDueOn } from "@/lib/kernel/statistics-deadline";
import { ordExternalId } from "@/lib/ord/external-id";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY);

export async function seedPlacements(tx: Tx, input: { tenantId: string; staff: Record<string, string>; brandId: string; creatorName: string; referralId: string }) {
  const { tenantId, staff } = input;
  const creator = await tx.creator.findFirstOrThrow({ where: { tenantId, name: input.creatorName }, include: { platforms: true } });
  const telegram = creator.platforms.find((p) => p.platform === "telegram")!;
  // Creator compliance (part 5): the channel's registry number and the creator's legal status.
  await tx.creatorPlatform.update({ where: { id: telegram.id }, data: { rknRegistryNumber: "4981234567" } });
  await tx.creator.update({ where: { id: creator.id }, data: { legalStatus: "self_employed" } });
  const base = {
    tenantId, referralId: input.referralId, brandId: input.brandId, creatorId: creator.id, creatorPlatformId: telegram.id, creatorName: creator.name,
    platform: "telegram", channel: "https://t.me/daria_kitchen", channelSubscribers: telegram.audienceSize, audienceMarket: "RU" as const,
    currency: "RUB", createdById: staff.manager,
  };
  const published = await tx.placement.create({
    data: {
      ...base, plannedOn: day(-10), status: "published", priceMinor: 6_000_000n, rknRegistryNumber: "4981234567", erid: "2VtzqwDemo01",
      creativeText: "Крем для рук «Белый Лён» — после готовки и мытья посуды. Промокод DARIA10 — минус 10 %.",
      mediaUrls: ["https://cdn.example/belyilen/hand-cream-1.jpg"], postUrl: "https://t.me/daria_kitchen/1204", publishedOn: day(-10),
      proofUrl: "https://cdn.example/belyilen/proof-1204.png", createdAt: day(-18),
    },
  });
  const steps = ["draft", "ready_to_label", "labelled", "approved_to_publish", "published"] as const;
  await tx.placementTransition.createMany({
    data: steps.map((to, i) => ({ tenantId, placementId: published.id, fromStatus: i === 0 ? null : steps[i - 1], toStatus: to, actorUserId: staff.manager, createdAt: day(-18 + i * 2) })),
  });
  await seedOrd(tx, { tenantId, brandId: input.brandId, creatorId: creator.id, placementId: published.id, erid: published.erid!, publishedOn: day(-10), createdAt: day(-14) });
  // The month's impressions entered, not yet sent to the ОРД (part 6: the report shows it as due).
  const published1st = new Date(Date.UTC(published.publishedOn!.getUTCFullYear(), published.publishedOn!.getUTCMonth(), 1));
  await tx.placementMonthStat.create({ data: { tenantId, placementId: published.id, month: published1st, impressions: 18_400, enteredById: staff.manager } });
  await seedReported(tx, { tenantId, base, manager: staff.manager });
  const draft = await tx.placement.create({
    data: {
      ...base, plannedOn: day(20), priceMinor: 6_000_000n,
      creativeText: "Подарочные наборы «Белый Лён» к Новому году: крем, бальзам и мыло ручной работы.", mediaUrls: [], createdAt: day(-2),
    },
  });
  await tx.placementTransition.create({ data: { tenantId, placementId: draft.id, fromStatus: null, toStatus: "draft", actorUserId: staff.manager, createdAt: day(-2) } });
}

/**
 * The ОРД side of the published post (issue 17, parts 3–4; docs/ord.md): the agency's legal details
 * (no key: the demo shows the file export and the typed erid), the advertiser's and creator's details,
 * the two contracts, the registered creative with one logged exchange, and the month's statistics.
 */
async function seedOrd(tx: Tx, o: { tenantId: string; brandId: string; creatorId: string; placementId: string; erid: string; publishedOn: Date; createdAt: Date }) {
  const { tenantId } = o;
  await tx.ordSettings.create({ data: { tenantId, agencyName: "ООО «Нордстар Агентство»", agencyLegalForm: "company", agencyInn: "7736207543", sandbox: true } });
  await tx.ordParty.createMany({ data: [
    { tenantId, localType: "brand", localId: o.brandId, legalForm: "company", name: "ООО «Белый Лён»", inn: "7707083893", kpp: "773601001" },
    { tenantId, localType: "creator", localId: o.creatorId, legalForm: "self_employed", name: "Козлова Дарья Андреевна", inn: "500100732259" },
  ] });
  await tx.ordContractRecord.createMany({ data: [
    { tenantId, placementId: o.placementId, kind: "initial", signedOn: new Date(o.createdAt.getTime() - 14 * DAY), serial: "БЛ-09/2026", subject: "org_distribution" },
    { tenantId, placementId: o.placementId, kind: "creator", signedOn: new Date(o.createdAt.getTime() - 7 * DAY), subject: "distribution", amountMinor: 6_000_000n },
  ] });
  const externalId = ordExternalId("creative", tenantId, o.placementId);
  const object = await tx.ordObject.create({ data: {
    tenantId, operator: "vk", kind: "creative", externalId, localType: "placement", localId: o.placementId, erid: o.erid, state: "verified", syncedAt: o.createdAt,
  } });
  await tx.ordExchangeLog.create({ data: {
    tenantId, placementId: o.placementId, objectId: object.id, kind: "creative", externalId, method: "PUT", path: `/v3/creative/${externalId}`, status: 201, attempts: 1,
    sent: { form: "text_block", kktus: ["30.15.1"], brand: "Белый Лён", pay_type: "other" }, answered: { erid: o.erid }, createdAt: o.createdAt,
  } });
  // No OrdStatisticsReport: the month's impressions are entered (PlacementMonthStat) but not sent —
  // the ord:statistics job writes that row when staff send them from the monthly report.
}

/**
 * An earlier post of the same deal, 75 days ago, taken to the end: labelled, published, its month's
 * impressions sent to the ОРД by the statistics job (OrdStatisticsReport "sent", the exchange logged,
 * the month marked sent) and so «Отчёт сдан».
 */
async function seedReported(tx: Tx, o: { tenantId: string; base: Omit<Prisma.PlacementUncheckedCreateInput, "plannedOn" | "creativeText" | "priceMinor">; manager: string }) {
  const { tenantId } = o;
  const publishedOn = day(-75);
  const sentAt = day(-40);
  const placement = await tx.placement.create({
    data: {
      ...o.base, plannedOn: publishedOn, status: "reported", priceMinor: 4_500_000n, rknRegistryNumber: "4981234567", erid: "2VtzqwDemo00",
      creativeText: "Бальзам для губ «Белый Лён» — осенний уход. Промокод DARIA10.", mediaUrls: [],
      postUrl: "https://t.me/daria_kitchen/1105", publishedOn, createdAt: day(-85),
    },
  });
  const steps = ["draft", "ready_to_label", "labelled", "approved_to_publish", "published"] as const;
  await tx.placementTransition.createMany({
    data: [
      ...steps.map((to, i) => ({ tenantId, placementId: placement.id, fromStatus: i === 0 ? null : steps[i - 1], toStatus: to, actorUserId: o.manager, createdAt: day(-85 + i * 2) })),
      { tenantId, placementId: placement.id, fromStatus: "published" as const, toStatus: "reported" as const, actorUserId: o.manager, createdAt: sentAt },
    ],
  });
  const creative = ordExternalId("creative", tenantId, placement.id);
  await tx.ordObject.create({ data: {
    tenantId, operator: "vk", kind: "creative", externalId: creative, localType: "placement", localId: placement.id, erid: placement.erid, state: "verified", syncedAt: day(-80),
  } });
  const month = new Date(Date.UTC(publishedOn.getUTCFullYear(), publishedOn.getUTCMonth(), 1));
  const ym = month.toISOString().slice(0, 7);
  const last = new Date(Date.UTC(publishedOn.getUTCFullYear(), publishedOn.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  await tx.placementMonthStat.create({ data: { tenantId, placementId: placement.id, month, impressions: 9_850, enteredById: o.manager, sentAt, sentById: o.manager } });
  const report = await tx.ordStatisticsReport.create({ data: {
    tenantId, placementId: placement.id, month, impressions: 9_850, clicks: 0, dueOn: new Date(`${statisticsDueOn(ym)}T00:00:00Z`), state: "sent", sentAt, createdAt: sentAt,
  } });
  const item = { creative_external_id: creative, pad_external_id: ordExternalId("pad", tenantId, `channel:${String(o.base.creatorPlatformId)}`), shows_count: 9_850, date_start_actual: publishedOn.toISOString().slice(0, 10), date_end_actual: last };
  await tx.ordExchangeLog.create({ data: {
    tenantId, placementId: placement.id, reportId: report.id, kind: "statistics", externalId: creative, method: "POST", path: "/v3/statistics", status: 200, attempts: 1,
    sent: { items: [item] }, answered: { external_ids: [`${creative}__${item.pad_external_id}__${item.date_start_actual}`] }, createdAt: sentAt,
  } });
}
