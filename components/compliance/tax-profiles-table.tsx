import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import type { TaxProfileRow } from "@/lib/compliance/overview";
import { formatMoney, formatNumber, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { SelfEmployedCheckForm } from "./self-employed-check-form";

/** Tax profiles for staff: form and status flags. Never the TIN — only whether one is on file. */
export function TaxProfilesTable({ locale, tenant, rows, canManage, today, t }: { locale: Locale; tenant: string; rows: TaxProfileRow[]; canManage: boolean; today: string; t: TFunction }) {
  if (rows.length === 0) return <EmptyState>{t("profiles.empty")}</EmptyState>;
  return (
    <DataTable head={[{ label: t("profiles.partner") }, { label: t("profiles.form") }, { label: t("profiles.tin") }, { label: t("profiles.w8ben") }, { label: t("profiles.selfEmployed") }, { label: t("profiles.npd") }]}>
      {rows.map((row) => (
        <tr key={row.partnerId} className="align-top">
          <td className="px-4 py-3 font-medium text-slate-900">
            {row.partnerName}
            {row.country ? <span className="ml-1 text-xs text-slate-500">{row.country}</span> : null}
          </td>
          <td className="px-4 py-3 text-slate-700">{t(`forms.${row.form}`)}</td>
          <td className="px-4 py-3">{row.form === "us_w9" ? <Badge tone={row.tinOnFile ? "green" : "red"}>{t(row.tinOnFile ? "profiles.tinYes" : "profiles.tinNo")}</Badge> : "—"}</td>
          <td className="px-4 py-3 text-slate-700">
            {row.form === "foreign_w8ben" ? (
              <>
                {row.w8benSignedOn ? formatDay(locale, row.w8benSignedOn) : "—"}
                {row.w8benExpired ? <div><Badge tone="red">{t("profiles.expired")}</Badge></div> : row.w8benExpiresOn ? <p className="text-xs text-slate-500">{t("profiles.validUntil", { date: formatDay(locale, row.w8benExpiresOn) })}</p> : null}
              </>
            ) : "—"}
          </td>
          <td className="px-4 py-3 text-slate-700">
            {row.form === "ru_self_employed" ? (
              <div className="space-y-1.5">
                <p>
                  {row.selfEmployedCheckedOn ? formatDay(locale, row.selfEmployedCheckedOn) : t("profiles.neverChecked")}{" "}
                  {row.selfEmployedStale ? <Badge tone="amber">{t("profiles.checkStale")}</Badge> : null}
                </p>
                {canManage ? <SelfEmployedCheckForm locale={locale} tenant={tenant} partnerId={row.partnerId} today={today} /> : null}
              </div>
            ) : "—"}
          </td>
          <td className="px-4 py-3 text-slate-700">
            {row.npd ? (
              <>
                <Badge tone={row.npd.level === "over" ? "red" : row.npd.level === "warning" ? "amber" : "slate"}>{formatNumber(locale, row.npd.permille / 10)}%</Badge>
                <p className="text-xs text-slate-500">{formatMoney(locale, row.npd.paidMinor, "RUB")} / {formatMoney(locale, row.npd.capMinor, "RUB")}</p>
                {row.npd.level !== "ok" ? <p className="text-xs text-red-700">{t(`npd.${row.npd.level}`)}</p> : null}
              </>
            ) : "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
