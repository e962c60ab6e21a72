import { PlatformRuleForm } from "@/components/placements/rule-form";
import { Button } from "@/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatDay } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { installDefaultRulesAction } from "@/lib/placements/actions";
import { describeRule, platformName } from "@/lib/placements/describe-rule";
import { listPlatformRules } from "@/lib/placements/platform-rules";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ installed?: string }> };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** Staff: the ad rules placements are checked against; the owner edits them. */
export default async function PlatformRulesPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:read");
  const t = await getT(locale, ["placements", "common"]);
  const rules = await listPlatformRules(ctx);
  const owner = ctx.role === "owner";
  const installed = (await searchParams).installed;
  const count = installed === undefined ? null : Number(installed);
  return (
    <>
      <PageHeader title={t("rules.title")} subtitle={t("rules.lead")} />
      <div className="mb-4 space-y-3">
        {count !== null && Number.isInteger(count) ? <Notice tone="success">{count > 0 ? t("rules.installed", { count }) : t("rules.installedNone")}</Notice> : null}
        {!owner ? <Notice>{t("rules.ownerOnly")}</Notice> : null}
      </div>
      <div className="space-y-4">
        {rules.map((rule) => (
          <Card key={rule.id}>
            <p className="font-medium text-slate-900">{describeRule(t, locale, rule)}</p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <span>{t(`common:markets.${rule.audienceMarket}`)} · {rule.platform ? platformName(t, rule.platform) : t("rule.allPlatforms")}</span>
              <span>{t("rules.from")} {formatDay(locale, rule.effectiveFrom)}{rule.effectiveTo ? ` · ${t("rules.to")} ${formatDay(locale, rule.effectiveTo)}` : ""}</span>
              {rule.warnOnly ? <Badge tone="amber">{t("rules.warnOnly")}</Badge> : null}
              <Badge tone={rule.verified ? "green" : "amber"}>{rule.verified ? t("rules.verified") : t("rules.unverified")}</Badge>
            </p>
            <p className="mt-1 text-xs text-slate-600">
              {t("rules.source")}: {rule.sourceUrl ? <a href={rule.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 hover:underline">{rule.source}</a> : rule.source}
            </p>
            {owner ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-indigo-700">{t("rules.edit")}</summary>
                <PlatformRuleForm
                  locale={locale} tenant={ctx.slug} id={rule.id} withThreshold={rule.kind === "registry_above_threshold"}
                  defaults={{ effectiveFrom: day(rule.effectiveFrom), effectiveTo: day(rule.effectiveTo), threshold: rule.threshold?.toString() ?? "", source: rule.source, sourceUrl: rule.sourceUrl ?? "", warnOnly: rule.warnOnly ? "on" : "" }}
                />
              </details>
            ) : null}
          </Card>
        ))}
      </div>
      {owner ? (
        <form action={installDefaultRulesAction.bind(null, { locale, tenant: ctx.slug })} className="mt-6">
          <Button type="submit" variant="secondary">{t("rules.install")}</Button>
        </form>
      ) : null}
    </>
  );
}
