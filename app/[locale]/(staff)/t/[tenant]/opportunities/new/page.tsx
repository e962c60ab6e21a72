import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { opportunityPrograms } from "@/lib/opportunities/opportunities";

export default async function NewOpportunityPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "opportunities:write");
  const [programs, t] = await Promise.all([opportunityPrograms(ctx), getT(locale, "opportunities")]);
  const base = `/${locale}/t/${ctx.slug}`;
  return (
    <>
      <PageHeader title={t("new.title")} subtitle={t("new.subtitle")} />
      {programs.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700">{t("new.noPrograms")}</p>
          {can(ctx.role, "settings:manage") ? <ButtonLink href={`${base}/programs`} variant="secondary" className="mt-4">{t("new.toPrograms")}</ButtonLink> : null}
        </Card>
      ) : (
        <Card>
          <OpportunityForm locale={locale} tenant={ctx.slug} initial={{}} programs={programs} cancelHref={`${base}/opportunities`} currency={ctx.reportingCurrency} />
        </Card>
      )}
    </>
  );
}
