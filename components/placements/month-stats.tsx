import { getT } from "@/lib/i18n/server";
import { Badge, Card } from "@/components/ui/card";
import { formatMonth, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { MonthStatForm } from "./month-stat-form";

type Props = {
  locale: Locale;
  tenant: string;
  writable: boolean;
  placement: { id: string; publishedOn: Date | null; monthStats: { id: string; month: Date; impressions: number; sentAt: Date | null }[] };
};

/** The placement's impression statistics by month (the ОРД's monthly report), and their entry once it is published. */
export async function MonthStats({ locale, tenant, placement, writable }: Props) {
  const t = await getT(locale, ["placements"]);
  if (!placement.publishedOn) return null;
  const month = placement.monthStats[0]?.month.toISOString().slice(0, 7) ?? placement.publishedOn.toISOString().slice(0, 7);
  return (
    <Card title={t("stats.title")}>
      {placement.monthStats.length === 0 ? <p className="mb-4 text-sm text-slate-600">{t("stats.none")}</p> : (
        <ul className="mb-4 space-y-2 text-sm">
          {placement.monthStats.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <span className="min-w-0 flex-1">{formatMonth(locale, s.month.toISOString().slice(0, 7))}: {t("stats.count", { count: s.impressions, formatted: formatNumber(locale, s.impressions) })}</span>
              {s.sentAt ? <Badge tone="green">{t("report.sent")}</Badge> : <Badge tone="amber">{t("report.notSent")}</Badge>}
            </li>
          ))}
        </ul>
      )}
      {writable ? <MonthStatForm locale={locale} tenant={tenant} id={placement.id} month={month} /> : null}
    </Card>
  );
}
