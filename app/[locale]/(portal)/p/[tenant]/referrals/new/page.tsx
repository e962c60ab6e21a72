import { ReferralForm } from "@/components/referrals/referral-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { referralFormOpportunity } from "@/lib/opportunities/partner-opportunities";
import { openPrograms } from "@/lib/referrals/partner-referrals";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ opportunity?: string }> };

export default async function NewReferralPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  // "Refer someone to this opportunity": its program is the only choice, and the kind fits its side.
  const opportunity = await referralFormOpportunity(ctx, locale, (await searchParams).opportunity);
  const [programs, t] = await Promise.all([opportunity ? [opportunity.program] : openPrograms(ctx), getT(locale, "referrals")]);
  const base = `/${locale}/p/${ctx.slug}/referrals`;
  return (
    <>
      <PageHeader title={t("portal.new.title")} subtitle={t("portal.new.subtitle")} />
      {programs.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700">{t("portal.cta.closed")}</p>
          <ButtonLink href={`/${locale}/p/${ctx.slug}`} variant="secondary" className="mt-4">{t("portal.nav.home")}</ButtonLink>
        </Card>
      ) : (
        <Card>
          <ReferralForm
            locale={locale}
            tenant={ctx.slug}
            initial={opportunity ? { kind: opportunity.kind, programId: opportunity.program.id } : {}}
            programs={programs}
            cancelHref={opportunity ? `/${locale}/p/${ctx.slug}/opportunities/${opportunity.id}` : base}
            opportunity={opportunity ?? undefined}
          />
        </Card>
      )}
    </>
  );
}
