// The risk rules as data: each kind has an on/off switch and a severity per tenant; the link rules
// also a threshold and a minimum of clicks. A tenant without a RiskRule row gets the defaults below.
import type { RiskRuleKind, RiskSeverity } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";

export const riskRuleKinds = [
  "self_referral", "shared_payout_account", "disposable_email", "click_spike", "bot_ratio", "banned_elsewhere",
] as const satisfies readonly RiskRuleKind[];

export const riskSeverities = ["low", "medium", "high"] as const satisfies readonly RiskSeverity[];

export type RiskRuleSettings = { kind: RiskRuleKind; enabled: boolean; severity: RiskSeverity; threshold: number | null; minClicks: number | null };

/** Kinds judged per link and day from ClickDaily; they carry a threshold and a minimum of clicks. */
export const linkRuleKinds: readonly RiskRuleKind[] = ["click_spike", "bot_ratio"];

export const defaultRiskRules: Record<RiskRuleKind, RiskRuleSettings> = {
  self_referral: { kind: "self_referral", enabled: true, severity: "high", threshold: null, minClicks: null },
  shared_payout_account: { kind: "shared_payout_account", enabled: true, severity: "high", threshold: null, minClicks: null },
  disposable_email: { kind: "disposable_email", enabled: true, severity: "medium", threshold: null, minClicks: null },
  // A day's counted clicks at least `threshold` % of the link's average day over the 7 days before.
  click_spike: { kind: "click_spike", enabled: true, severity: "medium", threshold: 500, minClicks: 100 },
  // Bot clicks at least `threshold` % of all requests to the link that day.
  bot_ratio: { kind: "bot_ratio", enabled: true, severity: "medium", threshold: 50, minClicks: 50 },
  banned_elsewhere: { kind: "banned_elsewhere", enabled: true, severity: "high", threshold: null, minClicks: null },
};

export type RiskRuleBook = Map<RiskRuleKind, RiskRuleSettings>;

export async function loadRiskRules(db: TenantDb | TenantTx): Promise<RiskRuleBook> {
  const rows = await db.riskRule.findMany({ select: { kind: true, enabled: true, severity: true, threshold: true, minClicks: true } });
  const book: RiskRuleBook = new Map(riskRuleKinds.map((k) => [k, defaultRiskRules[k]]));
  for (const row of rows) {
    const base = defaultRiskRules[row.kind];
    book.set(row.kind, { ...row, threshold: row.threshold ?? base.threshold, minClicks: row.minClicks ?? base.minClicks });
  }
  return book;
}

export const isOn = (book: RiskRuleBook, kind: RiskRuleKind) => book.get(kind)?.enabled === true;

const rank: Record<RiskSeverity, number> = { low: 0, medium: 1, high: 2 };
export const maxSeverity = (list: RiskSeverity[]): RiskSeverity =>
  list.reduce<RiskSeverity>((a, b) => (rank[b] > rank[a] ? b : a), "low");
