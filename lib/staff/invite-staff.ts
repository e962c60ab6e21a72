import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, assignableRoles } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError } from "@/lib/kernel/errors";
import { createI18n } from "@/lib/i18n/instance";
import { sendMail } from "@/lib/mail/send-mail";
import type { InviteStaffInput } from "./schemas";
import { newToken } from "./tokens";

export const INVITE_TTL_DAYS = 7;

/** Invites someone to the workspace staff; the e-mail carries a single-use link valid for 7 days. */
export async function inviteStaff(ctx: TenantContext, input: InviteStaffInput, appUrl: string) {
  assertCan(ctx, "staff:manage");
  if (!assignableRoles(ctx.role).includes(input.role)) throw new DomainError("forbidden");
  const alreadyMember = await ctx.db.membership.findFirst({ where: { user: { email: input.email } } });
  if (alreadyMember) throw new DomainError("already_member");

  const { token, hash } = newToken();
  const invite = await ctx.db.staffInvite.create({
    data: {
      tenantId: ctx.tenantId,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedById: ctx.userId,
      expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000),
    },
  });
  const t = createI18n(input.language).getFixedT(input.language, ["settings", "nav"]);
  const url = `${appUrl}/${input.language}/invite/${token}`;
  await sendMail({
    tenantId: ctx.tenantId,
    to: input.email,
    subject: t("settings:inviteMail.subject", { agency: ctx.name }),
    text: t("settings:inviteMail.body", { agency: ctx.name, role: t(`nav:roles.${input.role}`), url, days: INVITE_TTL_DAYS }),
  });
  await recordAudit(ctx, { action: "staff.invited", entityType: "StaffInvite", entityId: invite.id, data: { email: input.email, role: input.role } });
  return { invite, url };
}

export async function listStaff(ctx: TenantContext) {
  assertCan(ctx, "settings:read");
  const [members, invites] = await Promise.all([
    ctx.db.membership.findMany({ include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    ctx.db.staffInvite.findMany({ where: { acceptedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } }),
  ]);
  return { members, invites };
}
