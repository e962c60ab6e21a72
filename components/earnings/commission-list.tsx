import type { TFunction } from "i18next";
import { formatDate, formatMoney, formatDay } from "@/lib/i18n/format";
import { intlLocale, type Locale } from "@/lib/i18n/settings";
import type { PartnerCommission } from "@/lib/earnings/partner-earnings";
import { commissionDeal } from "./home-money";
import { CommissionStatusBadge } from "./status-badges";

function why(locale: Locale, c: PartnerCommission, t: TFunction): string[] {
  const parts: string[] = [];
  const w = c.why;
  if (w.basis === "revenue_share" && w.percentBps !== null) {
    const percent = new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 2 }).format(w.percentBps / 10_000);
    parts.push(w.base ? t("earnings:commissions.why.revenue_share", { percent, base: formatMoney(locale, w.base.amountMinor, w.base.currency) }) : t("earnings:commissions.why.revenue_share_nobase", { percent }));
  } else if (w.basis === "lead_bounty" || w.basis === "close_bounty") {
    parts.push(t(`earnings:commissions.why.${w.basis}`));
  }
  if (w.fx) parts.push(t("earnings:commissions.why.fx", { rate: w.fx.rate, day: formatDay(locale, w.fx.rateDay), source: w.fx.source }));
  if (w.tierCount !== null) parts.push(t("earnings:commissions.why.tier", { count: w.tierCount }));
  if (w.capped) parts.push(t("earnings:commissions.why.capped"));
  if (c.reason) parts.push(c.reason);
  return parts;
}

/** The partner's commissions, newest first: rule, why this amount, status and when it becomes payable. */
export function CommissionList({ locale, timeZone, items, t }: { locale: Locale; timeZone: string; items: PartnerCommission[]; t: TFunction }) {
  const fmt = { locale, timeZone };
  return (
    <ul className="space-y-2">
      {items.map((c) => {
        const status = c.underReview ? "underReview" : c.inPayout ? "inPayout" : c.status;
        const explanation = why(locale, c, t);
        return (
          <li key={c.id} className="rounded-xl bg-white p-4 ring-1 ring-slate-200" data-commission={c.id}>
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                {/* Named by client and deal; the rule's name is staff vocabulary, shown second. */}
                <p className="font-medium text-slate-900" data-client>{c.client ?? c.ruleName ?? t("earnings:commissions.noRule")}</p>
                <p className="text-xs text-slate-500">
                  {[commissionDeal(locale, c, t), c.client ? c.ruleName : null, t(`earnings:kind.${c.kind}`), t("earnings:commissions.event", { date: formatDate(fmt, c.occurredAt) })].filter(Boolean).join(" · ")}
                </p>
              </div>
              <div className="shrink-0 text-right">
                <p className={`font-semibold tabular-nums ${c.amountMinor < 0n ? "text-red-700" : "text-slate-900"} ${c.status === "void" ? "line-through opacity-60" : ""}`}>{formatMoney(locale, c.amountMinor, c.currency)}</p>
                <CommissionStatusBadge status={status} label={t(`earnings:status.${status}`)} />
              </div>
            </div>
            {explanation.length ? <p className="mt-2 text-sm text-slate-600">{explanation.join(" · ")}</p> : null}
            {c.status === "pending" ? <p className="mt-1 text-xs text-slate-500">{t("earnings:commissions.holdUntil", { date: formatDate(fmt, c.dueAt) })}</p> : null}
            {c.status === "paid" && c.paidAt ? <p className="mt-1 text-xs text-slate-500">{t("earnings:commissions.paidOn", { date: formatDate(fmt, c.paidAt) })}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
