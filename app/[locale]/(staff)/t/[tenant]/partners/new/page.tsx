import { InvitePartnerForm } from "@/components/partners/invite-partner-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listProgramChoices } from "@/lib/partners/list-partners";

export default async function InvitePartnerPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:write");
  const [programs, t] = await Promise.all([listProgramChoices(ctx), getT(locale, "partners")]);
  return (
    <>
      <PageHeader title={t("invite.title")} subtitle={t("invite.lead")} />
      <Card>
        <InvitePartnerForm locale={locale} tenant={ctx.slug} programs={programs} cancelHref={`/${locale}/t/${ctx.slug}/partners`} />
      </Card>
    </>
  );
}
