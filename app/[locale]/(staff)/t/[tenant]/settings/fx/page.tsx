import { RatesTable } from "@/components/fx/rates-table";
import { RatesUploadForm } from "@/components/fx/rates-upload-form";
import { buttonClass } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { countEventsMissingRate, listRates } from "@/lib/fx/list-rates";
import { parseRatesQuery } from "@/lib/fx/rates-query";
import { formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { currencyInSentence } from "@/lib/kernel/currencies";
import { getT } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export default async function FxSettingsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "settings:read");
  const query = parseRatesQuery(await searchParams);
  const [result, missing, t] = await Promise.all([listRates(ctx, query), countEventsMissingRate(ctx), getT(locale, ["fx", "common"])]);
  const base = `/${locale}/t/${ctx.slug}/settings/fx`;
  const href = (page: number) => `${base}?${new URLSearchParams({ ...(query.currency ? { currency: query.currency } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { currency: currencyInSentence(ctx.reportingCurrency, locale, "accusative") })} />
      <div className="space-y-6">
        {missing > 0 ? (
          <Notice tone="error">{t("missing", { count: missing, formatted: formatNumber(locale, missing) })}</Notice>
        ) : (
          <Notice tone="success">{t("noneMissing")}</Notice>
        )}
        {can(ctx.role, "integrations:manage") ? (
          <Card title={t("upload.title")}>
            <p className="mb-4 text-sm text-slate-600">{t("upload.text")}</p>
            <RatesUploadForm locale={locale} tenant={ctx.slug} />
          </Card>
        ) : null}
        <Card
          title={t("list.title", { count: result.total, formatted: formatNumber(locale, result.total) })}
          action={
            <form method="get" className="flex items-center gap-2">
              <label htmlFor="fx-currency" className="sr-only">{t("list.currency")}</label>
              <input
                id="fx-currency"
                name="currency"
                defaultValue={query.currency ?? ""}
                placeholder={t("list.currencyPlaceholder")}
                maxLength={3}
                className="w-28 rounded-md border-0 px-2 py-1.5 text-sm uppercase ring-1 ring-inset ring-slate-300"
              />
              <button type="submit" className={buttonClass("secondary")}>{t("list.filter")}</button>
            </form>
          }
        >
          <RatesTable locale={locale} items={result.items} t={t} />
          <Pagination page={result.page} pageCount={result.pageCount} href={href} t={t} />
        </Card>
      </div>
    </>
  );
}
