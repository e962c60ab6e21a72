import Link from "next/link";
import { notFound } from "next/navigation";
import { ComplianceForm } from "@/components/placements/compliance-form";
import { OrdDetailsForm } from "@/components/ord/details-form";
import { OrdErrorText } from "@/components/ord/ord-error";
import { CopyLink } from "@/components/ui/copy-link";
import { buttonClass } from "@/components/ui/button";
import { requestEridAction } from "@/lib/ord/actions";
import { getOrdDetails } from "@/lib/ord/placement-ord";
import type { StoredOrdError } from "@/lib/ord/sync-placement";
import { labelLine } from "@/lib/placements/label-line";
import { MonthStats } from "@/components/placements/month-stats";
import { PlacementMoveForm } from "@/components/placements/move-form";
import { PlacementStatusBadge } from "@/components/placements/status-badge";
import { FactList } from "@/components/referrals/fact-list";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime, formatDay, formatMoney, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/kernel/errors";
import { gatingKinds } from "@/lib/placements/check-rules";
import { describeRule, platformName } from "@/lib/placements/describe-rule";
import { getPlacement } from "@/lib/placements/get-placement";
import { nextPlacementStatuses, placementStatuses } from "@/lib/placements/state-machine";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ moved?: string; created?: string; erid?: string; export?: string }> };

const external = "text-indigo-700 hover:underline break-all";

