import Link from "next/link";
import { notFound } from "next/navigation";
import { PreviewForms } from "@/components/commissions/preview-form";
import { PreviewResultView } from "@/components/commissions/preview-result";
import { RuleArchiveButton } from "@/components/commissions/rule-archive-button";
import { RuleForm } from "@/components/commissions/rule-form";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { parseTiers } from "@/lib/commissions/compute";
import { readPreviewQuery, runPreview } from "@/lib/commissions/preview-query";
import { commissionFormOptions, listRules } from "@/lib/commissions/rules";
import { ruleFormValues } from "@/lib/commissions/rule-form-values";
import { formatPercent } from "@/lib/commissions/explain";
import { markets } from "@/lib/directory/platforms";
import { formatMoney } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** Staff: commission rules per program and market, a form to add or edit one, and the preview. */
export default async function CommissionRulesPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const sp = flattenSearchParams(await searchParams);
  const [rules, options, t] = await Promise.all([listRules(ctx), commissionFormOptions(ctx), getT(locale, ["commissions", "common", "errors"])]);
  const manage = can(ctx.role, "payouts:manage");
  const path = `/${locale}/t/${ctx.slug}/commissions/rules`;
  const editing = sp.edit ? rules.find((r) => r.id === sp.edit) : undefined;
  if (sp.edit && !editing) notFound();
  const preview = readPreviewQuery(sp);
  // "?program=" comes from the program form's next-step link: preselect it when it is one of ours.
  // "?group=" comes from a program's groups page ("add a rule for this group").
  const newRuleValues = sp.program && options.programs.some((p) => p.id === sp.program)
    ? { programId: sp.program, ...(sp.group && options.groups.some((g) => g.id === sp.group && g.programId === sp.program) ? { groupId: sp.group } : {}) }
    : undefined;
  const previewResult = preview.kind === "ready" ? await runPreview(ctx, preview) : null;

  return (
    <>
      <PageHeader title={t("rules.title")} subtitle={<Link href={`/${locale}/t/${ctx.slug}/commissions`} className="text-indigo-700 hover:underline">{t("rules.back")}</Link>} />
      <p className="-mt-3 mb-5 text-sm text-slate-600">{t("rules.lead")}</p>
      <div className="space-y-8">
        {rules.length === 0 ? <EmptyState>{t("rules.empty")}</EmptyState> : (
          <DataTable
            dense
            head={[
              { label: t("rules.name") }, { label: t("form.program") }, { label: t("form.market") }, { label: t("rules.figure") },
              { label: t("form.tiers") }, { label: t("form.cap") }, { label: t("form.hold") }, { label: t("rules.state") }, { label: t("rules.actions") },
            ]}
          >
            {rules.map((r) => {
              const tiers = parseTiers(r.tiers);
              return (
                <tr key={r.id} className="align-top hover:bg-slate-50">
                  <td className="px-2 py-3 font-medium text-slate-900">{r.name}<p className="text-xs font-normal text-slate-500">{t(`basis.${r.basis}`)}</p></td>
                  <td className="px-2 py-3 text-slate-700">{r.program.name}<p className="text-xs text-slate-500">{r.group ? t("rules.groupOnly", { group: r.group.name }) : t("form.allGroups")}</p></td>
                  <td className="px-2 py-3 text-slate-700">{r.market ? t(`common:markets.${r.market}`) : t("form.allMarkets")}</td>
                  <td className="whitespace-nowrap px-2 py-3 tabular-nums text-slate-700">
                    {r.basis === "revenue_share"
                      ? <>{formatPercent(locale, r.percentBps ?? 0)}<p className="text-xs text-slate-500">{r.durationMonths ? t("rules.months", { count: r.durationMonths }) : t("rules.lifetime")}</p></>
                      : r.basis === "deal_share"
                        ? formatPercent(locale, r.percentBps ?? 0)
                        : formatMoney(locale, r.amountMinor ?? 0n, r.currency)}
                  </td>
                  <td className="px-2 py-3 text-xs text-slate-600">
                    {tiers.length === 0 ? "—" : tiers.map((tier) => (
                      <p key={tier.minCount}>{t("rules.tierLine", { min: tier.minCount, value: tier.percentBps !== undefined ? formatPercent(locale, tier.percentBps) : formatMoney(locale, tier.amountMinor ?? 0n, r.currency) })}</p>
                    ))}
                  </td>
                  <td className="whitespace-nowrap px-2 py-3 tabular-nums text-slate-700">{r.capMinor !== null ? formatMoney(locale, r.capMinor, r.currency) : "—"}</td>
                  <td className="whitespace-nowrap px-2 py-3 tabular-nums text-slate-700">{t("rules.days", { count: r.holdDays })}</td>
                  <td className="px-2 py-3"><Badge tone={r.archivedAt ? "slate" : "green"}>{t(r.archivedAt ? "rules.archived" : "rules.active")}</Badge></td>
                  <td className="space-y-2 px-2 py-3">
                    {manage ? (
                      <>
                        <Link href={`${path}?edit=${r.id}#rule-form`} className="block text-sm font-medium text-indigo-700 hover:underline">{t("rules.edit")}</Link>
                        <RuleArchiveButton locale={locale} tenant={ctx.slug} id={r.id} archived={!!r.archivedAt} />
                      </>
                    ) : "—"}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <div id="rule-form">
          <Card title={editing ? t("form.editTitle", { name: editing.name }) : t("form.title")}>
            {manage ? (
              <RuleForm
                key={editing?.id ?? "new"} locale={locale} tenant={ctx.slug} programs={options.programs} markets={markets} groups={options.groups}
                id={editing?.id} initial={editing ? ruleFormValues(editing) : newRuleValues} cancelHref={editing ? path : undefined}
                defaultCurrency={ctx.reportingCurrency}
              />
            ) : <Notice>{t("form.readOnly")}</Notice>}
          </Card>
        </div>
        <Card title={t("preview.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("preview.text")}</p>
          <PreviewForms values={sp} errors={preview.kind === "invalid" ? preview.fieldErrors : {}} programs={options.programs} markets={markets} locale={locale} t={t} defaultCurrency={ctx.reportingCurrency} />
          {previewResult ? <div className="mt-6">{previewResult.ok === "not_found" ? <Notice tone="error">{t("errors:not_found")}</Notice> : <PreviewResultView result={previewResult.result} locale={locale} timeZone={ctx.viewerTimeZone} t={t} />}</div> : null}
        </Card>
      </div>
    </>
  );
}
