import Link from "next/link";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/referrals/status-badge";
import { Badge, Notice } from "@/components/ui/card";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { consentVersionDate } from "@/lib/opportunities/codes";
import type { OptInReviewItem } from "@/lib/opportunities/review";
import { availableDecisions } from "@/lib/opportunities/review-status";
import { ReviewDecisionForm } from "./review-decision-form";
import { ReviewStatusBadge } from "./review-status-badge";

type Props = { item: OptInReviewItem; base: string; tenant: string; locale: Locale; timeZone: string; writable: boolean; filter?: string; t: TFunction };

/** «от 01.11.2026» rather than the stored code; an unknown format is shown as stored. */
const consentVersionLabel = (locale: Locale, version: string) => {
  const date = consentVersionDate(version);
  return date ? formatDay(locale, date) : version;
};
const externalHref = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

/** One opt-in as staff review it: what the applicant wrote, who is credited, the consent record, and the decision. */
export function ReviewOptInCard({ item: o, base, tenant, locale, timeZone, writable, filter, t }: Props) {
  const fmt = { locale, timeZone };
  const language = t(`common:languages.${isLocale(o.locale) ? o.locale : "en"}`);
  const decisions = availableDecisions(o.status);
  const record = o.referral?.brand
    ? { href: `${base}/brands/${o.referral.brand.id}`, name: o.referral.brand.name }
    : o.referral?.creator ? { href: `${base}/creators/${o.referral.creator.id}`, name: o.referral.creator.name } : null;
  const duplicate = !!o.referral?.duplicateReason && !o.referral.overrideReason && o.referral.status === "rejected";
  const reviewer = o.reviewer ? (o.reviewer.kind === "staff" ? o.reviewer.name : t("review.card.formerStaff")) : null;

  return (
    <article id={`opt-in-${o.id}`} aria-labelledby={`opt-in-${o.id}-name`} className="rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-3.5">
        <div className="min-w-0">
          <h2 id={`opt-in-${o.id}-name`} className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
            {o.name} <Badge>{t(`referrals:kind.${o.kind}`)}</Badge>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {[t(`common:markets.${o.market}`), o.country !== o.market ? o.country : null, t("review.card.wroteIn", { language }), formatDateTime(fmt, o.createdAt)].filter(Boolean).join(" · ")}
          </p>
        </div>
        <ReviewStatusBadge status={o.status} label={t(`review.status.${o.status}`)} />
      </header>

      <div className="grid gap-6 p-5 lg:grid-cols-[1fr_18rem]">
        <dl className="grid min-w-0 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Fact label={t("review.card.partner")}>
            {o.partner ? <Link href={`${base}/partners/${o.partner.id}`} className="text-indigo-700 hover:underline">{o.partner.name}</Link> : <span className="text-slate-500">{t("review.card.noPartner")}</span>}
          </Fact>
          <Fact label={t("review.card.contact")}>
            {o.contactName ? <span className="block">{o.contactName}</span> : null}
            <a href={`mailto:${o.contactEmail}`} className="break-all text-indigo-700 hover:underline">{o.contactEmail}</a>
          </Fact>
          <Fact label={t("review.card.website")}>
            {o.website ? <a href={externalHref(o.website)} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-indigo-700 hover:underline">{o.website}</a> : "—"}
          </Fact>
          <Fact label={t("review.card.platforms")}>
            {o.platforms.length ? (
              <ul className="space-y-0.5">
                {o.platforms.map((p) => (
                  <li key={p.platform}>
                    {t(`common:platforms.${p.platform}`, { defaultValue: p.platform })} · {p.handle}
                    {p.audienceSize ? <span className="text-slate-500"> · {t("review.card.audience", { count: p.audienceSize })}</span> : null}
                  </li>
                ))}
              </ul>
            ) : "—"}
          </Fact>
          {o.pitch ? <Fact label={t("review.card.pitch")} wide><span className="whitespace-pre-line">{o.pitch}</span></Fact> : null}
          <Fact label={t("review.card.consent")} wide>
            <span className="font-normal text-slate-700">{t("review.card.consentRecord", { version: consentVersionLabel(locale, o.consentVersion), date: formatDateTime(fmt, o.consentedAt), language })}</span>
            <details className="mt-1">
              <summary className="cursor-pointer text-xs font-medium text-indigo-700">{t("review.card.consentText")}</summary>
              <p lang={o.locale} className="mt-1 whitespace-pre-line rounded-md bg-slate-50 p-3 text-xs font-normal text-slate-700">{o.consentText}</p>
            </details>
          </Fact>
        </dl>

        <div className="space-y-3 text-sm">
          {reviewer && o.reviewedAt ? (
            <p className="text-slate-600">{t(`review.card.decidedBy.${o.status}`, { name: reviewer, date: formatDateTime(fmt, o.reviewedAt) })}</p>
          ) : null}
          {o.decisionNote ? (
            <p className="rounded-md bg-amber-50 p-3 text-slate-800 ring-1 ring-inset ring-amber-200">
              <Badge tone="amber">{t("review.card.internal")}</Badge> <span className="whitespace-pre-line">{o.decisionNote}</span>
            </p>
          ) : null}
          {o.referral ? (
            <div className="space-y-2">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`${base}/referrals/${o.referral.id}`} className="font-medium text-indigo-700 hover:underline">{t("review.card.referral")}</Link>
                <StatusBadge status={o.referral.status} label={t(`referrals:status.${o.referral.status}`)} />
              </p>
              {record ? <p className="text-slate-600">{t("review.card.record")} <Link href={record.href} className="text-indigo-700 hover:underline">{record.name}</Link></p> : null}
              {duplicate ? <Notice tone="info">{t(`review.card.duplicate.${o.referral.duplicateReason}`)}</Notice> : null}
              {writable && o.status === "accepted" ? (
                <p><Link href={`${base}/placements/new?optIn=${o.id}`} className="font-medium text-indigo-700 hover:underline">{t("placements:new.button")}</Link></p>
              ) : null}
            </div>
          ) : null}
          {writable && decisions.length ? (
            <ReviewDecisionForm
              locale={locale} tenant={tenant} opportunityId={o.opportunityId} optInId={o.id} status={filter}
              decisions={decisions} name={o.name} language={language}
            />
          ) : null}
        </div>
      </div>
    </article>
  );
}

function Fact({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}