/** Staff: one placement — its deal, creative, the ad rules on its planned date, the next step and its history. */
export default async function PlacementPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:read");
  const p = await getPlacement(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["placements", "common", "ord"]);
  const { moved, created, erid: eridParam, export: exportParam } = await searchParams;
  const ord = await getOrdDetails(ctx, id);
  const ordConfigured = !!ord.settings?.apiKeyLast4;
  const ordError = p.ordError as StoredOrdError | null;
  const line = labelLine({ audienceMarket: p.audienceMarket, brandName: p.brand.name, erid: p.erid, advertiser: ord.brand });
  const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : "");
  const initial = ord.contracts.find((c) => c.kind === "initial");
  const toCreator = ord.contracts.find((c) => c.kind === "creator");
  const partyDefaults = (prefix: string, row: typeof ord.brand) => (row ? {
    [`${prefix}LegalForm`]: row.legalForm, [`${prefix}Name`]: row.name, [`${prefix}Inn`]: row.inn ?? "", [`${prefix}Kpp`]: row.kpp ?? "", [`${prefix}Ogrn`]: row.ogrn ?? "",
    [`${prefix}Phone`]: row.phone ?? "", [`${prefix}ForeignRegistrationNumber`]: row.foreignRegistrationNumber ?? "", [`${prefix}ForeignCountryCode`]: row.foreignCountryCode ?? "",
  } : {});
  const base = `/${locale}/t/${ctx.slug}`;
  const writable = can(ctx.role, "referrals:write");
  const options = nextPlacementStatuses(p.status);
  const link = (url: string | null) => (url ? <a href={url} target="_blank" rel="noopener noreferrer nofollow" className={external}>{url}</a> : null);
  const violated = new Map(p.violations.map((v) => [v.rule.id, v.blocking]));
  const editable = ["draft", "ready_to_label", "labelled"].includes(p.status);

  const facts = [
    { label: t("fields.source"), value: p.referral ? <Link href={`${base}/referrals/${p.referral.id}`} className={external}>{p.referral.subjectName}</Link> : p.optIn ? <Link href={`${base}/opportunities/${p.optIn.opportunityId}/opt-ins`} className={external}>{p.optIn.name}</Link> : null },
    { label: t("fields.brandId"), value: <Link href={`${base}/brands/${p.brand.id}`} className={external}>{p.brand.name}</Link> },
    { label: t("fields.creatorId"), value: p.creatorId ? <Link href={`${base}/creators/${p.creatorId}`} className={external}>{p.creatorName}</Link> : p.creatorName },
    { label: t("fields.platform"), value: platformName(t, p.platform) },
    { label: t("fields.channel"), value: /^https?:\/\//i.test(p.channel) ? link(p.channel) : p.channel },
    { label: t("fields.audienceMarket"), value: t(`common:markets.${p.audienceMarket}`) },
    { label: t("fields.plannedOn"), value: formatDay(locale, p.plannedOn) },
    { label: t("fields.price"), value: formatMoney(locale, p.priceMinor, p.currency) },
    { label: t("fields.trackedLinkId"), value: p.trackedLink ? `/r/${p.trackedLink.code}` : null },
    // As the gate reads them: typed on the placement, else the creator's channel in the directory (part 5).
    { label: t("fields.channelSubscribers"), value: p.facts.channelSubscribers === null ? null : `${formatNumber(locale, p.facts.channelSubscribers)}${p.facts.subscribersFrom === "channel" ? ` ${t("fields.fromChannel")}` : ""}` },
    { label: t("fields.rknRegistryNumber"), value: p.facts.rknRegistryNumber ? `${p.facts.rknRegistryNumber}${p.facts.registryFrom === "channel" ? ` ${t("fields.fromChannel")}` : ""}` : null },
    { label: t("fields.legalStatus"), value: p.legalStatus ? `${t(`legalStatus.${p.legalStatus.status}`)} ${t(`legalStatus.from.${p.legalStatus.source}`)}` : null },
    { label: t("fields.erid"), value: p.erid ? <span className="font-mono">{p.erid}</span> : null },
    { label: t("fields.disclosureText"), value: p.disclosureText, wide: true },
    ...(p.postUrl ? [
      { label: t("fields.postUrl"), value: link(p.postUrl), wide: true },
      { label: t("fields.publishedOn"), value: p.publishedOn ? formatDay(locale, p.publishedOn) : null },
      { label: t("fields.proofUrl"), value: link(p.proofUrl) },
    ] : []),
  ];

  return (
    <>
      <PageHeader
        title={`${p.brand.name} · ${p.creatorName}`}
        subtitle={`${platformName(t, p.platform)} · ${formatDay(locale, p.plannedOn)}`}
        actions={<PlacementStatusBadge status={p.status} label={t(`status.${p.status}`)} />}
      />
      <div className="mb-4 space-y-3">
        {created ? <Notice tone="success">{t("detail.created")}</Notice> : null}
        {exportParam === "invalid" ? <Notice tone="error">{t("ord:placement.exportInvalid")}</Notice> : null}
        {eridParam === "requested" && p.status === "ready_to_label" && !ordError ? <Notice tone="info">{t("ord:placement.requested")}</Notice> : null}
        {moved && (placementStatuses as readonly string[]).includes(moved) ? <Notice tone="success">{t("detail.moved", { status: t(`status.${moved}`) })}</Notice> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Card title={t("detail.checks")}>
            {p.inForce.length === 0 ? <p className="text-sm text-slate-600">{t("detail.checksNone")}</p> : (
              <ul className="space-y-2 text-sm">
                {p.inForce.map((rule) => {
                  const blocking = violated.get(rule.id);
                  // The label line and the statistics deadline are not checked here yet (issue 17, parts 4 and 6).
                  const gate = gatingKinds.includes(rule.kind);
                  return (
                    <li key={rule.id} className="flex flex-wrap items-start gap-2">
                      <span aria-hidden="true" className="w-3">{!gate ? "·" : blocking === undefined ? "✓" : blocking ? "✕" : "!"}</span>
                      <span className="min-w-0 flex-1">{describeRule(t, locale, rule)}</span>
                      {blocking === true ? <Badge tone="red">{t("detail.blocks")}</Badge> : blocking === false ? <Badge tone="amber">{t("detail.warns")}</Badge> : !gate ? <Badge>{t("detail.notChecked")}</Badge> : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {p.inForce.length > 0 && p.violations.length === 0 ? <p className="mt-3 text-sm text-green-800">{t("detail.checksOk")}</p> : null}
          </Card>
          <Card title={t("ord:label.title")}>
            {line.text ? (
              <>
                <CopyLink url={line.text} label={line.language === "ru" ? t("ord:label.ru") : t("ord:label.en")} />
                {p.trackedLink && p.erid ? <p className="mt-2 text-xs text-slate-600">{t("ord:label.linkCarries", { erid: p.erid })}</p> : null}
              </>
            ) : <p className="text-sm text-slate-600">{t("ord:label.needsErid")}</p>}
          </Card>
          <Card title={t("detail.details")}><FactList facts={facts} /></Card>
          <Card title={t("detail.creative")}>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{p.creativeText}</p>
            {p.mediaUrls.length ? <ul className="mt-3 space-y-1 text-sm">{p.mediaUrls.map((u) => <li key={u}>{link(u)}</li>)}</ul> : null}
          </Card>
          <MonthStats locale={locale} tenant={ctx.slug} placement={p} writable={writable} />
          <Card title={t("detail.history")}>
            <ol className="space-y-2 text-sm">
              {p.transitions.map((h) => (
                <li key={h.id} className="flex flex-wrap items-center gap-2">
                  <span className="text-slate-500">{formatDateTime({ locale, timeZone: ctx.viewerTimeZone }, h.createdAt)}</span>
                  <PlacementStatusBadge status={h.toStatus} label={t(`status.${h.toStatus}`)} />
                  <span>{p.actorName(h.actorUserId) ?? t("detail.historyFormer")}</span>
                  {h.note ? <span className="w-full text-slate-700">{h.note}</span> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("move.title")}>
            {!options.length ? <p className="text-sm text-slate-600">{t("move.final")}</p>
              : writable ? <PlacementMoveForm locale={locale} tenant={ctx.slug} id={p.id} options={options} today={new Date().toISOString().slice(0, 10)} />
              : <p className="text-sm text-slate-600">{t("move.readOnly")}</p>}
          </Card>
          <Card title={t("ord:placement.title")}>
            <div className="space-y-3 text-sm">
              {ordError ? <Notice tone="error"><OrdErrorText t={t} error={ordError} /></Notice> : null}
              {p.audienceMarket !== "RU" ? <p className="text-slate-600">{t("ord:placement.notRu")}</p>
                : p.erid ? <p>{t("ord:placement.hasErid")} <span className="font-mono">{p.erid}</span></p>
                : ordConfigured ? (
                  p.status === "ready_to_label" && writable ? (
                    <form action={requestEridAction.bind(null, { locale, tenant: ctx.slug, id: p.id })}>
                      <button type="submit" className={buttonClass("primary")}>{t("ord:placement.getErid")}</button>
                    </form>
                  ) : <p className="text-slate-600">{t("ord:placement.whenReady")}</p>
                ) : <p className="text-slate-600">{t("ord:placement.noKey")}</p>}
              <ul className="space-y-1">
                <li><Link href={`${base}/placements/${p.id}/ord`} className="text-indigo-700 hover:underline">{t("ord:placement.log")}</Link></li>
                <li><a href={`${base}/placements/${p.id}/ord-export`} className="text-indigo-700 hover:underline" download>{t("ord:placement.export")}</a></li>
              </ul>
            </div>
          </Card>
          {writable && ["draft", "ready_to_label"].includes(p.status) ? (
            <Card title={t("ord:details.title")}>
              <OrdDetailsForm locale={locale} tenant={ctx.slug} id={p.id} defaults={{
                ...partyDefaults("brand", ord.brand), ...partyDefaults("creator", ord.creator),
                initialSignedOn: day(initial?.signedOn), initialSerial: initial?.serial ?? "", creatorSignedOn: day(toCreator?.signedOn), creatorSerial: toCreator?.serial ?? "",
              }} />
            </Card>
          ) : null}
          {writable ? (
            <Card title={t("detail.compliance")}>
              {editable ? (
                <ComplianceForm locale={locale} tenant={ctx.slug} id={p.id} defaults={{
                  erid: p.erid ?? "", channelSubscribers: p.channelSubscribers?.toString() ?? "", rknRegistryNumber: p.rknRegistryNumber ?? "", disclosureText: p.disclosureText ?? "",
                }} />
              ) : <p className="text-sm text-slate-600">{t("detail.complianceFrozen")}</p>}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
