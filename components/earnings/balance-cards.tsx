import type { TFunction } from "i18next";
import { formatMoney } from "@/lib/i18n/format";
import { currencyInSentence } from "@/lib/kernel/currencies";
import type { Locale } from "@/lib/i18n/settings";
import type { PartnerBalance } from "@/lib/earnings/balances";

/** One card per currency: pending, approved, in a payout, paid, and clawed back (already netted). */
export function BalanceCards({ locale, balances, t }: { locale: Locale; balances: PartnerBalance[]; t: TFunction }) {
  if (balances.length === 0) return <p className="rounded-xl bg-white p-5 text-sm text-slate-600 ring-1 ring-slate-200">{t("earnings:balances.none")}</p>;
  return (
    <div className="space-y-4">
      {balances.map((b) => {
        const rows = [
          { key: "pending", minor: b.pendingMinor },
          { key: "approved", minor: b.approvedMinor },
          { key: "inPayout", minor: b.inPayoutMinor },
          { key: "paid", minor: b.paidMinor },
          ...(b.clawedBackMinor ? [{ key: "clawedBack", minor: b.clawedBackMinor }] : []),
        ];
        return (
          <section key={b.currency} aria-label={t("earnings:balances.title", { currency: currencyInSentence(b.currency, locale) })} className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("earnings:balances.title", { currency: currencyInSentence(b.currency, locale) })}</h2>
            <dl className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
              {rows.map((row) => (
                <div key={row.key} className="rounded-lg bg-slate-50 p-3" data-balance={row.key}>
                  <dt className="text-xs font-medium text-slate-600">{t(`earnings:balances.${row.key}`)}</dt>
                  <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900">{formatMoney(locale, row.minor, b.currency)}</dd>
                  <dd className="text-xs text-slate-500">{t(`earnings:balances.${row.key}Hint`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
