import { notFound } from "next/navigation";
import { CopyLink } from "@/components/ui/copy-link";
import { FallbackNote } from "@/components/opportunities/localized";
import { FactList } from "@/components/referrals/fact-list";
import { MarketPair } from "@/components/referrals/market-pair";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { appUrl } from "@/lib/app-url";
import { requirePartner } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/kernel/errors";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { optInKind } from "@/lib/opportunities/codes";
import { opportunityText } from "@/lib/opportunities/localized-text";
import { getPartnerOpportunity } from "@/lib/opportunities/partner-opportunities";
import { termFacts } from "@/lib/opportunities/present";
import { ensureRefCode } from "@/lib/partners/ref-code";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }> };

/** One opportunity for a partner: their personal share link and a way to refer someone they know. */
export default async function PortalOpportunityPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requirePartner(locale, tenant);
  const o = await getPartnerOpportunity(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const [code, origin, t] = await Promise.all([ensureRefCode(ctx), appUrl(), getT(locale, ["opportunities", "board", "common"])]);
  const { title, description } = opportunityText(locale, o);
  const fallbackLang = title.fallback ? title.lang : description?.fallback ? description.lang : null;
  const shareUrl = `${origin}/${locale}/o/${ctx.slug}/${o.id}?ref=${code}`;
  return (
    <div className="space-y-4">
      <div>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone="indigo">{t(`side.${o.side}`)}</Badge>
          <MarketPair source={o.sourceMarket} target={o.targetMarket} />
        </div>
        <h1 lang={title.lang} className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title.text}</h1>
        {fallbackLang ? <FallbackNote lang={fallbackLang} label={t(`fallback.${fallbackLang}`)} /> : null}
        <p className="mt-1 text-sm text-slate-500">{o.program.name}</p>
      </div>

      <section className="rounded-xl bg-indigo-600 p-5 text-white shadow-xs">
        <h2 className="text-lg font-semibold">{t("portal.share.title")}</h2>
        <p className="mt-1 text-sm text-indigo-100">{t("portal.share.body", { count: o.program.attributionWindowDays })}</p>
        <div className="mt-4 rounded-lg bg-white p-3 text-slate-900">
          <CopyLink url={shareUrl} label={t("portal.share.label")} shareTitle={title.text} />
        </div>
      </section>

      <Card title={t("portal.refer.title")}>
        <p className="text-sm text-slate-700">{t(`portal.refer.body_${optInKind(o.side)}`)}</p>
        <ButtonLink href={`/${locale}/p/${ctx.slug}/referrals/new?opportunity=${o.id}`} className="mt-4 min-h-11 w-full sm:w-auto">{t("portal.refer.button")}</ButtonLink>
      </Card>

      <Card title={t("portal.details")}>
        {description ? <p lang={description.lang} className="mb-5 whitespace-pre-line text-sm text-slate-700">{description.text}</p> : null}
        <FactList facts={termFacts(t, locale, o)} />
      </Card>
    </div>
  );
}
