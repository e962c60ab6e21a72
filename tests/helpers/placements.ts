import type { Market, ReferralStatus } from "@/lib/db/generated/enums";
import { createPlacementForm } from "@/lib/placements/schemas";
import type { TenantFixture } from "./db";
import { prisma } from "./db";
import { partnerWithContext, programWith } from "./partner-context";

/**
 * A tenant's deal ready for placements: a brand (the advertiser), a creator with Telegram (25 000
 * subscribers) and Instagram channels, and a creator referral from a partner in `status` (won by default).
 */
export async function creatorDeal(fixture: TenantFixture, status: ReferralStatus = "won") {
  const partner = await partnerWithContext(fixture, { name: "Екатерина Иванова", market: "RU", locale: "ru" });
  const program = await programWith(fixture, [partner.partnerId]);
  const brand = await prisma.brand.create({ data: { tenantId: fixture.tenantId, name: "Белый лён", market: "RU" } });
  const creator = await prisma.creator.create({
    data: {
      tenantId: fixture.tenantId, name: "Анна Блогер", market: "RU",
      platforms: { create: [
        { tenantId: fixture.tenantId, platform: "telegram", handle: "@anna_blog", handleNormalized: "anna_blog", audienceSize: 25_000 },
        { tenantId: fixture.tenantId, platform: "instagram", handle: "@anna.insta", handleNormalized: "anna.insta", audienceSize: 8_000 },
      ] },
    },
  });
  const referral = await prisma.referral.create({
    data: {
      tenantId: fixture.tenantId, programId: program.id, partnerId: partner.partnerId, kind: "creator", subjectName: "Анна Блогер",
      sourceMarket: "RU", targetMarket: "RU", status, creatorId: creator.id, submittedAt: new Date(), closedAt: status === "won" ? new Date() : null,
    },
  });
  return { partner, program, brand, creator, referral };
}

/** The create form's fields for a placement of this deal (strings, as the form sends them). */
export function placementForm(deal: { brand: { id: string }; referral: { id: string } }, overrides: Record<string, string> = {}) {
  return createPlacementForm.parse({
    referralId: deal.referral.id, brandId: deal.brand.id, platform: "telegram", channel: "https://t.me/anna_blog",
    audienceMarket: "RU" satisfies Market, plannedOn: "2026-12-20", creativeText: "Лён, который дышит.", mediaUrls: "https://cdn.example/1.jpg",
    price: "45 000", currency: "RUB", ...overrides,
  });
}
