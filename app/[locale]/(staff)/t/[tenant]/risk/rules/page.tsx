import { RiskRuleForm } from "@/components/risk/rule-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { riskRuleSettings } from "@/lib/risk/settings";

type Props = { params: Promise<{ locale: string; tenant: string }> };

export default async function RiskRulesPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "settings:read");
  const [rules, t] = await Promise.all([riskRuleSettings(ctx), getT(locale, ["risk", "common"])]);
  const canEdit = can(ctx.role, "settings:manage");
  return (
    <>
      <PageHeader
        title={t("risk:rules.title")}
        subtitle={t("risk:rules.subtitle")}
        actions={<ButtonLink href={`/${locale}/t/${ctx.slug}/risk`} variant="secondary">{t("risk:rules.back")}</ButtonLink>}
      />
      <div className="space-y-4">
        {canEdit ? null : <Notice>{t("risk:rules.readOnly")}</Notice>}
        {rules.map((rule) => (
          <Card key={rule.kind} title={t(`risk:kinds.${rule.kind}`)}>
            <p className="mb-4 text-sm text-slate-600">{t(`risk:descriptions.${rule.kind}`)}</p>
            <RiskRuleForm locale={locale} tenant={ctx.slug} rule={rule} canEdit={canEdit} />
          </Card>
        ))}
      </div>
    </>
  );
}
