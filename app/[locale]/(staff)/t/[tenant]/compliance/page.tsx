import Link from "next/link";
import { MissingDetailsTable } from "@/components/compliance/missing-details-table";
import { ReceiptsTable } from "@/components/compliance/receipts-table";
import { ScreenAllButton } from "@/components/compliance/screen-all-button";
import { ScreeningsTable } from "@/components/compliance/screenings-table";
import { SdnUploadForm } from "@/components/compliance/sdn-upload-form";
import { TaxProfilesTable } from "@/components/compliance/tax-profiles-table";
import { ButtonLink } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { receiptsMissing } from "@/lib/compliance/npd";
import { latestSanctionsList, partnersMissingPayoutDetails, screeningRows, taxProfileRows } from "@/lib/compliance/overview";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/kernel/search-params";
import { localDate } from "@/lib/kernel/time-zone";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

const SCREENING_ROWS_SHOWN = 500;

export default async function CompliancePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const showAll = (await searchParams).screenings === "all";
  const [list, screenings, missingDetails, profiles, receipts, t] = await Promise.all([
    latestSanctionsList(ctx), screeningRows(ctx), partnersMissingPayoutDetails(ctx), taxProfileRows(ctx), receiptsMissing(ctx), getT(locale, ["compliance", "common"]),
  ]);
  const canManage = can(ctx.role, "payouts:manage");
  const base = `/${locale}/t/${ctx.slug}/compliance`;
  const attention = screenings.filter((s) => s.status !== "clear" || s.outdated);
  const shown = (showAll ? screenings : attention).slice(0, SCREENING_ROWS_SHOWN);
  const today = localDate(new Date(), ctx.timeZone);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={<ButtonLink href={`${base}/1099`} variant="secondary">{t("report1099.link")}</ButtonLink>} />
      <div className="space-y-6">
        <Card title={t("sanctions.title")}>
          <div className="space-y-4">
            {list ? (
              <p className="text-sm text-slate-700">
                {list.source === "ofac-sdn-fetch"
                  ? t("sanctions.activeFetched", { date: formatDateTime(fmt, list.createdAt), file: list.fileName, entries: formatNumber(locale, list.entryCount) })
                  : t("sanctions.active", { date: formatDateTime(fmt, list.createdAt), file: list.fileName, entries: formatNumber(locale, list.entryCount), by: list.importedBy ?? "—" })}
              </p>
            ) : (
              <Notice tone="error">{t("sanctions.none")}</Notice>
            )}
            <p className="text-sm text-slate-600">{t("sanctions.policy")}</p>
            {canManage ? (
              <div className="grid grid-cols-1 gap-6 md:grid-cols-[2fr_1fr]">
                <SdnUploadForm locale={locale} tenant={ctx.slug} />
                <div className="space-y-2">
                  <p className="text-sm text-slate-600">{t("sanctions.screenAllText")}</p>
                  <ScreenAllButton locale={locale} tenant={ctx.slug} />
                </div>
              </div>
            ) : null}
          </div>
        </Card>

        <Card title={t("details.title", { count: missingDetails.length, formatted: formatNumber(locale, missingDetails.length) })}>
          <p className="mb-4 text-sm text-slate-600">{t("details.text")}</p>
          <MissingDetailsTable locale={locale} tenant={ctx.slug} rows={missingDetails} t={t} />
        </Card>

        <Card
          title={t(showAll ? "screenings.titleAll" : "screenings.titleAttention", { count: showAll ? screenings.length : attention.length, formatted: formatNumber(locale, showAll ? screenings.length : attention.length) })}
          action={<Link href={showAll ? base : `${base}?screenings=all`} className="text-sm font-medium text-indigo-700 hover:underline">{t(showAll ? "screenings.showAttention" : "screenings.showAll")}</Link>}
        >
          <ScreeningsTable locale={locale} timeZone={ctx.viewerTimeZone} tenant={ctx.slug} rows={shown} canManage={canManage} t={t} />
        </Card>

        <Card title={t("profiles.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("profiles.text")}</p>
          <TaxProfilesTable locale={locale} tenant={ctx.slug} rows={profiles} canManage={canManage} today={today} t={t} />
        </Card>

        <Card title={t("receipts.title", { count: receipts.total, formatted: formatNumber(locale, receipts.total) })}>
          <p className="mb-4 text-sm text-slate-600">{t("receipts.text")}</p>
          <ReceiptsTable locale={locale} timeZone={ctx.viewerTimeZone} rows={receipts.items} t={t} />
        </Card>
      </div>
    </>
  );
}
