// What a partner is told about one commission: a few facts read from the stored explanation
// (lib/commissions/compute.ts writes it) and the row itself. Unknown or older shapes degrade to
// the rule name alone rather than failing the page.
import type { CommissionBasis, CommissionKind } from "@/lib/db/generated/enums";

export type CommissionWhy = {
  basis: CommissionBasis | null;
  percentBps: number | null;
  base: { amountMinor: bigint; currency: string } | null;
  fx: { rate: string; rateDay: string; source: string } | null;
  tierCount: number | null;
  capped: boolean;
};

const money = (value: unknown) => {
  const v = value as { amountMinor?: unknown; currency?: unknown } | null;
  return v && typeof v.amountMinor === "string" && /^-?\d+$/.test(v.amountMinor) && typeof v.currency === "string"
    ? { amountMinor: BigInt(v.amountMinor), currency: v.currency }
    : null;
};

export function explainCommission(kind: CommissionKind, explanation: unknown): CommissionWhy {
  const e = (explanation && typeof explanation === "object" ? explanation : {}) as Record<string, unknown>;
  const basis = e.basis === "revenue_share" || e.basis === "lead_bounty" || e.basis === "close_bounty" || e.basis === "deal_share" ? e.basis : null;
  const fx = e.fx as CommissionWhy["fx"] | undefined;
  const tier = e.tier as { count?: unknown } | null | undefined;
  const cap = e.cap as { uncappedMinor?: unknown } | null | undefined;
  return {
    basis: kind === "adjustment" ? null : basis,
    percentBps: typeof e.percentBps === "number" ? e.percentBps : null,
    base: money(e.base),
    fx: fx && typeof fx.rate === "string" && typeof fx.rateDay === "string" ? { rate: fx.rate, rateDay: fx.rateDay, source: String(fx.source ?? "") } : null,
    tierCount: tier && typeof tier.count === "number" ? tier.count : null,
    capped: Boolean(cap && typeof cap.uncappedMinor === "string" && typeof e.amountMinor === "string" && cap.uncappedMinor !== e.amountMinor),
  };
}

