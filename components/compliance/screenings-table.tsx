import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import type { ScreeningRow } from "@/lib/compliance/overview";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { ReviewForm } from "./review-form";

const tone = { clear: "green", possible_match: "amber", blocked: "red", unscreened: "slate" } as const;

export function ScreeningStatusBadge({ status, t }: { status: ScreeningRow["status"]; t: TFunction }) {
  return <Badge tone={tone[status]}>{t(`status.${status}`)}</Badge>;
}

/** Latest screening per partner: status, why, what matched, who reviewed, and the review actions. */
export function ScreeningsTable({ locale, timeZone, tenant, rows, canManage, t }: { locale: Locale; timeZone: string; tenant: string; rows: ScreeningRow[]; canManage: boolean; t: TFunction }) {
  const fmt = { locale, timeZone };
  if (rows.length === 0) return <EmptyState>{t("screenings.empty")}</EmptyState>;
  return (
    <DataTable head={[{ label: t("screenings.partner") }, { label: t("screenings.status") }, { label: t("screenings.reason") }, { label: t("screenings.matches") }, { label: t("screenings.reviewed") }, ...(canManage ? [{ label: t("screenings.actions") }] : [])]}>
      {rows.map((row) => {
        const listMatches = row.matches.filter((m) => m.field !== "region");
        const reviewable = canManage && row.screeningId && listMatches.length > 0 && row.reason !== "region_blocked";
        return (
          <tr key={row.partnerId} className="align-top">
            <td className="px-4 py-3 font-medium text-slate-900">{row.partnerName}</td>
            <td className="px-4 py-3">
              <ScreeningStatusBadge status={row.status} t={t} />
              {row.outdated && row.status !== "unscreened" ? <p className="mt-1 text-xs text-amber-700">{t("screenings.outdated")}</p> : null}
            </td>
            <td className="px-4 py-3 text-slate-700">
              {row.reason ? t(`reasons.${row.reason}`) : "—"}
              {row.screenedAt ? <p className="text-xs text-slate-500">{formatDateTime(fmt, row.screenedAt)}</p> : null}
            </td>
            <td className="px-4 py-3 text-slate-700">
              {row.matches.length === 0 ? "—" : (
                <ul className="space-y-1">
                  {row.matches.map((m) => (
                    <li key={`${m.field}-${m.uid}`}>
                      {m.field === "region" ? (
                        <span>{t("screenings.regionMatch", { text: m.name })}</span>
                      ) : (
                        <span>
                          <span className="font-medium">{m.name}</span> <span className="text-xs text-slate-500">#{m.uid} · {t(`fields.${m.field}`)} · {formatNumber(locale, Math.round(m.score * 100))}%</span>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="px-4 py-3 text-slate-700">
              {row.reviewedBy ?? "—"}
              {row.note ? <p className="text-xs text-slate-500">«{row.note}»</p> : null}
            </td>
            {canManage ? (
              <td className="px-4 py-3">
                {reviewable ? <ReviewForm locale={locale} tenant={tenant} screeningId={row.screeningId!} canClear={row.status !== "clear"} canBlock={row.status !== "blocked"} /> : row.reason === "region_blocked" ? <p className="max-w-48 text-xs text-slate-500">{t("screenings.regionFinal")}</p> : null}
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}
