import Link from "next/link";
import { FallbackNote } from "@/components/opportunities/localized";
import { OptInForm } from "@/components/opportunities/opt-in-form";
import { FactList } from "@/components/referrals/fact-list";
import { MarketPair } from "@/components/referrals/market-pair";
import { Badge, Notice } from "@/components/ui/card";
import type { PublicContext } from "@/lib/auth/contexts/public";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import type { getBoardOpportunity } from "@/lib/opportunities/board";
import { optInKind } from "@/lib/opportunities/codes";
import { opportunityText } from "@/lib/opportunities/localized-text";
import { termFacts } from "@/lib/opportunities/present";

type Opportunity = NonNullable<Awaited<ReturnType<typeof getBoardOpportunity>>>;

/** One open opportunity and its opt-in form: the public board's page and its embedded copy. */
export async function BoardOpportunityView({ locale, tenant, o, backHref }: { locale: Locale; tenant: PublicContext; o: Opportunity; backHref: string }) {
  const t = await getT(locale, ["board", "opportunities", "common"]);
  const { title, description } = opportunityText(locale, o);
  const fallbackLang = title.fallback ? title.lang : description?.fallback ? description.lang : null;
  const kind = optInKind(o.side);
  return (
    <div className="space-y-6">
      <Link href={backHref} className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-700 hover:underline">← {t("detail.back")}</Link>
      <article className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200 sm:p-6">
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone="indigo">{t(`opportunities:side.${o.side}`)}</Badge>
          <MarketPair source={o.sourceMarket} target={o.targetMarket} crossLabel={t("detail.crossMarket")} />
        </div>
        <h1 lang={title.lang} className="mt-3 text-2xl font-semibold tracking-tight text-slate-900">{title.text}</h1>
        {fallbackLang ? <FallbackNote lang={fallbackLang} label={t(`opportunities:fallback.${fallbackLang}`)} /> : null}
        {description ? <p lang={description.lang} className="mt-4 whitespace-pre-line text-slate-700">{description.text}</p> : null}
        <div className="mt-6 border-t border-slate-100 pt-5">
          <FactList facts={termFacts(t, locale, o)} />
        </div>
      </article>
      <section aria-labelledby="opt-in-title" className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200 sm:p-6">
        <h2 id="opt-in-title" className="text-lg font-semibold text-slate-900">{t(`optIn.title.${kind}`)}</h2>
        {o.acceptsOptIns ? (
          <>
            <p className="mb-5 mt-1 text-sm text-slate-600">{t("optIn.lead", { agency: tenant.name })}</p>
            <OptInForm locale={locale} tenant={tenant.slug} id={o.id} kind={kind} agency={tenant.name} defaultMarket={o.targetMarket} />
          </>
        ) : (
          <div className="mt-3"><Notice>{t("optIn.closed")}</Notice></div>
        )}
      </section>
    </div>
  );
}
