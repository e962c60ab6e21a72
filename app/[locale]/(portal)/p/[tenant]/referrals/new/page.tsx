import { ReferralForm } from "@/components/referrals/referral-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { openPrograms } from "@/lib/referrals/partner-referrals";

export default async function NewReferralPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const [programs, t] = await Promise.all([openPrograms(ctx), getT(locale, "referrals")]);
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
          <ReferralForm locale={locale} tenant={ctx.slug} initial={{}} programs={programs} cancelHref={base} />
        </Card>
      )}
    </>
  );
}
