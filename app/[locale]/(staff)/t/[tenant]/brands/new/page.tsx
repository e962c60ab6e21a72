import { BrandForm } from "@/components/directory/brand-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export default async function NewBrandPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "directory:write");
  const t = await getT(locale, "directory");
  const base = `/${locale}/t/${ctx.slug}/brands`;
  return (
    <>
      <PageHeader title={t("brands.new")} />
      <Card>
        <BrandForm locale={locale} tenant={ctx.slug} initial={{ languages: locale === "ru" ? "ru" : "en" }} cancelHref={base} />
      </Card>
    </>
  );
}
