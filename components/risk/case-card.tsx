import { Badge, Card } from "@/components/ui/card";
import type { TFunction } from "i18next";
import { formatDate, formatDay, formatMoney, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { RiskCaseRow, RiskQueue } from "@/lib/risk/queue";
import { ResolveForm } from "./resolve-form";

const severityTone = { high: "red", medium: "amber", low: "slate" } as const;

type Refs = Pick<RiskQueue, "partners" | "links">;
type D = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : 0);

/** One finding in words, for staff (partners never see this). */
export function describeFinding(t: TFunction, locale: Locale, kind: string, details: D, refs: Refs): string {
  const partner = (id: string) => refs.partners[id]?.name ?? "—";
  switch (kind) {
    case "self_referral": {
      const match = str(details.match);
      return t(`risk:details.${match === "email_domain" ? "email_domain" : match === "visitor" ? "visitor" : "email"}`, { value: str(details.value) });
    }
    case "disposable_email":
      return t("risk:details.disposable", { email: str(details.email) });
    case "shared_payout_account": {
      const ids = Array.isArray(details.otherPartnerIds) ? details.otherPartnerIds.map(String) : [];
      return t("risk:details.shared", { count: ids.length, field: t(`risk:fields.${str(details.field)}`), names: ids.map(partner).join(", ") });
    }
    case "banned_elsewhere": {
      const other = refs.partners[str(details.otherPartnerId)];
      return t("risk:details.banned", {
        name: other?.name ?? "—", status: t(`partners:status.${other?.status ?? str(details.otherStatus)}`), via: t(`risk:fields.${str(details.via)}`),
      });
    }
    case "click_spike": {
      const clicks = num(details.clicks);
      return `${t("risk:details.link", { code: refs.links[str(details.linkId)] ?? "—" })}: ${t("risk:details.spike", {
        clicks: t("risk:details.clicks", { count: clicks, formatted: formatNumber(locale, clicks) }),
        day: formatDay(locale, str(details.day)), average: formatNumber(locale, num(details.averageClicks)),
      })}`;
    }
    case "bot_ratio":
      return `${t("risk:details.link", { code: refs.links[str(details.linkId)] ?? "—" })}: ${t("risk:details.bots", {
        percent: `${formatNumber(locale, num(details.percent))} %`, requests: formatNumber(locale, num(details.requests)),
        day: formatDay(locale, str(details.day)),
      })}`;
    default:
      return "";
  }
}

export function RiskCaseCard({ item, refs, locale, timeZone, tenant, t, canResolve }: { item: RiskCaseRow; refs: Refs; locale: Locale; timeZone: string; tenant: string; t: TFunction; canResolve: boolean }) {
  const fmt = { locale, timeZone };
  const open = item.status === "open";
  const unpaid = item.commissions.filter((c) => c.status === "pending" || c.status === "approved" || !open);
  const count = unpaid.length;
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          <a href={`/${locale}/t/${tenant}/partners/${item.partner.id}`} className="text-indigo-700 hover:underline">{item.partner.name}</a>
          <Badge tone={severityTone[item.severity]}>{t("risk:severity.label")}: {t(`risk:severity.${item.severity}`)}</Badge>
          {item.partnerSuspended ? <Badge tone="red">{t("risk:partnerSuspended")}</Badge> : null}
        </span>
      }
      action={<span className="text-xs text-slate-500">{open ? t("risk:openedOn", { date: formatDate(fmt, item.createdAt) }) : t("risk:resolvedOn", { date: formatDate(fmt, item.resolvedAt ?? item.createdAt) })}</span>}
    >
      <div className="grid gap-5 lg:grid-cols-3" data-risk-case={item.id}>
        <div className="lg:col-span-2 space-y-4">
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("risk:findings")}</h3>
            <ul className="mt-2 space-y-2">
              {item.hits.map((h) => (
                <li key={h.id} className="text-sm">
                  <span className="font-medium text-slate-900">{t(`risk:kinds.${h.kind}`)}</span>
                  <span className="text-slate-600"> — {describeFinding(t, locale, h.kind, (h.details ?? {}) as D, refs)}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {t(open ? "risk:commissions" : "risk:commissionsResolved", { count, formatted: formatNumber(locale, count) })}
            </h3>
            {count === 0 ? <p className="mt-2 text-sm text-slate-600">{t("risk:noCommissions")}</p> : (
              <ul className="mt-2 space-y-1 text-sm">
                {unpaid.map((c) => (
                  <li key={c.id} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 pb-1">
                    <a href={`/${locale}/t/${tenant}/commissions/${c.id}`} className="text-indigo-700 hover:underline">{formatDate(fmt, c.occurredAt)}</a>
                    <span className="tabular-nums">{formatMoney(locale, c.amountMinor, c.currency)} · {t(`commissions:status.${c.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {item.note ? <p className="text-sm text-slate-600">{t("risk:note", { note: item.note })}</p> : null}
        </div>
        {open && canResolve ? <ResolveForm locale={locale} tenant={tenant} caseId={item.id} /> : null}
      </div>
    </Card>
  );
}
