import type { Prisma } from "@/lib/db/generated/client";
import type { TenantTx } from "@/lib/db/tenant-client";
import type { DuplicateReason } from "./codes";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Serialises everyone who touches the same subject in this tenant until the transaction ends:
 * one advisory lock per key, taken in sorted order so two submissions sharing several keys
 * cannot deadlock. The check for an earlier referral runs after the locks, so it sees every
 * referral committed before it; that is what makes "first valid referral wins" hold under races.
 */
export async function lockSubjectKeys(tx: TenantTx, tenantId: string, keys: readonly string[]) {
  for (const key of [...new Set(keys)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${key}`}::text, 0))`;
  }
}

export type DuplicateMatch = {
  reason: DuplicateReason;
  duplicateOfId: string | null;
  brandId?: string;
  creatorId?: string;
};

/** Keys split back into what they identify ("web:glowlab.ru" → website "glowlab.ru"). */
function parts(keys: readonly string[]) {
  const websites: string[] = [];
  const emails: string[] = [];
  const handles: { platform: string; handleNormalized: string }[] = [];
  for (const key of keys) {
    const at = key.indexOf(":");
    const [kind, value] = [key.slice(0, at), key.slice(at + 1)];
    if (kind === "web") websites.push(value);
    else if (kind === "email") emails.push(value);
    else handles.push({ platform: kind, handleNormalized: value });
  }
  return { websites, emails, handles };
}

/**
 * The reason this subject is already owned, or null. A client of the agency wins over an earlier
 * referral; among earlier referrals the first submitted one that is neither a draft nor rejected
 * and is still inside its program's protection window owns the subject.
 */
export async function findDuplicate(tx: TenantTx, subject: { keys: readonly string[]; excludeId?: string; now: Date }): Promise<DuplicateMatch | null> {
  if (subject.keys.length === 0) return null;
  const client = await findClient(tx, subject.keys);
  if (client) return { reason: "already_client", duplicateOfId: null, ...client };

  const candidates = await tx.referralSubjectKey.findMany({
    where: {
      key: { in: [...subject.keys] },
      referral: { status: { notIn: ["draft", "rejected"] }, submittedAt: { not: null }, ...(subject.excludeId ? { id: { not: subject.excludeId } } : {}) },
    },
    select: { referral: { select: { id: true, submittedAt: true, program: { select: { protectionWindowDays: true } } } } },
  });
  const owner = candidates
    .map((c) => c.referral)
    .filter((r) => r.submittedAt!.getTime() + r.program.protectionWindowDays * DAY > subject.now.getTime())
    .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime() || a.id.localeCompare(b.id))[0];
  return owner ? { reason: "already_referred", duplicateOfId: owner.id } : null;
}

export async function findClient(tx: TenantTx, keys: readonly string[]): Promise<{ brandId: string } | { creatorId: string } | null> {
  const { websites, emails, handles } = parts(keys);
  const brandMatch: Prisma.BrandWhereInput[] = [
    ...websites.flatMap((w) => [
      { websiteNormalized: { equals: w, mode: "insensitive" as const } },
      { websiteNormalized: { startsWith: `${w}/`, mode: "insensitive" as const } },
    ]),
    ...emails.map((e) => ({ contactEmail: { equals: e, mode: "insensitive" as const } })),
  ];
  if (brandMatch.length) {
    const brand = await tx.brand.findFirst({ where: { isClient: true, OR: brandMatch }, select: { id: true }, orderBy: { createdAt: "asc" } });
    if (brand) return { brandId: brand.id };
  }
  const creatorMatch: Prisma.CreatorWhereInput[] = [
    ...(handles.length ? [{ platforms: { some: { OR: handles } } }] : []),
    ...emails.map((e) => ({ contactEmail: { equals: e, mode: "insensitive" as const } })),
  ];
  if (creatorMatch.length) {
    const creator = await tx.creator.findFirst({ where: { isClient: true, OR: creatorMatch }, select: { id: true }, orderBy: { createdAt: "asc" } });
    if (creator) return { creatorId: creator.id };
  }
  return null;
}
