import { RevenueImport } from "@/components/imports/revenue-import";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { currencyInSentence } from "@/lib/kernel/currencies";
import { getT } from "@/lib/i18n/server";

const EXAMPLE = [
  "type;occurred_at;customer_external_id;amount;currency;customer_name;idempotency_key",
  "close;2026-11-19;crm-1042;;;ООО Ромашка;",
  "revenue;2026-11-20;crm-1042;1 234,56;RUB;ООО Ромашка;invoice-2026-118",
  "revenue;2026-11-21T15:30:00+03:00;crm-2001;499.00;USD;Acme Inc.;",
  "refund;2026-11-22;crm-2001;99.00;USD;;",
].join("\n");

export default async function RevenueImportPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "events:import");
  const t = await getT(locale, ["fx"]);
  return (
    <>
      <PageHeader title={t("import.title")} subtitle={t("import.subtitle", { currency: currencyInSentence(ctx.reportingCurrency, locale, "accusative") })} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <RevenueImport locale={locale} tenant={ctx.slug} />
        </Card>
        <Card title={t("import.formatTitle")}>
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>{t("import.formatColumns")}</li>
            <li>{t("import.formatClose")}</li>
            <li>{t("import.formatOptional")}</li>
            <li>{t("import.formatAmount")}</li>
            <li>{t("import.formatDate")}</li>
            <li>{t("import.formatKey")}</li>
          </ul>
          {/* Focusable, so a keyboard can scroll the sample sideways. */}
          <pre tabIndex={0} className="mt-4 overflow-x-auto rounded-md bg-slate-50 p-3 text-xs text-slate-700 ring-1 ring-slate-200">{EXAMPLE}</pre>
        </Card>
      </div>
    </>
  );
}
