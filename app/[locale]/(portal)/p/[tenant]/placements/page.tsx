import { PartnerPlacements } from "@/components/placements/partner-placements";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { requirePartner } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listPartnerPlacements } from "@/lib/placements/list-placements";

/** Portal (phone-first, read-only): the placements of the deals the partner referred. */
export default async function PortalPlacementsPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const [rows, t] = await Promise.all([listPartnerPlacements(ctx), getT(locale, ["placements", "common", "ord"])]);
  return (
    <>
      <PageHeader title={t("portal.title")} subtitle={t("portal.lead")} />
      {rows.length === 0 ? <EmptyState>{t("portal.empty")}</EmptyState> : <Card><PartnerPlacements rows={rows} locale={locale} t={t} /></Card>}
    </>
  );
}
