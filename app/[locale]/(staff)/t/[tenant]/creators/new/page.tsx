import { CreatorForm } from "@/components/directory/creator-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { creatorPartnerChoices } from "@/lib/directory/creators";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export default async function NewCreatorPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "directory:write");
  const t = await getT(locale, "directory");
  const partners = await creatorPartnerChoices(ctx);
  return (
    <>
      <PageHeader title={t("creators.new")} />
      <Card>
        <CreatorForm locale={locale} tenant={ctx.slug} initial={{ languages: locale === "ru" ? "ru" : "en" }} partners={partners} cancelHref={`/${locale}/t/${ctx.slug}/creators`} />
      </Card>
    </>
  );
}
