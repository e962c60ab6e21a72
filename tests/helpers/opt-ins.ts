import { randomBytes } from "node:crypto";
import type { Market, OpportunitySide, OpportunityStatus, ReferralKind } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { prisma } from "./db";

/** An opportunity written through the tenant-scoped client: "RU brand seeks US creators on TikTok or Instagram" unless told otherwise. */
export function opportunityIn(ctx: TenantContext, programId: string, options: {
  side?: OpportunitySide; sourceMarket?: Market; targetMarket?: Market; status?: OpportunityStatus; platforms?: string[]; niches?: string[];
  audienceMin?: number | null; audienceMax?: number | null; titleEn?: string | null; titleRu?: string | null;
} = {}) {
  return ctx.db.opportunity.create({
    data: {
      tenantId: ctx.tenantId, programId, side: options.side ?? "brand_seeks_creators", sourceMarket: options.sourceMarket ?? "RU", targetMarket: options.targetMarket ?? "US",
      platforms: options.platforms ?? ["tiktok", "instagram"], niches: options.niches ?? ["beauty", "skincare"],
      audienceMin: options.audienceMin === undefined ? 10_000 : options.audienceMin, audienceMax: options.audienceMax === undefined ? 100_000 : options.audienceMax,
      status: options.status ?? "open", slots: 5,
      titleEn: options.titleEn === undefined ? "RU skincare brand seeks US beauty creators" : options.titleEn,
      titleRu: options.titleRu === undefined ? "Российский бренд косметики ищет авторов из США" : options.titleRu,
    },
  });
}

export type OptInSpec = {
  kind?: ReferralKind; name?: string; market?: Market; country?: string | null; website?: string | null;
  platforms?: { platform: string; handle: string; audienceSize: number }[]; contactName?: string | null; contactEmail?: string;
  pitch?: string | null; locale?: "en" | "ru"; partnerId?: string | null;
};

/** An opt-in as the public board stores it (platforms with their normalised handle, a consent record). */
export function optInFor(tenantId: string, opportunityId: string, spec: OptInSpec = {}) {
  const suffix = randomBytes(3).toString("hex");
  const platforms = spec.platforms ?? [{ platform: "tiktok", handle: `@creator_${suffix}`, audienceSize: 45_000 }];
  return prisma.optIn.create({
    data: {
      tenantId, opportunityId, kind: spec.kind ?? "creator", name: spec.name ?? `Creator ${suffix}`, market: spec.market ?? "US", country: spec.country ?? "US",
      website: spec.website ?? null, platforms: platforms.map((p) => ({ ...p, handleNormalized: p.handle.replace(/^@/, "").toLowerCase() })),
      contactName: spec.contactName ?? null, contactEmail: spec.contactEmail ?? `applicant-${suffix}@mail.test`, pitch: spec.pitch ?? "Beauty reviews for US teens.",
      locale: spec.locale ?? "en", partnerId: spec.partnerId ?? null,
      consentVersion: "board-consent-2026-11", consentText: "I agree that the agency stores and processes my details.", consentedAt: new Date("2026-11-02T10:30:00Z"),
    },
  });
}

/** The e-mails stored for one address, oldest first. */
export function mailTo(to: string) {
  return prisma.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}
