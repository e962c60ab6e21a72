import Link from "next/link";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { FunnelRates, FunnelTotals } from "@/lib/funnel/types";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { currencyInSentence } from "@/lib/kernel/currencies";
import type { Locale } from "@/lib/i18n/settings";
import { rateTexts } from "./format";
import { RateShown } from "./rate-shown";

export type StageLinks = Partial<Record<"clicks" | "referrals" | "qualified" | "closes" | "revenue" | "missingFx", string>>;

const tile = "rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200";

function Value({ href, children }: { href?: string; children: ReactNode }) {
  const cls = "mt-1 block text-2xl font-semibold tabular-nums text-slate-900 sm:text-3xl";
  return href ? <Link href={href} className={`${cls} hover:text-indigo-700 hover:underline`}>{children}</Link> : <p className={cls}>{children}</p>;
}

function Group({ title, children, cols }: { title: string; children: ReactNode; cols: string }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <div className={`grid gap-3 ${cols}`}>{children}</div>
    </section>
  );
}

/**
 * One tile per stage, volume and quality in separate groups: nothing here is a blended score.
 * Revenue leaves out events without an FX rate and says how many, instead of guessing a rate.
 */
export function StageTiles({ totals, locale, t, links = {}, narrow = false }: { totals: FunnelTotals; locale: Locale; t: TFunction; links?: StageLinks; narrow?: boolean }) {
  const count = (k: "clicks" | "referrals" | "qualified" | "closes") => (
    <div key={k} className={tile}>
      <h3 className="text-sm font-medium break-words hyphens-auto text-slate-600">{t(`funnel:stages.${k}`)}</h3>
      <Value href={links[k]}>{formatNumber(locale, totals[k])}</Value>
      <p className="mt-1 text-xs text-slate-500">{t(`funnel:stageHelp.${k}`)}</p>
    </div>
  );
  const { revenue } = totals;
  return (
    <div className={`grid gap-4 ${narrow ? "" : "lg:grid-cols-5"}`}>
      <div className={narrow ? "" : "lg:col-span-2"}>
        <Group title={t("funnel:volume")} cols="grid-cols-2">{count("clicks")}{count("referrals")}</Group>
      </div>
      <div className={narrow ? "" : "lg:col-span-3"}>
        <Group title={t("funnel:quality")} cols="grid-cols-2 sm:grid-cols-3 lg:grid-cols-2">
          {count("qualified")}
          {count("closes")}
          <div className={`${tile} col-span-2 sm:col-span-1 lg:col-span-2`}>
            <h3 className="text-sm font-medium break-words hyphens-auto text-slate-600">{t("funnel:stages.revenue")}</h3>
            <Value href={links.revenue}>{formatMoney(locale, revenue.minor, revenue.currency)}</Value>
            <p className="mt-1 text-xs text-slate-500">
              {t("funnel:revenueEvents", { count: totals.revenueEvents })} · {t("funnel:stageHelp.revenue", { currency: currencyInSentence(revenue.currency, locale) })}
            </p>
            {totals.missingFxEvents > 0 ? <MissingFx count={totals.missingFxEvents} href={links.missingFx} t={t} /> : null}
          </div>
        </Group>
      </div>
    </div>
  );
}

export function MissingFx({ count, href, t }: { count: number; href?: string; t: TFunction }) {
  const text = t("funnel:missingFx", { count });
  return (
    <p className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 ring-1 ring-inset ring-amber-200" title={t("funnel:missingFxHelp")}>
      {href ? <Link href={href} className="font-medium underline">{text}</Link> : <span className="font-medium">{text}</span>}
      <span className="block text-amber-800">{t("funnel:missingFxHelp")}</span>
    </p>
  );
}

const rateKeys = ["clickToReferral", "referralToQualified", "qualifiedToClose"] as const;

/**
 * The three rates. A share shows its basis ("37 of 412"); a pair that is not a share (by period,
 * or clicks → referrals) shows "—", both counts in words and why (lib/funnel/rate-reading.ts).
 */
export function RateTiles({ rates, basis, locale, t }: { rates: FunnelRates; basis: "period" | "cohort"; locale: Locale; t: TFunction }) {
  return (
    <section aria-labelledby="funnel-rates" className="mt-4">
      <h2 id="funnel-rates" className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {t(`funnel:rates.title_${basis}`)} <span className="font-normal normal-case tracking-normal">· {t(`funnel:basis.${basis}`)}</span>
      </h2>
      <div className="grid gap-3 sm:grid-cols-3">
        {rateKeys.map((k) => (
          <div key={k} className={tile}>
            <h3 className="text-sm font-medium break-words hyphens-auto text-slate-600">{t(`funnel:rates.${k}`)}</h3>
            <RateShown variant="tile" texts={rateTexts(locale, k, rates[k], basis, t)} />
          </div>
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">{t(`funnel:rates.note_${basis}`)}</p>
    </section>
  );
}
