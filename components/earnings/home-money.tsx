import type { TFunction } from "i18next";
import Link from "next/link";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { currencyInSentence } from "@/lib/kernel/currencies";
import type { Locale } from "@/lib/i18n/settings";
import type { PartnerCommission } from "@/lib/earnings/partner-earnings";
import type { PortalHomeMoney } from "@/lib/earnings/portal-home";
import { CommissionStatusBadge, PayoutStatusBadge } from "./status-badges";

/** The commission's title for a partner: the client, never a rule name or an id. */
export function commissionTitle(c: Pick<PartnerCommission, "client" | "kind">, t: TFunction): string {
  return c.client ?? (c.kind === "adjustment" ? t("portal:money.manual") : t("portal:money.clientUnknown"));
}

/** "deal 450 000,00 ₽" — the deal (or payment) the commission was earned on, when known. */
export function commissionDeal(locale: Locale, c: Pick<PartnerCommission, "deal">, t: TFunction): string | null {
  return c.deal ? t(`portal:money.${c.deal.kind}`, { amount: formatMoney(locale, c.deal.amountMinor, c.deal.currency) }) : null;
}

/** The portal home's money card: balance per currency and when money comes next. */
export function HomeBalance({ locale, timeZone, money, earningsHref, t }: { locale: Locale; timeZone: string; money: PortalHomeMoney; earningsHref: string; t: TFunction }) {
  const fmt = { locale, timeZone };
  const hasApproved = money.balances.some((b) => b.approvedMinor > 0n);
  return (
    <section aria-labelledby="money-title" className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-5" data-home-money>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id="money-title" className="text-base font-semibold text-slate-900">{t("portal:money.title")}</h2>
        <Link href={earningsHref} className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-700 hover:underline">{t("portal:money.allEarnings")} →</Link>
      </div>
      {money.balances.length === 0 ? <p className="text-sm text-slate-600">{t("portal:money.none")}</p> : (
        <ul className="space-y-3">
          {money.balances.map((b) => (
            <li key={b.currency} className="rounded-lg bg-slate-50 p-3" data-balance-currency={b.currency}>
              <p className="text-xs font-medium text-slate-600">{t("portal:money.available", { currency: currencyInSentence(b.currency, locale) })}</p>
              <p className="mt-0.5 text-2xl font-semibold tabular-nums text-slate-900" data-available>{formatMoney(locale, b.approvedMinor, b.currency)}</p>
              <p className="text-xs text-slate-500">{t("portal:money.availableHint")}</p>
              <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
                <div className="flex gap-1.5"><dt className="text-slate-600">{t("portal:money.pending")}</dt><dd className="font-medium tabular-nums" data-pending>{formatMoney(locale, b.pendingMinor, b.currency)}</dd></div>
                {b.inPayoutMinor ? <div className="flex gap-1.5"><dt className="text-slate-600">{t("portal:money.inPayout")}</dt><dd className="font-medium tabular-nums">{formatMoney(locale, b.inPayoutMinor, b.currency)}</dd></div> : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4 border-t border-slate-100 pt-3 text-sm" data-next-payout>
        <h3 className="font-medium text-slate-900">{t("portal:money.nextPayout")}</h3>
        {money.onTheWay.length ? (
          <ul className="mt-1 space-y-1">
            {money.onTheWay.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2 text-slate-700">
                <span className="tabular-nums">{t("portal:money.onTheWay", { amount: formatMoney(locale, p.amountMinor, p.currency), date: formatDate(fmt, p.since) })}</span>
                <PayoutStatusBadge status={p.status} label={t(`earnings:payoutStatus.${p.status}`)} />
              </li>
            ))}
          </ul>
        ) : null}
        {money.onTheWay.length === 0 || hasApproved ? <p className="mt-1 text-slate-600">{t("portal:money.agencyRuns")}</p> : null}
        {money.nextPayableAt ? <p className="mt-1 text-slate-600">{t("portal:money.nextPayable", { date: formatDate(fmt, money.nextPayableAt) })}</p> : null}
        <p className="mt-1 text-xs text-slate-500">
          {money.lastPaid
            ? t("portal:money.lastPaid", { amount: formatMoney(locale, money.lastPaid.amountMinor, money.lastPaid.currency), date: formatDate(fmt, money.lastPaid.paidAt) })
            : t("portal:money.noPayouts")}
        </p>
      </div>
    </section>
  );
}

/** The latest commissions on the home page, each named by client and deal. */
export function HomeCommissions({ locale, timeZone, money, earningsHref, t }: { locale: Locale; timeZone: string; money: PortalHomeMoney; earningsHref: string; t: TFunction }) {
  const fmt = { locale, timeZone };
  if (money.commissions.length === 0) return null;
  return (
    <section aria-labelledby="latest-commissions" className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-5">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id="latest-commissions" className="text-base font-semibold text-slate-900">{t("portal:money.latest")}</h2>
        <Link href={earningsHref} className="inline-flex min-h-11 items-center text-sm text-indigo-700 hover:underline">{t("portal:money.more", { count: money.commissionTotal })}</Link>
      </div>
      <ul className="divide-y divide-slate-100">
        {money.commissions.map((c) => {
          const status = c.underReview ? "underReview" : c.inPayout ? "inPayout" : c.status;
          const deal = commissionDeal(locale, c, t);
          return (
            <li key={c.id} className="flex items-start justify-between gap-3 py-2.5" data-commission={c.id}>
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900" data-client>{commissionTitle(c, t)}</p>
                <p className="text-xs text-slate-500">{[deal, formatDate(fmt, c.occurredAt)].filter(Boolean).join(" · ")}</p>
              </div>
              <div className="shrink-0 text-right">
                <p className={`font-semibold tabular-nums ${c.amountMinor < 0n ? "text-red-700" : "text-slate-900"} ${c.status === "void" ? "line-through opacity-60" : ""}`}>{formatMoney(locale, c.amountMinor, c.currency)}</p>
                <CommissionStatusBadge status={status} label={t(`earnings:status.${status}`)} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
