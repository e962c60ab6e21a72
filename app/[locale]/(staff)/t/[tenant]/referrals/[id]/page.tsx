import Link from "next/link";
import { notFound } from "next/navigation";
import { DuplicateNotices } from "@/components/referrals/duplicate-notices";
import { FactList } from "@/components/referrals/fact-list";
import { HistoryList } from "@/components/referrals/history-list";
import { historyNote } from "@/components/referrals/history-note";
import { MarketPair } from "@/components/referrals/market-pair";
import { OverrideForm } from "@/components/referrals/override-form";
import { StatusBadge } from "@/components/referrals/status-badge";
import { TransitionForm } from "@/components/referrals/transition-form";
import { PlacementsOfDeal } from "@/components/placements/placements-of-deal";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { referralStatuses } from "@/lib/referrals/codes";
import { getReferral, type ActorLabel } from "@/lib/referrals/get-referral";
import { knownClientReferral } from "@/lib/referrals/known-client";
import { nextStatuses, shortcuts, skippedStages } from "@/lib/referrals/state-machine";
import { localDate } from "@/lib/kernel/time-zone";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ moved?: string; overridden?: string }> };

export default async function ReferralPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const r = await getReferral(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["referrals", "common", "placements"]);
  const { moved, overridden } = await searchParams;
  const base = `/${locale}/t/${ctx.slug}`;
  const writable = can(ctx.role, "referrals:write");
  // A shortcut that needs a known client (a win straight from review) is offered only for one.
  const needsClient = Object.values(shortcuts[r.status] ?? {}).some((s) => s?.knownClientOnly);
  const moveContext = { knownClient: needsClient ? await knownClientReferral(ctx, r) : false };
  const options = nextStatuses(r.status, "staff", moveContext);
  const skipped = Object.fromEntries(options.map((to) => [to, skippedStages(r.status, to, "staff", moveContext)]).filter(([, via]) => via.length));
  const isDuplicate = r.status === "rejected" && (r.rejectReason === "duplicate" || !!r.duplicateReason);
  const date = (d: Date | null) => (d ? formatDate(fmt, d) : null);
  const actor = (a: ActorLabel) => (a.kind === "system" ? t("history.system") : a.kind === "former" ? t("history.former") : t(`history.${a.kind}`, { name: a.name }));
  const record = r.brand ? { href: `${base}/brands/${r.brand.id}`, name: r.brand.name } : r.creator ? { href: `${base}/creators/${r.creator.id}`, name: r.creator.name } : null;

  const facts = [
    { label: t("fields.kind"), value: t(`kind.${r.kind}`) },
    { label: t("fields.program"), value: r.program.name },
    { label: t("fields.sourceMarket"), value: t(`common:markets.${r.sourceMarket}`) },
    { label: t("fields.targetMarket"), value: t(`common:markets.${r.targetMarket}`) },
    { label: t("fields.country"), value: r.country },
    { label: t("fields.website"), value: r.website ? <a href={/^https?:\/\//i.test(r.website) ? r.website : `https://${r.website}`} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 hover:underline">{r.website}</a> : null },
    { label: t("fields.platforms"), value: r.platforms.length ? r.platforms.map((p) => `${t(`common:platforms.${p.platform}`, { defaultValue: p.platform })}: ${p.handle}`).join("\n") : null, wide: true },
    { label: t("fields.partner"), value: r.partner ? `${r.partner.name} · ${r.partner.email}` : null },
    { label: t("fields.relationship"), value: r.relationship ? t(`relationship.${r.relationship}`, { defaultValue: r.relationship }) : null },
    { label: t("fields.contact"), value: [r.contactName, r.contactChannel ? `${t(`channel.${r.contactChannel}`, { defaultValue: r.contactChannel })}: ${r.contactValue ?? ""}` : null].filter(Boolean).join("\n") },
    { label: t("fields.consent"), value: t(r.consentToIntro ? "fields.yes" : "fields.no") },
    { label: t("fields.fitReason"), value: r.fitReason, wide: true },
    { label: t("fields.submittedAt"), value: date(r.submittedAt) },
    { label: t("fields.qualifiedAt"), value: date(r.qualifiedAt) },
    { label: t("fields.closedAt"), value: date(r.closedAt) },
    { label: t("fields.dealValue"), value: r.dealValueMinor !== null && r.dealCurrency ? formatMoney(locale, r.dealValueMinor, r.dealCurrency) : null },
    ...(r.lostReason ? [{ label: t("fields.lostReason"), value: r.lostReason, wide: true }] : []),
    ...(r.rejectReason ? [{ label: t("fields.rejectReason"), value: t(`rejectReason.${r.rejectReason}`, { defaultValue: r.rejectReason }), wide: true }] : []),
    { label: t("fields.directoryRecord"), value: record ? <Link href={record.href} className="text-indigo-700 hover:underline">{record.name}</Link> : null },
  ];

  return (
    <>
      <PageHeader
        title={r.subjectName}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <MarketPair source={r.sourceMarket} target={r.targetMarket} crossLabel={t("crossMarket")} />
            <span>{t(`kind.${r.kind}`)} · {r.partner?.name ?? t("history.system")}</span>
          </span>
        }
        actions={<StatusBadge status={r.status} label={t(`status.${r.status}`)} />}
      />
      <div className="mb-4 space-y-3">
        {moved && (referralStatuses as readonly string[]).includes(moved) ? <Notice tone="success">{t("detail.moved", { status: t(`status.${moved}`) })}</Notice> : null}
        {overridden ? <Notice tone="success">{t("detail.overridden")}</Notice> : null}
        <DuplicateNotices referral={r} record={record} base={base} locale={locale} timeZone={ctx.viewerTimeZone} t={t} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Card title={t("detail.details")}><FactList facts={facts} /></Card>
          <Card title={t("detail.history")}>
            <HistoryList
              empty={t("history.empty")}
              items={r.history.map((h) => ({
                id: h.id,
                when: formatDateTime(fmt, h.at),
                status: <StatusBadge status={h.to} label={t(`status.${h.to}`)} />,
                badge: h.internal && h.note ? <Badge tone="amber">{t("history.internal")}</Badge> : null,
                actor: actor(h.actor),
                reason: h.code ? t(`rejectReason.${h.code}`) : null,
                // The opt-in acceptance is recorded with a fixed English reason; show it in the reader's language.
                note: historyNote(t, h.note),
              }))}
            />
          </Card>
        </div>
        <div className="space-y-6">
          {writable && options.length ? (
            <Card title={t("transition.title")}>
              <TransitionForm locale={locale} tenant={ctx.slug} id={r.id} current={r.status} options={options} skipped={skipped} knownClient={moveContext.knownClient} currency={ctx.reportingCurrency} today={localDate(new Date(), ctx.timeZone)} />
            </Card>
          ) : (
            <Card title={t("transition.title")}>
              <p className="text-sm text-slate-600">{options.length ? t("transition.readOnly") : t("transition.final")}</p>
            </Card>
          )}
          {r.status === "won" ? <PlacementsOfDeal ctx={ctx} locale={locale} t={t} source={{ referralId: r.id }} writable={writable} /> : null}
          {writable && isDuplicate ? (
            <Card title={t("override.title")}>
              <p className="mb-3 text-sm text-slate-600">{t("override.hint")}</p>
              <OverrideForm locale={locale} tenant={ctx.slug} id={r.id} />
            </Card>
          ) : null}
          <p className="text-xs text-slate-500">{t("detail.protection", { count: r.program.protectionWindowDays })}</p>
        </div>
      </div>
    </>
  );
}
