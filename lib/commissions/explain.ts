// Turns a stored Commission.explanation (see compute.ts `Explanation`) into sentences for people.
// Pure (no server code), so server pages and client components share it with their own `t`.
import type { TFunction } from "i18next";
import { formatDecimal, formatMoney, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { Explanation } from "./compute";
import type { JobReason } from "./run-job";
import { bpsToPercent } from "./schemas";

type Adjustment = { kind: "adjustment"; reason: string };
/** A clawback written when the pipeline reverses a referral's events (lib/referrals/pipeline-events.ts). */
type PipelineReversal = { kind: "pipeline_reversal"; why: string };

const money = (locale: Locale, minor: string, currency: string) => formatMoney(locale, BigInt(minor), currency);

/** Basis points as a percent for people: 1250 → "12.5 %" / "12,5 %". */
export function formatPercent(locale: Locale, bps: number): string {
  return `${formatDecimal(locale, bpsToPercent(bps))}\u00a0%`;
}

/** The "why" as sentences. `compact` (ledger rows) leaves out what the row already shows: rule, base and result. */
export function explanationLines(raw: unknown, locale: Locale, t: TFunction, compact = false): string[] {
  if (!raw || typeof raw !== "object") return [];
  if ((raw as Adjustment).kind === "adjustment") return [t("commissions:why.adjustment", { reason: (raw as Adjustment).reason })];
  if ((raw as PipelineReversal).kind === "pipeline_reversal") {
    const why = (raw as PipelineReversal).why;
    return [t(`commissions:why.pipelineReversal.${why === "reopened" ? "reopened" : "lost"}`)];
  }
  const e = raw as Explanation;
  if (e.v !== 1 || !e.rule) return [];
  const lines = compact ? [] : [t("commissions:why.rule", { name: e.rule.name, basis: t(`commissions:basis.${e.basis}`) })];
  if (e.base && !compact) lines.push(t("commissions:why.base", { amount: money(locale, e.base.amountMinor, e.base.currency), type: t(`commissions:eventType.${e.eventType}`) }));
  if (e.fx && e.converted) {
    lines.push(t("commissions:why.fx", { rate: formatDecimal(locale, e.fx.rate), day: formatDay(locale, `${e.fx.rateDay}T00:00:00Z`), source: e.fx.source, amount: money(locale, e.converted.amountMinor, e.converted.currency) }));
  }
  if (e.duration) lines.push(t("commissions:why.duration", { months: e.duration.months, count: e.duration.months, start: formatDay(locale, e.duration.startsAt), end: formatDay(locale, e.duration.endsAt) }));
  if (e.percentBps !== null) {
    const of = e.converted ?? e.base;
    lines.push(t("commissions:why.percent", { percent: formatPercent(locale, e.percentBps), amount: of ? money(locale, of.amountMinor, of.currency) : "—" }));
  }
  if (e.bountyMinor !== null) lines.push(t("commissions:why.bounty", { amount: money(locale, e.bountyMinor, e.currency) }));
  if (e.tier) lines.push(t("commissions:why.tier", { n: e.tier.count, minCount: e.tier.minCount }));
  if (e.cap) {
    lines.push(t("commissions:why.cap", { cap: money(locale, e.cap.capMinor, e.currency), earned: money(locale, e.cap.earnedBeforeMinor, e.currency), uncapped: money(locale, e.cap.uncappedMinor, e.currency) }));
  }
  if (e.clawback) {
    lines.push(t("commissions:why.clawback", { earned: money(locale, e.clawback.netEarnedMinor, e.currency), uncapped: money(locale, e.clawback.uncappedMinor, e.currency) }));
  }
  if (!compact) lines.push(t("commissions:why.result", { amount: money(locale, e.amountMinor, e.currency) }));
  return lines;
}

/** "Why nothing was created" (JobResult.reasons) as sentences: one per rule and reason, with how many events. */
export function jobReasonLines(reasons: JobReason[], locale: Locale, t: TFunction): string[] {
  if (reasons.length === 0) return [t("commissions:reasons.nothing_new")];
  return reasons.map((r) => {
    const values: Record<string, unknown> = r.reason === "waiting_for_fx" && r.values.day ? { ...r.values, day: formatDay(locale, `${r.values.day}T00:00:00Z`) } : { ...r.values };
    // Markets by name («с рынка Россия»), never the stored code.
    for (const key of ["market", "ruleMarket"]) if (typeof values[key] === "string") values[key] = t(`common:markets.${values[key]}`);
    const reason = t(`commissions:reasons.${r.reason}`, values);
    return r.ruleName
      ? t("commissions:reasons.line", { rule: r.ruleName, reason, count: r.count })
      : t("commissions:reasons.plain", { reason, count: r.count });
  });
}
