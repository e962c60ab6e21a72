import { randomBytes } from "node:crypto";
import type { Market, ProgramMode } from "@/lib/db/generated/enums";
import { resolvePartnerContext, type PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantFixture } from "./db";
import { prisma } from "./db";

/** An active partner with a portal login, and their PartnerContext as the portal guard makes it. */
export async function partnerWithContext(
  fixture: TenantFixture,
  options: { name?: string; market?: Market; locale?: "en" | "ru" } = {},
): Promise<{ partnerId: string; userId: string; email: string; ctx: PartnerContext }> {
  const suffix = randomBytes(4).toString("hex");
  const email = `partner-${suffix}@partners.test`;
  const user = await prisma.user.create({ data: { email, name: options.name ?? `Partner ${suffix}`, locale: options.locale ?? "en" } });
  const partner = await prisma.partner.create({
    data: {
      tenantId: fixture.tenantId, userId: user.id, email, name: options.name ?? `Partner ${suffix}`,
      market: options.market ?? "US", preferredLocale: options.locale ?? "en", status: "active",
    },
  });
  const ctx = await resolvePartnerContext(user.id, fixture.slug);
  if (!ctx) throw new Error("partner has no context");
  return { partnerId: partner.id, userId: user.id, email, ctx };
}

/** A program with these partners enrolled. */
export async function programWith(
  fixture: TenantFixture,
  partnerIds: string[],
  options: { markets?: Market[]; mode?: ProgramMode; protectionWindowDays?: number; archived?: boolean; name?: string } = {},
) {
  const program = await prisma.program.create({
    data: {
      tenantId: fixture.tenantId, name: options.name ?? "Warm intros", markets: options.markets ?? ["US", "RU"],
      mode: options.mode ?? "direct", protectionWindowDays: options.protectionWindowDays ?? 90,
      archivedAt: options.archived ? new Date() : null,
    },
  });
  if (partnerIds.length) {
    await prisma.programPartner.createMany({ data: partnerIds.map((partnerId) => ({ tenantId: fixture.tenantId, programId: program.id, partnerId })) });
  }
  return program;
}
