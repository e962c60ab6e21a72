import type { CommissionRule } from "@/lib/db/generated/client";
import { minorToDecimal } from "@/lib/kernel/money";
import { parseTiers } from "./compute";
import { bpsToPercent } from "./schemas";

/** A stored rule as the strings its edit form shows (the inverse of `ruleInput`). */
export function ruleFormValues(rule: CommissionRule): Record<string, string> {
  const values: Record<string, string> = {
    name: rule.name, programId: rule.programId, groupId: rule.groupId ?? "", market: rule.market ?? "", basis: rule.basis, currency: rule.currency,
    percent: rule.percentBps !== null ? bpsToPercent(rule.percentBps) : "",
    durationMonths: rule.durationMonths?.toString() ?? "",
    bounty: rule.amountMinor !== null ? minorToDecimal(rule.amountMinor, rule.currency) : "",
    cap: rule.capMinor !== null ? minorToDecimal(rule.capMinor, rule.currency) : "",
    holdDays: String(rule.holdDays),
  };
  parseTiers(rule.tiers).forEach((tier, i) => {
    values[`tiers.${i}.minCount`] = String(tier.minCount);
    values[`tiers.${i}.value`] = tier.percentBps !== undefined ? bpsToPercent(tier.percentBps) : minorToDecimal(tier.amountMinor ?? 0n, rule.currency);
  });
  return values;
}
