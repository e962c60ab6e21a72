// Demo placements (issue 17): Дарья Козлова's won deal with Белый Лён — one published Telegram post
// with its erid and one draft for the next month. The rules themselves need no seed: every tenant gets
// them from the database (migration 20261206185000_placements, twoway_install_platform_rules).
import type { Prisma } from "@/lib/db/generated/client";
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
