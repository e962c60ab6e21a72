// A partner's choice for status e-mails (Partner.noticeMode): instant (default, a few minutes after a
// change) or one digest a day at 08:00 agency time. The partner-mail sweep honours it
// (lib/referrals/partner-notices-due.ts).
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { PartnerMailMode } from "@/lib/db/generated/enums";

export async function getPartnerNoticeMode(ctx: PartnerContext): Promise<PartnerMailMode> {
  const p = await ctx.db.partner.findFirst({ where: { id: ctx.partnerId }, select: { noticeMode: true } });
  return p?.noticeMode ?? "instant";
}

export async function setPartnerNoticeMode(ctx: PartnerContext, mode: PartnerMailMode): Promise<void> {
  await ctx.db.partner.updateMany({ where: { id: ctx.partnerId }, data: { noticeMode: mode } });
}
