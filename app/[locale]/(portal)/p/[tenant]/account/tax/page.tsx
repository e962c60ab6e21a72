import { TaxProfileSection } from "@/components/compliance/tax-profile-form";
import { PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export default async function PortalTaxPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const t = await getT(locale, "compliance");
  return (
    <>
      <PageHeader title={t("tax.pageTitle")} subtitle={t("tax.pageSubtitle")} />
      <TaxProfileSection locale={locale} ctx={ctx} />
    </>
  );
}
