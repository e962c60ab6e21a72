import Link from "next/link";
import type { TFunction } from "i18next";
import { MarketPair } from "@/components/referrals/market-pair";
import { Badge } from "@/components/ui/card";
import type { BoardOpportunity } from "@/lib/opportunities/public-board";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { opportunityText } from "@/lib/opportunities/localized-text";
import { budgetText, slotsText } from "@/lib/opportunities/present";
import { FallbackNote } from "./localized";

/** One opportunity in a list (public board and partner portal): the whole card is the link. */
export function OpportunityCard({ o, href, locale, t }: { o: BoardOpportunity; href: string; locale: Locale; t: TFunction }) {
  const { title, description } = opportunityText(locale, o);
  const budget = budgetText(t, locale, o);
  const fallback = title.fallback ? title.lang : description?.fallback ? description.lang : null;
  return (
    <Link href={href} className="block rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 transition hover:ring-indigo-300 sm:p-5">
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone="indigo">{t(`opportunities:side.${o.side}`)}</Badge>
        <MarketPair source={o.sourceMarket} target={o.targetMarket} />
      </div>
      <h2 lang={title.lang} className="mt-2 text-base font-semibold text-slate-900 sm:text-lg">{title.text}</h2>
      {fallback ? <FallbackNote lang={fallback} label={t(`opportunities:fallback.${fallback}`)} /> : null}
      {description ? <p lang={description.lang} className="mt-1.5 line-clamp-2 text-sm text-slate-600">{description.text}</p> : null}
      <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <div className="flex gap-1"><dt className="sr-only">{t("opportunities:terms.lookingFor")}</dt><dd className="font-medium text-slate-800">{slotsText(t, o)}</dd></div>
        {budget ? <div className="flex gap-1"><dt className="sr-only">{t("opportunities:terms.budget")}</dt><dd className="tabular-nums font-medium text-emerald-700">{budget}</dd></div> : null}
        {o.platforms.length ? (
          <div className="flex gap-1"><dt className="sr-only">{t("opportunities:terms.platforms")}</dt><dd className="text-slate-600">{o.platforms.map((p) => t(`common:platforms.${p}`, { defaultValue: p })).join(" · ")}</dd></div>
        ) : null}
        {o.deadline ? (
          <div className="flex gap-1"><dt className="sr-only">{t("opportunities:terms.deadline")}</dt><dd className="tabular-nums text-slate-600">{t("board:card.until", { date: formatDay(locale, o.deadline) })}</dd></div>
        ) : null}
      </dl>
    </Link>
  );
}
