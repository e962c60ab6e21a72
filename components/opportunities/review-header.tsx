import Link from "next/link";
import type { TFunction } from "i18next";
import { MarketPair } from "@/components/referrals/market-pair";
import { PageHeader } from "@/components/ui/card";
import type { OpportunitySide, OpportunityStatus } from "@/lib/kernel/enums";
import type { Locale } from "@/lib/i18n/settings";
import { pickLocalized } from "@/lib/opportunities/localized-text";
import { FallbackNote } from "./localized";
import { OpportunityStatusBadge } from "./status-badge";

type Opportunity = {
  id: string; side: OpportunitySide; status: OpportunityStatus; sourceMarket: string; targetMarket: string;
  titleEn: string | null; titleRu: string | null; program: { name: string };
};

/** The opportunity's header on its opt-ins and matches pages (as on its own page), with tabs between the three. */
export function ReviewHeader({ opportunity: o, base, current, locale, t }: {
  opportunity: Opportunity; base: string; current: "opt-ins" | "matches"; locale: Locale; t: TFunction;
}) {
  const title = pickLocalized(locale, { en: o.titleEn, ru: o.titleRu });
  const href = `${base}/opportunities/${o.id}`;
  const tab = (key: "details" | "optIns" | "matches", to: string, active: boolean) => (
    <Link
      key={key}
      href={to}
      aria-current={active ? "page" : undefined}
      className={`-mb-px border-b-2 px-1 pb-2 text-sm font-medium ${active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
    >
      {t(`review.tabs.${key}`)}
    </Link>
  );
  return (
    <>
      <Link href={href} className="mb-2 inline-block text-sm text-slate-600 hover:text-indigo-700">← {t("review.back")}</Link>
      <PageHeader
        title={title ? <span lang={title.lang}>{title.text}</span> : t("review.untitled")}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <MarketPair source={o.sourceMarket} target={o.targetMarket} crossLabel={t("referrals:crossMarket")} />
            <span>{t(`side.${o.side}`)} · {o.program.name}</span>
          </span>
        }
        actions={<OpportunityStatusBadge status={o.status} label={t(`status.${o.status}`)} />}
      />
      {title?.fallback ? <div className="-mt-4 mb-4"><FallbackNote lang={title.lang} label={t(`fallback.${title.lang}`)} /></div> : null}
      <nav aria-label={t("review.tabs.label")} className="mb-6 flex gap-6 border-b border-slate-200">
        {tab("details", href, false)}
        {tab("optIns", `${href}/opt-ins`, current === "opt-ins")}
        {tab("matches", `${href}/matches`, current === "matches")}
      </nav>
    </>
  );
}
