import type { TFunction } from "i18next";
import { Badge, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDecimal, formatMoney, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { PayoutPlan } from "@/lib/payouts/plan";

/** The preview of a run: what each partner would get, what waits and why. */
export function PlanTable({ plan, locale, t }: { plan: PayoutPlan; locale: Locale; t: TFunction }) {
  return (
    <div className="space-y-4">
      {plan.groups.length === 0 ? (
        <Notice tone="info">{t("plan.nothing")}</Notice>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {plan.totals.map((x) => t("plan.total", { amount: formatMoney(locale, x.netMinor, x.currency), count: x.payouts, held: x.held })).join(" · ")}
          </p>
          <DataTable
            head={[
              { label: t("table.partner") }, { label: t("table.rail") }, { label: t("table.commissions"), align: "right" },
              { label: t("table.amount"), align: "right" }, { label: t("table.fx") }, { label: t("table.hold") },
            ]}
          >
            {plan.groups.map((g) => (
              <tr key={`${g.partnerId}-${g.currency}`}>
                <td className="px-4 py-2 font-medium">{g.partnerName}</td>
                <td className="px-4 py-2">{t(`rail.${g.rail}`)}{g.hasMethod ? "" : ` (${t("plan.noMethod")})`}</td>
                <td className="px-4 py-2 text-right tabular-nums">{t("plan.commissionCount", { count: g.items.length })}</td>
                <td className="px-4 py-2 text-right font-medium tabular-nums">{formatMoney(locale, g.netMinor, g.currency)}</td>
                <td className="px-4 py-2 text-xs text-slate-600">
                  {g.fx.map((f) => (
                    <div key={f.from}>{t("plan.fxNote", { from: f.from, to: f.to, rate: formatDecimal(locale, f.rate), day: formatDay(locale, f.rateDay), source: f.source })}</div>
                  ))}
                </td>
                <td className="px-4 py-2">
                  <div className="flex flex-wrap gap-1">
                    {g.holdReasons.map((r) => <Badge key={r} tone="amber">{t(`holdReason.${r}`)}</Badge>)}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {plan.skipped.length > 0 ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("plan.skippedTitle", { count: plan.skipped.length })}</h3>
          <DataTable head={[{ label: t("table.partner") }, { label: t("table.commissions"), align: "right" }, { label: t("table.amount"), align: "right" }, { label: t("table.reason") }]}>
            {plan.skipped.map((s) => (
              <tr key={`${s.partnerId}-${s.fromCurrency}-${s.reason}`}>
                <td className="px-4 py-2">{s.partnerName}</td>
                <td className="px-4 py-2 text-right tabular-nums">{t("plan.commissionCount", { count: s.commissionCount })}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(locale, s.amountMinor, s.fromCurrency)}</td>
                <td className="px-4 py-2 text-slate-700">
                  {s.reason === "below_minimum"
                    ? t("plan.belowMinimum", { minimum: formatMoney(locale, s.minimumMinor, s.currency) })
                    : t("plan.missingRate", { from: s.fromCurrency, to: s.currency, day: formatDay(locale, plan.rateDay) })}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
    </div>
  );
}
