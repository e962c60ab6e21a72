import type { PartnerContext } from "@/lib/db/partner-context";

/** What a partner sees on their portal home: their programs and their own referral counts. */
export async function partnerOverview(ctx: PartnerContext) {
  const [enrolments, referrals] = await Promise.all([
    ctx.db.programPartner.findMany({ where: { partnerId: ctx.partnerId }, include: { program: { select: { name: true, mode: true, markets: true } } } }),
    ctx.db.referral.groupBy({ by: ["status"], where: { partnerId: ctx.partnerId, status: { not: "draft" } }, _count: { _all: true } }),
  ]);
  return {
    programs: enrolments.map((e) => e.program),
    referralTotal: referrals.reduce((n, r) => n + r._count._all, 0),
    won: referrals.find((r) => r.status === "won")?._count._all ?? 0,
  };
}
