import { notFound } from "next/navigation";
import { MatchingLegend } from "@/components/opportunities/matching-legend";
import { MatchingTable } from "@/components/opportunities/matching-table";
import { ReviewHeader } from "@/components/opportunities/review-header";
import { Notice } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { loadMatches, MATCH_LIMIT } from "@/lib/opportunities/matching-load";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<SearchParams> };

export default async function MatchesPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "opportunities:read");
  const search = flattenSearchParams(await searchParams);
  const [result, t] = await Promise.all([
    loadMatches(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e))),
    getT(locale, ["opportunities", "referrals", "common"]),
  ]);
  const o = result.opportunity;
  const base = `/${locale}/t/${ctx.slug}`;
  const writable = can(ctx.role, "opportunities:write");
  const invite = writable && o.status === "open" ? { tenant: ctx.slug, opportunityId: o.id } : null;
  const context = { locale, opportunity: o };
  const everyone = [...result.suggestions, ...result.inTouch];
  const invited = search.done === "sent" || search.done === "already_invited" ? everyone.find((m) => m.candidate.id === search.candidate) : undefined;
  const kind = result.kind === "creator" ? "creators" : "brands";

  return (
    <>
      <ReviewHeader opportunity={o} base={base} current="matches" locale={locale} t={t} />
      <div className="mb-4 space-y-3">
        {invited ? <Notice tone={search.done === "sent" ? "success" : "info"}>{t(`matching.done.${search.done}`, { name: invited.candidate.name })}</Notice> : null}
        {writable && o.status !== "open" ? <Notice tone="info">{t("matching.notOpen", { status: t(`status.${o.status}`) })}</Notice> : null}
      </div>
      <p className="mb-3 text-sm text-slate-600">
        {t(`matching.lead.${kind}`, { count: result.candidateCount, shown: formatNumber(locale, Math.min(MATCH_LIMIT, result.suggestions.length)) })}
      </p>
      <MatchingLegend brands={result.kind === "brand"} t={t} />
      {result.suggestions.length ? (
        <MatchingTable matches={result.suggestions} base={base} locale={locale} timeZone={ctx.viewerTimeZone} context={context} invite={invite} t={t} />
      ) : (
        <EmptyState>{t(result.candidateCount ? "matching.allInTouch" : `matching.empty.${kind}`)}</EmptyState>
      )}
      {result.inTouch.length ? (
        <section aria-labelledby="in-touch" className="mt-10">
          <h2 id="in-touch" className="text-lg font-semibold text-slate-900">
            {t("matching.inTouch.title")} <span className="font-normal tabular-nums text-slate-500">{formatNumber(locale, result.inTouch.length)}</span>
          </h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">{t("matching.inTouch.lead")}</p>
          <MatchingTable matches={result.inTouch} base={base} locale={locale} timeZone={ctx.viewerTimeZone} context={context} invite={null} inTouch t={t} />
        </section>
      ) : null}
    </>
  );
}
