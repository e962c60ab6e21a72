// The gate every payout passes when a run is created: who may be paid now, and if not, why.
// A payout with reasons is created `held` with them; releasing it needs a second staff member
// (lib/payouts/holds.ts). Batched so a 10,000-commission run asks the database a fixed number of times.
import type { PayoutRail } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";

export const holdReasons = [
  "sanctions_unscreened",
  "sanctions_possible_match",
  "sanctions_blocked",
  "tax_profile_missing",
  "self_employed_unchecked",
  "payout_method_missing",
  "stripe_not_ready",
] as const;
export type HoldReason = (typeof holdReasons)[number];

/** A self-employed payee's status must have been checked («Мой налог» / ФНС) this recently before paying. */
export const SELF_EMPLOYED_CHECK_MAX_AGE_DAYS = 30;
const DAY_MS = 86_400_000;

type Db = TenantTx | TenantDb;

export async function payoutHoldReasons(db: Db, partnerIds: string[], now = new Date()): Promise<Map<string, HoldReason[]>> {
  const ids = [...new Set(partnerIds)];
  const out = new Map<string, HoldReason[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const [latestList, screenings, profiles, methods] = await Promise.all([
    db.sanctionsList.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true, createdAt: true } }),
    db.screening.findMany({
      where: { partnerId: { in: ids } },
      orderBy: [{ partnerId: "asc" }, { createdAt: "desc" }],
      distinct: ["partnerId"],
      select: { partnerId: true, status: true, listId: true, createdAt: true },
    }),
    db.taxProfile.findMany({ where: { partnerId: { in: ids } }, select: { partnerId: true, form: true, selfEmployedCheckedOn: true } }),
    db.payoutMethod.findMany({ where: { partnerId: { in: ids } }, select: { partnerId: true, rail: true, stripePayoutsEnabled: true } }),
  ]);
  const screeningBy = new Map(screenings.map((s) => [s.partnerId, s]));
  const profileBy = new Map(profiles.map((p) => [p.partnerId, p]));
  const methodBy = new Map(methods.map((m) => [m.partnerId, m]));
  for (const id of ids) {
    const reasons = out.get(id)!;
    const screening = screeningBy.get(id);
    // Unscreened: never screened, or screened before the latest list was imported.
    if (!screening || !latestList || screening.createdAt < latestList.createdAt) reasons.push("sanctions_unscreened");
    else if (screening.status === "blocked") reasons.push("sanctions_blocked");
    else if (screening.status === "possible_match") reasons.push("sanctions_possible_match");
    const profile = profileBy.get(id);
    if (!profile) reasons.push("tax_profile_missing");
    else if (profile.form === "ru_self_employed") {
      const checked = profile.selfEmployedCheckedOn;
      if (!checked || now.getTime() - checked.getTime() > SELF_EMPLOYED_CHECK_MAX_AGE_DAYS * DAY_MS) reasons.push("self_employed_unchecked");
    }
    const method = methodBy.get(id);
    if (!method) reasons.push("payout_method_missing");
    else if (method.rail === "stripe" && !method.stripePayoutsEnabled) reasons.push("stripe_not_ready");
  }
  return out;
}

/** The rail a partner is paid on (their payout method), or null without one. */
export type RailChoice = { rail: PayoutRail; currency: string } | null;
