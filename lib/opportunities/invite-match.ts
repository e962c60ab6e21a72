import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { ReferralKind } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import type { Locale } from "@/lib/i18n/settings";
import { sendMatchInvitationMail } from "./invite-match-mail";
import { optInKind } from "./codes";
import { recipientLocale } from "./matching-language";

export type InviteResult = { status: "sent"; name: string; email: string; locale: Locale } | { status: "already_invited"; name: string };

/**
 * Invites a suggested match to opt in to an open opportunity: one invitation per record and
 * opportunity (the unique index decides, so a second click or a concurrent one is a no-op), an
 * audit entry, and an e-mail in the candidate's language with the public board link. A record
 * without a contact e-mail is refused with a clear code; nothing is stored for it.
 */
export async function inviteMatch(ctx: TenantContext, opportunityId: string, candidate: { kind: ReferralKind; id: string }, appUrl: string): Promise<InviteResult> {
  assertCan(ctx, "opportunities:write");
  const opportunity = await ctx.db.opportunity.findFirst({ where: { id: opportunityId }, select: { id: true, side: true, status: true, titleEn: true, titleRu: true } });
  if (!opportunity || candidate.kind !== optInKind(opportunity.side)) throw new NotFoundError();
  const select = { id: true, name: true, market: true, languages: true, contactEmail: true } as const;
  const record = candidate.kind === "creator"
    ? await ctx.db.creator.findFirst({ where: { id: candidate.id, archivedAt: null }, select })
    : await ctx.db.brand.findFirst({ where: { id: candidate.id, archivedAt: null }, select });
  if (!record) throw new NotFoundError();
  if (opportunity.status !== "open") throw new DomainError("opportunity_not_open");
  const email = record.contactEmail?.trim().toLowerCase();
  if (!email) throw new DomainError("match_no_email");

  const locale = recipientLocale(record);
  const created = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.opportunityInvitation.createMany({
      data: [{ tenantId: ctx.tenantId, opportunityId, email, invitedById: ctx.userId, ...(candidate.kind === "creator" ? { creatorId: record.id } : { brandId: record.id }) }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "opportunity.match_invited", entityType: "Opportunity", entityId: opportunityId,
      data: { [candidate.kind === "creator" ? "creatorId" : "brandId"]: record.id, name: record.name, email, locale },
    });
    return true;
  });
  if (!created) return { status: "already_invited", name: record.name };
  await sendMatchInvitationMail(ctx, { name: record.name, email, locale }, opportunity, appUrl);
  return { status: "sent", name: record.name, email, locale };
}
