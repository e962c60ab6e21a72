import type { TFunction } from "i18next";
import { PlacementStatusBadge } from "@/components/placements/status-badge";
import { CopyLink } from "@/components/ui/copy-link";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { listPartnerPlacements } from "@/lib/placements/list-placements";
import { platformName } from "@/lib/placements/describe-rule";

/** Portal (read-only): the placements of the partner's deals, with the label line to paste. `t` needs the placements, common and ord namespaces. */
export function PartnerPlacements({ rows, locale, t }: { rows: Awaited<ReturnType<typeof listPartnerPlacements>>; locale: Locale; t: TFunction }) {
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((p) => (
        <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
          <div className="min-w-0">
            <p className="font-medium text-slate-900">{p.brand.name} · {p.creatorName}</p>
            <p className="text-slate-600">{platformName(t, p.platform)} · {t(`common:markets.${p.audienceMarket}`)} · {formatDay(locale, p.publishedOn ?? p.plannedOn)}</p>
            {p.postUrl ? <a href={p.postUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 hover:underline">{t("placements:portal.post")}</a> : null}
          </div>
          <PlacementStatusBadge status={p.status} label={t(`placements:status.${p.status}`)} />
          <div className="w-full min-w-0">
            {p.label.text ? <CopyLink url={p.label.text} label={p.label.language === "ru" ? t("ord:label.ru") : t("ord:label.en")} />
              : <p className="text-xs text-slate-600">{t("ord:label.needsErid")}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
