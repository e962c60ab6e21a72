import { notFound } from "next/navigation";
import { FactList } from "@/components/referrals/fact-list";
import { HistoryList } from "@/components/referrals/history-list";
import { historyNote } from "@/components/referrals/history-note";
import { MarketPair } from "@/components/referrals/market-pair";
import { ReferralForm } from "@/components/referrals/referral-form";
import { StatusBadge } from "@/components/referrals/status-badge";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { listPartnerPlacements } from "@/lib/placements/list-placements";
import { PartnerPlacements } from "@/components/placements/partner-placements";
import { referralFormOpportunity } from "@/lib/opportunities/partner-opportunities";
import { getMyReferral, openPrograms, type MyReferral } from "@/lib/referrals/partner-referrals";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ saved?: string; submitted?: string }> };

function formValues(r: MyReferral): Record<string, string> {
  const values: Record<string, string> = {
    kind: r.kind, subjectName: r.subjectName, market: r.sourceMarket, country: r.country ?? "", website: r.website ?? "",
    contactName: r.contactName ?? "", contactChannel: r.contactChannel ?? "", contactValue: r.contactValue ?? "",
    programId: r.programId, targetMarket: r.targetMarket, relationship: r.relationship ?? "", fitReason: r.fitReason ?? "",
    consent: r.consentToIntro ? "on" : "",
  };
  r.platforms.forEach((p, i) => {
    values[`platforms.${i}.platform`] = p.platform;
    values[`platforms.${i}.handle`] = p.handle;
  });
  return values;
}

export default async function MyReferralPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requirePartner(locale, tenant);
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  // Another partner's referral answers exactly like a missing one.
  const r = await getMyReferral(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["referrals", "common", "placements", "ord"]);
  const { saved, submitted } = await searchParams;
  const base = `/${locale}/p/${ctx.slug}/referrals`;
  const header = (
    <PageHeader
      title={r.subjectName}
      subtitle={<span className="inline-flex flex-wrap items-center gap-2"><MarketPair source={r.sourceMarket} target={r.targetMarket} crossLabel={t("crossMarket")} /><span>{t(`kind.${r.kind}`)} · {r.program.name}</span></span>}
      actions={<StatusBadge status={r.status} label={t(`status.${r.status}`)} />}
    />
  );

  if (r.status === "draft") {
    const opportunity = await referralFormOpportunity(ctx, locale, r.opportunityId);
    const programs = opportunity ? [opportunity.program] : await openPrograms(ctx);
    return (
      <>
        {header}
        <div className="mb-4">{saved ? <Notice tone="success">{t("portal.detail.draftSaved")}</Notice> : <Notice>{t("portal.detail.draftHint")}</Notice>}</div>
        <Card><ReferralForm key={r.updatedAt.toISOString()} locale={locale} tenant={ctx.slug} id={r.id} initial={formValues(r)} programs={programs} cancelHref={base} opportunity={opportunity ?? undefined} /></Card>
      </>
    );
  }

  const placements = r.status === "won" ? await listPartnerPlacements(ctx, { referralId: r.id }) : [];
  const facts = [
    { label: t("fields.sourceMarket"), value: t(`common:markets.${r.sourceMarket}`) },
    { label: t("fields.targetMarket"), value: t(`common:markets.${r.targetMarket}`) },
    { label: t("fields.website"), value: r.website },
    { label: t("fields.country"), value: r.country },
    { label: t("fields.platforms"), value: r.platforms.map((p) => `${t(`common:platforms.${p.platform}`, { defaultValue: p.platform })}: ${p.handle}`).join("\n"), wide: true },
    { label: t("fields.contact"), value: [r.contactName, r.contactChannel ? `${t(`channel.${r.contactChannel}`, { defaultValue: r.contactChannel })}: ${r.contactValue ?? ""}` : null].filter(Boolean).join("\n") },
    { label: t("fields.relationship"), value: r.relationship ? t(`relationship.${r.relationship}`, { defaultValue: r.relationship }) : null },
    { label: t("fields.fitReason"), value: r.fitReason, wide: true },
    { label: t("fields.submittedAt"), value: r.submittedAt ? formatDate(fmt, r.submittedAt) : null },
  ];

  return (
    <>
      {header}
      <div className="mb-4 space-y-3">
        {r.knownToAgency ? (
          <Notice tone="info">
            <p className="font-medium">{t("portal.detail.known.title")}</p>
            <p className="mt-1">{t("portal.detail.known.body")}</p>
          </Notice>
        ) : submitted ? (
          <Notice tone="success">{t("portal.detail.submitted")}</Notice>
        ) : null}
        {!r.knownToAgency && r.status === "rejected" && r.rejectReason ? (
          <Notice>{t("portal.detail.rejected", { reason: t(`partnerRejectReason.${r.rejectReason}`, { defaultValue: r.rejectReason }) })}</Notice>
        ) : null}
      </div>
      <div className="space-y-4">
        <Card title={t("portal.detail.progress")}>
          <HistoryList
            empty={t("history.empty")}
            items={r.history.map((h) => ({
              id: h.id,
              when: formatDateTime(fmt, h.at),
              status: <StatusBadge status={h.to} label={t(`status.${h.to}`)} />,
              actor: t(`portal.actor.${h.actor}`, { agency: ctx.tenantName }),
              reason: h.code ? t("portal.detail.reason", { reason: t(`partnerRejectReason.${h.code}`) }) : null,
              note: historyNote(t, h.note),
            }))}
          />
        </Card>
        {placements.length ? (
          <Card title={t("placements:portal.title")}>
            <PartnerPlacements rows={placements} locale={locale} t={t} />
          </Card>
        ) : null}
        <Card title={t("portal.detail.whatYouSent")}><FactList facts={facts} /></Card>
      </div>
    </>
  );
}
