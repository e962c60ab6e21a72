import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Partner } from "@/lib/db/generated/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { newToken } from "@/lib/staff/tokens";
import { defaultGroupIds } from "@/lib/groups/membership";
import { partnerLocale, sendPartnerInviteMail } from "./partner-mail";
import type { InvitePartnerInput } from "./schemas";

export const PARTNER_INVITE_TTL_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Live programs of this tenant; any unknown, archived or foreign id makes the whole request "not found". */
export async function enrollablePrograms(ctx: TenantContext, ids: string[]) {
  if (ids.length === 0) return [];
  const programs = await ctx.db.program.findMany({ where: { id: { in: ids }, archivedAt: null }, select: { id: true, name: true } });
  if (programs.length !== ids.length) throw new NotFoundError();
  return programs;
}

/**
 * Invites a partner into the closed network: creates the partner (status "invited") or refreshes
 * an existing invited one, enrols them, and e-mails a single-use link valid for 14 days in the
 * partner's language. A partner in any other status is not re-invited (approve or reactivate instead).
 */
export async function invitePartner(ctx: TenantContext, input: InvitePartnerInput, appUrl: string) {
  assertCan(ctx, "partners:write");
  const programs = await enrollablePrograms(ctx, input.programIds);
  const existing = await ctx.db.partner.findFirst({ where: { email: input.email }, select: { id: true, status: true } });
  if (existing && existing.status !== "invited") throw new DomainError("partner_exists");
  const details = {
    name: input.name,
    market: input.market,
    country: input.country,
    preferredLocale: input.language,
    ...(input.tier ? { trustTier: input.tier } : {}),
  };
  let partner: Partner;
  try {
    partner = await ctx.db.$transaction(async (tx) => {
      let row: Partner;
      if (existing) {
        const { count } = await tx.partner.updateMany({ where: { id: existing.id, status: "invited" }, data: details });
        if (count === 0) throw new DomainError("partner_exists");
        row = await tx.partner.findUniqueOrThrow({ where: { id: existing.id } });
      } else {
        row = await tx.partner.create({ data: { ...details, tenantId: ctx.tenantId, email: input.email, status: "invited" } });
      }
      if (programs.length > 0) {
        const groups = await defaultGroupIds(tx, programs.map((p) => p.id));
        await tx.programPartner.createMany({
          data: programs.map((p) => ({ tenantId: ctx.tenantId, programId: p.id, partnerId: row.id, groupId: groups.get(p.id) ?? null })),
          skipDuplicates: true,
        });
      }
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("partner_exists");
    throw error;
  }
  await recordAudit(ctx, {
    action: existing ? "partner.reinvited" : "partner.invited",
    entityType: "Partner",
    entityId: partner.id,
    data: { email: partner.email, programIds: programs.map((p) => p.id) },
  });
  const { invite, url } = await sendPartnerInvite(ctx, partner, appUrl);
  return { partner, invite, url };
}

/** A new invite e-mail for a partner who has not accepted yet (invited, or approved without an account). */
export async function resendPartnerInvite(ctx: TenantContext, partnerId: string, appUrl: string) {
  assertCan(ctx, "partners:write");
  const partner = await ctx.db.partner.findUnique({ where: { id: partnerId } });
  if (!partner) throw new NotFoundError();
  if (!awaitsAcceptance(partner)) throw new DomainError("partner_invite_not_needed");
  const result = await sendPartnerInvite(ctx, partner, appUrl);
  await recordAudit(ctx, { action: "partner.invite_resent", entityType: "Partner", entityId: partner.id, data: { email: partner.email } });
  return result;
}

export function awaitsAcceptance(partner: Pick<Partner, "status" | "userId">): boolean {
  return partner.status === "invited" || (partner.status === "active" && partner.userId === null);
}

/**
 * Revokes the partner's open invites and e-mails a fresh link. Only the token's SHA-256 is stored;
 * the link goes to the partner's mailbox and is never shown to staff, because opening it signs
 * its holder in as that e-mail address.
 */
export async function sendPartnerInvite(ctx: TenantContext, partner: Partner, appUrl: string) {
  const now = new Date();
  await revokeOpenInvites(ctx, partner.id, now);
  const { token, hash } = newToken();
  const invite = await ctx.db.partnerInvite.create({
    data: {
      tenantId: ctx.tenantId,
      partnerId: partner.id,
      tokenHash: hash,
      invitedById: ctx.userId,
      expiresAt: new Date(now.getTime() + PARTNER_INVITE_TTL_DAYS * DAY_MS),
    },
  });
  const enrolments = await ctx.db.programPartner.findMany({
    where: { partnerId: partner.id, program: { archivedAt: null } },
    orderBy: { createdAt: "asc" },
    select: { program: { select: { name: true } } },
  });
  const url = `${appUrl}/${partnerLocale(partner)}/partner-invite/${token}`;
  await sendPartnerInviteMail({ tenantId: ctx.tenantId, name: ctx.name }, partner, {
    url,
    days: PARTNER_INVITE_TTL_DAYS,
    programs: enrolments.map((e) => e.program.name),
  });
  return { invite, url };
}

/** Open invites stop working immediately; the rows stay for the record. */
export function revokeOpenInvites(ctx: TenantContext, partnerId: string, now = new Date()) {
  return ctx.db.partnerInvite.updateMany({
    where: { partnerId, acceptedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}
