import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { myReferralCounts } from "@/lib/referrals/partner-referrals";

/** What a partner sees on their portal home: their programs and their own referrals by status. */
export async function partnerOverview(ctx: PartnerContext) {
  const [enrolments, counts] = await Promise.all([
    ctx.db.programPartner.findMany({
      where: { partnerId: ctx.partnerId, program: { archivedAt: null } },
      include: { program: { select: { id: true, name: true, mode: true, markets: true } }, group: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    myReferralCounts(ctx),
  ]);
  // The partner's group in each program is theirs to know (its name only; its rules are staff-side).
  const programs = enrolments.map((e) => ({ ...e.program, group: e.group?.name ?? null }));
  return {
    programs,
    counts,
    /** Submitted at some point: everything but drafts. */
    referralTotal: Object.entries(counts).reduce((n, [status, c]) => (status === "draft" ? n : n + (c ?? 0)), 0),
    drafts: counts.draft ?? 0,
    canSubmit: programs.some((p) => p.mode === "direct" || p.mode === "both"),
  };
}
