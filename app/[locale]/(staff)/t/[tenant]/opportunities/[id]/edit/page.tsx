import { notFound } from "next/navigation";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/kernel/errors";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { opportunityFormValues } from "@/lib/opportunities/form-values";
import { opportunityText } from "@/lib/opportunities/localized-text";
import { getOpportunity, opportunityPrograms } from "@/lib/opportunities/opportunities";

export default async function EditOpportunityPage({ params }: { params: Promise<{ locale: string; tenant: string; id: string }> }) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "opportunities:write");
  const o = await getOpportunity(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const [live, t] = await Promise.all([opportunityPrograms(ctx), getT(locale, "opportunities")]);
  // Its own program stays selectable even if it no longer qualifies; saving then says why.
  const programs = live.some((p) => p.id === o.program.id) ? live : [{ id: o.program.id, name: o.program.name, markets: o.program.markets }, ...live];
  const detail = `/${locale}/t/${ctx.slug}/opportunities/${o.id}`;
  return (
    <>
      <PageHeader title={t("edit.title")} subtitle={<span lang={opportunityText(locale, o).title.lang}>{opportunityText(locale, o).title.text}</span>} />
      <Card>
        <OpportunityForm key={o.updatedAt.toISOString()} locale={locale} tenant={ctx.slug} id={o.id} initial={opportunityFormValues(o)} programs={programs} cancelHref={detail} currency={ctx.reportingCurrency} />
      </Card>
    </>
  );
}
