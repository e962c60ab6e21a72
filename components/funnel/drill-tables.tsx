import Link from "next/link";
import type { TFunction } from "i18next";
import { marketPairLabel } from "@/components/referrals/market-pair-label";
import { StatusBadge } from "@/components/referrals/status-badge";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { ClickRow, CustomerRow, EventRow, StageRow } from "@/lib/funnel/types";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "@/lib/i18n/format";
import { currencyInSentence } from "@/lib/kernel/currencies";
import type { Locale } from "@/lib/i18n/settings";

const td = "px-2 py-2";
const num = "px-2 py-2 text-right tabular-nums whitespace-nowrap";
const pair = (t: TFunction, source: string | null, target: string | null) => (source && target ? marketPairLabel(t, source, target) : "—");
const dash = (v: string | null | undefined) => v || "—";

export function ClicksTable({ rows, locale, timeZone, t }: { rows: ClickRow[]; locale: Locale; timeZone: string; t: TFunction }) {
  const fmt = { locale, timeZone };
  return (
    <DataTable dense head={["time", "link", "partner", "program", "pair", "country", "device", "referrer", "flag"].map((c) => ({ label: t(`funnel:columns.${c}`) }))}>
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={`${td} whitespace-nowrap tabular-nums`}>{formatDateTime(fmt, r.occurredAt)}</td>
          <td className={`${td} font-mono text-xs`}>{r.linkCode}</td>
          <td className={td}>{r.partnerName}</td>
          <td className={td}>{r.programName}</td>
          <td className={td}>{pair(t, r.sourceMarket, r.targetMarket)}</td>
          <td className={td}>{dash(r.country)}</td>
          <td className={td}>{t(`funnel:device.${r.device}`)}</td>
          <td className={`${td} max-w-48 truncate`}>{dash(r.referrerHost)}</td>
          <td className={td}>
            {r.isBot ? <Badge tone="amber">{t("funnel:flags.bot")}</Badge> : r.repeatOfId ? <Badge>{t("funnel:flags.repeat")}</Badge> : <Badge tone="green">{t("funnel:flags.counted")}</Badge>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function StageTable({ rows, locale, timeZone, t, referralHref }: { rows: StageRow[]; locale: Locale; timeZone: string; t: TFunction; referralHref?: (id: string) => string }) {
  const fmt = { locale, timeZone };
  return (
    // Nine columns, not ten: an API event says so under its subject instead of a "Kind" column that
    // read «Рекомендация» on nearly every row and pushed the Russian table past 1280 px.
    <DataTable dense head={["date", "subject", "status", "partner", "program", "pair", "submitted", "qualified", "closed"].map((c) => ({ label: t(`funnel:columns.${c}`) }))}>
      {rows.map((r) => (
        <tr key={`${r.kind}-${r.id}`}>
          <td className={`${td} whitespace-nowrap tabular-nums`}>{formatDate(fmt, r.at)}</td>
          <td className={`${td} font-medium`}>
            {r.kind === "referral" && referralHref ? <Link href={referralHref(r.id)} className="text-indigo-700 hover:underline">{dash(r.subject)}</Link> : dash(r.subject)}
            {r.kind === "referral" ? null : <span className="block text-xs font-normal text-slate-500">{t(`funnel:kind.${r.kind}`)}</span>}
          </td>
          <td className={td}>{r.status ? <StatusBadge status={r.status} label={t(`referrals:status.${r.status}`)} /> : "—"}</td>
          <td className={td}>{dash(r.partnerName)}</td>
          <td className={td}>{dash(r.programName)}</td>
          <td className={td}>{pair(t, r.sourceMarket, r.targetMarket)}</td>
          {([r.submittedAt, r.qualifiedAt, r.closedAt] as const).map((d, i) => (
            <td key={i} className={`${td} whitespace-nowrap tabular-nums`}>{d ? formatDate(fmt, d) : "—"}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

export function CustomersTable({ rows, locale, timeZone, t }: { rows: CustomerRow[]; locale: Locale; timeZone: string; t: TFunction }) {
  const fmt = { locale, timeZone };
  const head = ["customer", "externalId", "source", "partner", "program", "pair", "firstSeen"].map((c) => ({ label: t(`funnel:columns.${c}`) }));
  return (
    <DataTable dense head={[...head, { label: t("funnel:columns.ltv"), align: "right" }, { label: t("funnel:columns.events"), align: "right" }]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={`${td} font-medium`}>{dash(r.name)}</td>
          <td className={`${td} font-mono text-xs`}>{dash(r.externalId)}</td>
          <td className={td}>{t(`funnel:customerSource.${r.source}`)}</td>
          <td className={td}>{dash(r.partnerName)}</td>
          <td className={td}>{dash(r.programName)}</td>
          <td className={td}>{pair(t, r.sourceMarket, r.targetMarket)}</td>
          <td className={`${td} whitespace-nowrap tabular-nums`}>{formatDate(fmt, r.firstSeenAt)}</td>
          <td className={num}>
            {formatMoney(locale, r.ltv.minor, r.ltv.currency)}
            {r.missingFxEvents > 0 ? <span className="block text-xs text-amber-800">{t("funnel:missingFx", { count: r.missingFxEvents })}</span> : null}
          </td>
          <td className={num}>{formatNumber(locale, r.events)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function EventsTable({ rows, locale, timeZone, t, reportingCurrency }: { rows: EventRow[]; locale: Locale; timeZone: string; t: TFunction; reportingCurrency: string }) {
  const fmt = { locale, timeZone };
  const head = ["time", "type", "origin", "customer", "partner", "program", "pair"].map((c) => ({ label: t(`funnel:columns.${c}`) }));
  return (
    <DataTable dense head={[...head, { label: t("funnel:columns.amount"), align: "right" }, { label: t("funnel:columns.reporting", { currency: currencyInSentence(reportingCurrency, locale) }), align: "right" }]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={`${td} whitespace-nowrap tabular-nums`}>{formatDateTime(fmt, r.occurredAt)}</td>
          <td className={td}>{t(`funnel:eventType.${r.type}`)}</td>
          <td className={td}>{t(`funnel:eventSource.${r.source}`)}</td>
          <td className={td}>{dash(r.customerName ?? r.externalCustomerId)}</td>
          <td className={td}>{dash(r.partnerName)}</td>
          <td className={td}>{dash(r.programName)}</td>
          <td className={td}>{pair(t, r.sourceMarket, r.targetMarket)}</td>
          <td className={num}>{r.amountMinor !== null && r.currency ? formatMoney(locale, r.amountMinor, r.currency) : "—"}</td>
          <td className={num}>
            {/* A missing rate is shown as missing, never as a zero. */}
            {r.missingFx ? (
              <Badge tone="amber">{t("funnel:missingValue")}</Badge>
            ) : r.reportingAmountMinor !== null ? formatMoney(locale, r.reportingAmountMinor, r.reportingCurrency ?? reportingCurrency) : "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
