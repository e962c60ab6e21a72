import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantTx } from "@/lib/db/tenant-client";
import { findClient } from "./duplicates";

/**
 * A "known client" (issue 12: a win may skip qualification and negotiation for one): the referral's
 * subject is already a client of the agency in the directory — a Brand or Creator with `isClient`,
 * which a won referral makes (./client-record.ts). Either the referral is linked to that record
 * (a submission matching a client is rejected as `already_client` and linked; staff override it to
 * bring it back), or its subject keys (website, e-mail, handles) match a client the way the
 * duplicate check does (./duplicates.ts), e.g. when the subject became a client after submission.
 * A `Customer` row is not used: it belongs to one referral and carries no subject identity.
 */
export async function isKnownClient(
  tx: TenantTx,
  referral: { id: string; kind: "brand" | "creator"; brandId: string | null; creatorId: string | null },
): Promise<boolean> {
  if (referral.kind === "brand" && referral.brandId && (await tx.brand.count({ where: { id: referral.brandId, isClient: true } }))) return true;
  if (referral.kind === "creator" && referral.creatorId && (await tx.creator.count({ where: { id: referral.creatorId, isClient: true } }))) return true;
  const keys = (await tx.referralSubjectKey.findMany({ where: { referralId: referral.id }, select: { key: true } })).map((k) => k.key);
  if (keys.length === 0) return false;
  const client = await findClient(tx, keys);
  return !!client && (referral.kind === "brand" ? "brandId" in client : "creatorId" in client);
}

/** The same, for a page (one read-only transaction). */
export function knownClientReferral(ctx: TenantContext, referral: Parameters<typeof isKnownClient>[1]): Promise<boolean> {
  return ctx.db.$transaction((tx) => isKnownClient(tx, referral));
}
