import { randomBytes } from "node:crypto";
import type { Market, PartnerStatus, ProgramAccess } from "@/lib/db/generated/enums";
import { prisma } from "./db";

export const APP_URL = "http://app.test";

// Sign-in tokens are hashed with the Auth.js secret; tests use a fixed one.
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef0123456789";

export function uniqueEmail(prefix = "partner") {
  return `${prefix}-${randomBytes(4).toString("hex")}@partners.test`;
}

export function programIn(tenantId: string, options: { name?: string; access?: ProgramAccess; markets?: Market[]; archived?: boolean } = {}) {
  return prisma.program.create({
    data: {
      tenantId,
      name: options.name ?? "Warm Intros",
      markets: options.markets ?? ["US", "RU"],
      access: options.access ?? "invite_only",
      archivedAt: options.archived ? new Date() : null,
    },
  });
}

/** A partner row in any status, written directly (for lifecycle and isolation tests). */
export function partnerIn(tenantId: string, status: PartnerStatus, options: { email?: string; name?: string; locale?: string; market?: Market } = {}) {
  return prisma.partner.create({
    data: {
      tenantId,
      status,
      email: options.email ?? uniqueEmail(status),
      name: options.name ?? `Partner ${status}`,
      market: options.market ?? "US",
      preferredLocale: options.locale ?? "en",
    },
  });
}

/** The raw token at the end of an invite link. */
export function tokenOf(url: string): string {
  return url.split("/").pop()!;
}
