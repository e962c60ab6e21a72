import { auditIn, type AuditActor } from "@/lib/audit/record-audit";
import type { Market, ReferralKind } from "@/lib/db/generated/enums";
import type { TenantTx } from "@/lib/db/tenant-client";
import { normalizeWebsite } from "@/lib/directory/normalize";
import { handleIdentity, websiteIdentity } from "@/lib/referrals/subject-keys";
import { storedOptInPlatforms } from "./codes";

export type OptInPlatform = { platform: string; handle: string; audienceSize: number };

/**
 * OptIn.platforms as the directory can take them: a usable handle, one account per platform (a
 * creator has one row per platform), audience never negative.
 */
export function optInPlatforms(value: unknown): OptInPlatform[] {
  const rows: OptInPlatform[] = [];
  for (const row of storedOptInPlatforms(value)) {
    if (!handleIdentity(row.handle) || rows.some((r) => r.platform === row.platform)) continue;
    rows.push({ platform: row.platform, handle: row.handle, audienceSize: Math.max(0, row.audienceSize) });
  }
  return rows;
}

/** The applicant as the directory needs them. */
export type Applicant = {
  id: string;
  kind: ReferralKind;
  name: string;
  market: Market;
  country: string | null;
  website: string | null;
  platforms: OptInPlatform[];
  contactName: string | null;
  contactEmail: string;
  locale: string;
};

export type DirectoryLink = { brandId: string; creatorId?: undefined; created: boolean } | { creatorId: string; brandId?: undefined; created: boolean };

function safeNormalizeWebsite(raw: string | null): string | null {
  if (!raw) return null;
  try {
    return normalizeWebsite(raw.trim());
  } catch {
    return null;
  }
}

// Clients first, then live records, then the oldest: the record staff most likely mean.
const preferred = [{ isClient: "desc" as const }, { archivedAt: { sort: "desc" as const, nulls: "first" as const } }, { createdAt: "asc" as const }];

/**
 * Finds the applicant in the directory — a brand by its website or contact e-mail, a creator by a
 * platform handle or contact e-mail, normalised exactly as the duplicate check normalises them —
 * or creates them with their own market. A found record keeps what staff wrote; only empty fields
 * and missing platforms are filled in, and an archived record is restored (they are back in
 * business with the agency). The caller holds the subject-key locks, so two accepts of the same
 * subject cannot both create a record.
 */
export async function linkDirectoryRecord(tx: TenantTx, actor: AuditActor, a: Applicant): Promise<DirectoryLink> {
  return a.kind === "brand" ? linkBrand(tx, actor, a) : linkCreator(tx, actor, a);
}

async function linkBrand(tx: TenantTx, actor: AuditActor, a: Applicant): Promise<DirectoryLink> {
  const web = a.website ? websiteIdentity(a.website) : null;
  const existing = await tx.brand.findFirst({
    where: {
      OR: [
        ...(web ? [{ websiteNormalized: { equals: web, mode: "insensitive" as const } }, { websiteNormalized: { startsWith: `${web}/`, mode: "insensitive" as const } }] : []),
        { contactEmail: { equals: a.contactEmail, mode: "insensitive" } },
      ],
    },
    orderBy: preferred,
  });
  if (!existing) {
    const brand = await tx.brand.create({
      data: {
        tenantId: actor.tenantId, name: a.name, market: a.market, country: a.country, website: a.website, websiteNormalized: safeNormalizeWebsite(a.website),
        contactName: a.contactName, contactEmail: a.contactEmail, languages: [a.locale],
      },
    });
    await auditIn(tx, actor, { action: "brand.created", entityType: "Brand", entityId: brand.id, data: { name: brand.name, optInId: a.id } });
    return { brandId: brand.id, created: true };
  }
  const fill = {
    ...(!existing.website && a.website ? { website: a.website, websiteNormalized: safeNormalizeWebsite(a.website) } : {}),
    ...(!existing.contactEmail ? { contactEmail: a.contactEmail } : {}),
    ...(!existing.contactName && a.contactName ? { contactName: a.contactName } : {}),
    ...(!existing.country && a.country ? { country: a.country } : {}),
  };
  await tx.brand.updateMany({ where: { id: existing.id }, data: { ...fill, archivedAt: null } });
  await auditFill(tx, actor, "Brand", existing.id, a.id, Object.keys(fill), !!existing.archivedAt);
  return { brandId: existing.id, created: false };
}

async function linkCreator(tx: TenantTx, actor: AuditActor, a: Applicant): Promise<DirectoryLink> {
  const platforms = a.platforms.map((p) => ({ ...p, handleNormalized: handleIdentity(p.handle)! }));
  const existing = await tx.creator.findFirst({
    where: {
      OR: [
        ...(platforms.length ? [{ platforms: { some: { OR: platforms.map(({ platform, handleNormalized }) => ({ platform, handleNormalized })) } } }] : []),
        { contactEmail: { equals: a.contactEmail, mode: "insensitive" } },
      ],
    },
    include: { platforms: { select: { platform: true } } },
    orderBy: preferred,
  });
  if (!existing) {
    const creator = await tx.creator.create({
      data: {
        tenantId: actor.tenantId, name: a.name, market: a.market, country: a.country, contactEmail: a.contactEmail, languages: [a.locale],
        // Nested writes bypass the scoping extension, so tenantId is set explicitly here.
        platforms: { create: platforms.map((p) => ({ ...p, tenantId: actor.tenantId })) },
      },
    });
    await auditIn(tx, actor, { action: "creator.created", entityType: "Creator", entityId: creator.id, data: { name: creator.name, optInId: a.id } });
    return { creatorId: creator.id, created: true };
  }
  const known = new Set(existing.platforms.map((p) => p.platform));
  const added = platforms.filter((p) => !known.has(p.platform));
  if (added.length) await tx.creatorPlatform.createMany({ data: added.map((p) => ({ ...p, creatorId: existing.id, tenantId: actor.tenantId })) });
  const fill = {
    ...(!existing.contactEmail ? { contactEmail: a.contactEmail } : {}),
    ...(!existing.country && a.country ? { country: a.country } : {}),
  };
  await tx.creator.updateMany({ where: { id: existing.id }, data: { ...fill, archivedAt: null } });
  await auditFill(tx, actor, "Creator", existing.id, a.id, [...Object.keys(fill), ...added.map((p) => `platform:${p.platform}`)], !!existing.archivedAt);
  return { creatorId: existing.id, created: false };
}

async function auditFill(tx: TenantTx, actor: AuditActor, entityType: "Brand" | "Creator", id: string, optInId: string, filled: string[], restored: boolean) {
  const prefix = entityType === "Brand" ? "brand" : "creator";
  if (restored) await auditIn(tx, actor, { action: `${prefix}.restored`, entityType, entityId: id, data: { optInId } });
  if (filled.length) await auditIn(tx, actor, { action: `${prefix}.updated`, entityType, entityId: id, data: { optInId, filled } });
}
