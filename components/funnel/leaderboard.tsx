import Link from "next/link";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { FunnelBasis, LeaderboardRow } from "@/lib/funnel/types";
import type { Locale } from "@/lib/i18n/settings";
import type { StageLinks } from "./stage-tiles";
import { TotalsTable, type TableSort } from "./totals-table";

/** Partners with volume (clicks, referrals) and quality (qualified, closes, revenue, rates) side by side. */
export function Leaderboard({ rows, limit, basis, locale, t, sort, partnerHref, linksFor, action }: {
  rows: LeaderboardRow[];
  basis: FunnelBasis;
  limit: number;
  locale: Locale;
  t: TFunction;
  sort: TableSort;
  partnerHref: (id: string) => string;
  linksFor: (partnerId: string) => StageLinks;
  action?: ReactNode;
}) {
  return (
    <Card title={t("funnel:leaderboard.title")} action={action}>
      <p className="mb-3 text-xs text-slate-600">{t("funnel:leaderboard.note", { count: limit })}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("funnel:leaderboard.empty")}</p>
      ) : (
        <TotalsTable
          lead={[t("funnel:leaderboard.partner"), t("funnel:leaderboard.market")]}
          rows={rows.map((r) => ({
            key: r.partnerId,
            lead: [<Link key="n" href={partnerHref(r.partnerId)} className="text-indigo-700 hover:underline">{r.name}</Link>, t(`common:markets.${r.market}`)],
            totals: r.totals,
            rates: r.rates,
            links: linksFor(r.partnerId),
          }))}
          basis={basis}
          locale={locale}
          t={t}
          sort={sort}
          caption={t("funnel:leaderboard.title")}
        />
      )}
    </Card>
  );
}
