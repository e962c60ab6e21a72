// Demo placements (issue 17): Дарья Козлова's won deal with Белый Лён — one published Telegram post
// with its erid and one draft for the next month. The rules themselves need no seed: every tenant gets
// them from the database (migration 20261206185000_placements, twoway_install_platform_rules).
import type { Prisma } from "@/lib/db/generated/client";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY);

export async function seedPlacements(tx: Tx, input: { tenantId: string; staff: Record<string, string>; brandId: string; creatorName: string; referralId: string }) {
  const { tenantId, staff } = input;
  const creator = await tx.creator.findFirstOrThrow({ where: { tenantId, name: input.creatorName }, include: { platforms: true } });
  const telegram = creator.platforms.find((p) => p.platform === "telegram")!;
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
  const draft = await tx.placement.create({
    data: {
      ...base, plannedOn: day(20), priceMinor: 6_000_000n,
      creativeText: "Подарочные наборы «Белый Лён» к Новому году: крем, бальзам и мыло ручной работы.", mediaUrls: [], createdAt: day(-2),
    },
  });
  await tx.placementTransition.create({ data: { tenantId, placementId: draft.id, fromStatus: null, toStatus: "draft", actorUserId: staff.manager, createdAt: day(-2) } });
}
