import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyLink } from "@/components/ui/copy-link";
import { FallbackNote } from "@/components/opportunities/localized";
import { OpportunityStatusBadge } from "@/components/opportunities/status-badge";
import { OpportunityStatusForm } from "@/components/opportunities/status-form";
import { FactList } from "@/components/referrals/fact-list";
import { MarketPair } from "@/components/referrals/market-pair";
import { ButtonLink } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { appUrl } from "@/lib/app-url";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { opportunityStatuses } from "@/lib/opportunities/codes";
import { deadlinePassed } from "@/lib/kernel/deadline";
import { opportunityText } from "@/lib/opportunities/localized-text";
import { getOpportunity } from "@/lib/opportunities/opportunities";
import { termFacts } from "@/lib/opportunities/present";
import { nextOpportunityStatuses } from "@/lib/opportunities/status-transitions";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ saved?: string; moved?: string }> };

export default async function OpportunityPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "opportunities:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const o = await getOpportunity(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const [t, origin] = await Promise.all([getT(locale, ["opportunities", "referrals", "common"]), appUrl()]);
  const { saved, moved } = await searchParams;
  const base = `/${locale}/t/${ctx.slug}/opportunities/${o.id}`;
  const writable = can(ctx.role, "opportunities:write");
  const options = nextOpportunityStatuses(o.status);
  const { title } = opportunityText(locale, o);
  const publicUrl = `${origin}/${locale}/o/${ctx.slug}/${o.id}`;
  const tab = "-mb-px border-b-2 px-1 pb-2 text-sm font-medium";
  const version = (lng: "En" | "Ru") => {
    const heading = o[`title${lng}`];
    const body = o[`description${lng}`];
    return (
      <Card title={t(`detail.version${lng}`)}>
        {heading ? (
          <div lang={lng.toLowerCase()} className="space-y-2">
            <p className="font-medium text-slate-900">{heading}</p>
            {body ? <p className="whitespace-pre-line text-sm text-slate-700">{body}</p> : <p className="text-sm text-slate-500">{t("detail.noDescription")}</p>}
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t(`detail.missing${lng}`)}</p>
        )}
      </Card>
    );
  };

  return (
    <>
      <PageHeader
        title={<span lang={title.lang}>{title.text}</span>}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <MarketPair source={o.sourceMarket} target={o.targetMarket} crossLabel={t("referrals:crossMarket")} />
            <span>{t(`side.${o.side}`)} · {o.program.name}</span>
          </span>
        }
        actions={<OpportunityStatusBadge status={o.status} label={t(`status.${o.status}`)} />}
      />
      <div className="mb-4 space-y-3">
        {title.fallback ? <div className="-mt-4"><FallbackNote lang={title.lang} label={t(`fallback.${title.lang}`)} /></div> : null}
        {saved ? <Notice tone="success">{t("detail.saved")}</Notice> : null}
        {moved && (opportunityStatuses as readonly string[]).includes(moved) ? <Notice tone="success">{t(`detail.moved.${moved}`)}</Notice> : null}
        {o.status === "open" && deadlinePassed(o.deadline, new Date()) ? <Notice>{t("detail.deadlinePassed")}</Notice> : null}
      </div>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3 border-b border-slate-200">
        {/* The same three tabs as on the opt-ins and matches pages. */}
        <nav aria-label={t("detail.sections")} className="flex gap-6">
          <Link href={base} aria-current="page" className={`${tab} border-indigo-600 text-indigo-700`}>{t("review.tabs.details")}</Link>
          <Link href={`${base}/opt-ins`} className={`${tab} border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900`}>{t("detail.optIns", { count: o._count.optIns })}</Link>
          <Link href={`${base}/matches`} className={`${tab} border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900`}>{t("detail.matches")}</Link>
        </nav>
        <div className="flex items-center gap-3 pb-2">
          {o.status === "open" ? <a href={publicUrl} target="_blank" rel="noopener" className="text-sm font-medium text-indigo-700 hover:underline">{t("detail.viewOnBoard")} ↗</a> : null}
          {writable ? <ButtonLink href={`${base}/edit`} variant="secondary">{t("detail.edit")}</ButtonLink> : null}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Card title={t("detail.terms")}>
            <FactList facts={[
              ...termFacts(t, locale, o),
              { label: t("detail.program"), value: o.program.name },
              { label: t("detail.referrals"), value: formatNumber(locale, o._count.referrals) },
              { label: t("detail.updated"), value: formatDateTime(fmt, o.updatedAt) },
            ]} />
          </Card>
          <div className="grid gap-6 xl:grid-cols-2">
            {version("En")}
            {version("Ru")}
          </div>
        </div>
        <div className="space-y-6">
          <Card title={t("detail.status")}>
            {writable && options.length ? (
              <OpportunityStatusForm locale={locale} tenant={ctx.slug} id={o.id} from={o.status} options={options} />
            ) : (
              <p className="text-sm text-slate-600">{t(`detail.statusHint.${o.status}`)}</p>
            )}
          </Card>
          {o.status === "open" ? (
            <Card title={t("detail.publicLink")}>
              <CopyLink url={publicUrl} label={t("detail.publicLinkLabel")} />
              <p className="mt-3 text-xs text-slate-500">{t("detail.partnerLinksHint", { count: o.program.attributionWindowDays })}</p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
