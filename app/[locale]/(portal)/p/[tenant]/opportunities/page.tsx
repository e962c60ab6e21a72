import { OpportunityCard } from "@/components/opportunities/board-card";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { requirePartner } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listPartnerOpportunities } from "@/lib/opportunities/partner-opportunities";

/** Open opportunities of the partner's programs, to share or to refer someone to. */
export default async function PortalOpportunitiesPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const [items, t] = await Promise.all([listPartnerOpportunities(ctx), getT(locale, ["opportunities", "board", "common"])]);
  const base = `/${locale}/p/${ctx.slug}/opportunities`;
  return (
    <>
      <PageHeader title={t("portal.title")} subtitle={t("portal.count", { count: items.length })} />
      <p className="-mt-3 mb-5 text-sm text-slate-600">{t("portal.lead")}</p>
      {items.length === 0 ? (
        <EmptyState>{t("portal.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((o) => <li key={o.id}><OpportunityCard o={o} href={`${base}/${o.id}`} locale={locale} t={t} /></li>)}
        </ul>
      )}
    </>
  );
}
