// The partner's view of opportunities: open ones (not past their deadline) in live programs the
// partner is enrolled in. Only what the public board shows is selected, never opt-ins or counts.
import { boardFields } from "./public-board";
import type { Prisma } from "@/lib/db/generated/client";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { NotFoundError } from "@/lib/kernel/errors";
import type { Locale } from "@/lib/i18n/settings";
import { optInKind } from "./codes";
import { startOfTodayUtc } from "@/lib/kernel/deadline";
import { opportunityText } from "./localized-text";

function visibleTo(ctx: PartnerContext, now: Date): Prisma.OpportunityWhereInput {
  return {
    status: "open",
    OR: [{ deadline: null }, { deadline: { gte: startOfTodayUtc(now) } }],
    program: { archivedAt: null, enrolments: { some: { partnerId: ctx.partnerId } } },
  };
}

const fields = { ...boardFields, program: { select: { id: true, name: true, markets: true, attributionWindowDays: true } } } satisfies Prisma.OpportunitySelect;

export async function listPartnerOpportunities(ctx: PartnerContext, now = new Date()) {
  return ctx.db.opportunity.findMany({ where: visibleTo(ctx, now), select: fields, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 100 });
}

/** One opportunity the partner may share or refer to; anything else answers like a missing one. */
export async function getPartnerOpportunity(ctx: PartnerContext, id: string, now = new Date()) {
  const opportunity = await ctx.db.opportunity.findFirst({ where: { id, ...visibleTo(ctx, now) }, select: fields });
  if (!opportunity) throw new NotFoundError();
  return opportunity;
}
export type PartnerOpportunity = Awaited<ReturnType<typeof getPartnerOpportunity>>;

/**
 * The opportunity a referral form is for (`?opportunity=` or a draft's link), as the form needs it;
 * null when there is none or the partner may no longer refer to it.
 */
export async function referralFormOpportunity(ctx: PartnerContext, locale: Locale, id: string | null | undefined) {
  if (!id || id.length > 64) return null;
  const o = await getPartnerOpportunity(ctx, id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!o) return null;
  const { title } = opportunityText(locale, o);
  return { id: o.id, title: title.text, lang: title.lang, kind: optInKind(o.side), program: { id: o.program.id, name: o.program.name, markets: o.program.markets } };
}
