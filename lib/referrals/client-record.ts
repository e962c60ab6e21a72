import { auditIn, type AuditActor } from "@/lib/audit/record-audit";
import type { Referral } from "@/lib/db/generated/client";
import type { TenantTx } from "@/lib/db/tenant-client";
import { normalizeWebsite } from "@/lib/directory/normalize";
import { lockSubjectKeys } from "./duplicates";
import { handleIdentity, storedPlatforms, subjectKeys, websiteIdentity } from "./subject-keys";

/**
 * A won referral makes its subject a client: the directory record it already points to, else
 * one found by the same website or handle, else a new one. The record's market is the
 * referral's source market — the brand's or creator's own market — not the target market the
 * introduction went to.
 */
export async function linkClientRecord(tx: TenantTx, actor: AuditActor, referral: Referral): Promise<{ brandId: string } | { creatorId: string }> {
  await lockSubjectKeys(tx, actor.tenantId, subjectKeys({ ...referral, platforms: storedPlatforms(referral.platforms) }));
  return referral.kind === "brand" ? { brandId: await brandClient(tx, actor, referral) } : { creatorId: await creatorClient(tx, actor, referral) };
}

const contactEmail = (r: Referral) => (r.contactChannel === "email" ? r.contactValue : null);

async function brandClient(tx: TenantTx, actor: AuditActor, r: Referral): Promise<string> {
  const web = r.website ? websiteIdentity(r.website) : null;
  const existing =
    (r.brandId ? await tx.brand.findFirst({ where: { id: r.brandId }, select: { id: true } }) : null) ??
    (web
      ? await tx.brand.findFirst({
          where: { OR: [{ websiteNormalized: { equals: web, mode: "insensitive" } }, { websiteNormalized: { startsWith: `${web}/`, mode: "insensitive" } }] },
          orderBy: [{ isClient: "desc" }, { archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
          select: { id: true },
        })
      : null);
  if (existing) {
    // A client is never hidden in the archive.
    await tx.brand.updateMany({ where: { id: existing.id }, data: { isClient: true, archivedAt: null } });
    await auditIn(tx, actor, { action: "brand.became_client", entityType: "Brand", entityId: existing.id, data: { referralId: r.id } });
    return existing.id;
  }
  const brand = await tx.brand.create({
    data: {
      tenantId: actor.tenantId, name: r.subjectName, market: r.sourceMarket, country: r.country, isClient: true,
      website: r.website, websiteNormalized: r.website ? normalizeWebsite(r.website) : null,
      contactName: r.contactName, contactEmail: contactEmail(r),
    },
  });
  await auditIn(tx, actor, { action: "brand.created", entityType: "Brand", entityId: brand.id, data: { name: brand.name, referralId: r.id } });
  return brand.id;
}

async function creatorClient(tx: TenantTx, actor: AuditActor, r: Referral): Promise<string> {
  const platforms = storedPlatforms(r.platforms).flatMap((p) => {
    const handleNormalized = handleIdentity(p.handle);
    return handleNormalized ? [{ ...p, handleNormalized }] : [];
  });
  const existing =
    (r.creatorId ? await tx.creator.findFirst({ where: { id: r.creatorId }, select: { id: true } }) : null) ??
    (platforms.length
      ? await tx.creator.findFirst({
          where: { platforms: { some: { OR: platforms.map(({ platform, handleNormalized }) => ({ platform, handleNormalized })) } } },
          orderBy: [{ isClient: "desc" }, { archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
          select: { id: true },
        })
      : null);
  if (existing) {
    await tx.creator.updateMany({ where: { id: existing.id }, data: { isClient: true, archivedAt: null } });
    await auditIn(tx, actor, { action: "creator.became_client", entityType: "Creator", entityId: existing.id, data: { referralId: r.id } });
    return existing.id;
  }
  const creator = await tx.creator.create({
    data: {
      tenantId: actor.tenantId, name: r.subjectName, market: r.sourceMarket, country: r.country, isClient: true,
      contactEmail: contactEmail(r),
      // Nested writes bypass the scoping extension, so tenantId is set explicitly here.
      platforms: { create: platforms.map((p) => ({ ...p, tenantId: actor.tenantId })) },
    },
  });
  await auditIn(tx, actor, { action: "creator.created", entityType: "Creator", entityId: creator.id, data: { name: creator.name, referralId: r.id } });
  return creator.id;
}
