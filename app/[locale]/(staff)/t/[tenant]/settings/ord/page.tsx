import { OrdSettingsForm } from "@/components/ord/settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { allowedOrdHosts, getOrdSettings } from "@/lib/ord/settings";

/** Settings → ОРД: the agency's key for its ad data operator, the host, and its own legal details. */
export default async function OrdSettingsPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "integrations:manage");
  const [s, t] = await Promise.all([getOrdSettings(ctx.db), getT(locale, "ord")]);
  return (
    <>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")} />
      <Card title={t("settings.card")}>
        <p className="mb-4 text-sm text-slate-600">{s.configured ? t("settings.on", { host: s.effectiveBaseUrl }) : t("settings.off")}</p>
        <OrdSettingsForm locale={locale} tenant={ctx.slug} keyLast4={s.apiKeyLast4} hosts={allowedOrdHosts()} disabled={!can(ctx.role, "settings:manage")} defaults={{
          sandbox: s.sandbox ? "on" : "", baseUrl: s.baseUrl ?? "", agencyName: s.agencyName ?? "", agencyLegalForm: s.agencyLegalForm ?? "company",
          agencyInn: s.agencyInn ?? "", agencyKpp: s.agencyKpp ?? "", agencyOgrn: s.agencyOgrn ?? "", defaultKktu: s.defaultKktu,
        }} />
      </Card>
    </>
  );
}
