import type { ReferralStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { ReferralInput } from "@/lib/referrals/schemas";
import type { TransitionInput } from "@/lib/referrals/state-machine";
import { transitionReferral } from "@/lib/referrals/transition-referral";

/** A complete, submittable referral of a RU brand introduced to the US market. */
export function referralInput(programId: string, overrides: Partial<ReferralInput> = {}): ReferralInput {
  return {
    kind: "brand",
    subjectName: "Glow Lab",
    sourceMarket: "RU",
    country: "RU",
    website: "https://www.glowlab.ru/",
    platforms: [],
    contactName: "Анна Смирнова",
    contactChannel: "email",
    contactValue: "anna@glowlab.ru",
    programId,
    targetMarket: "US",
    relationship: "worked_together",
    fitReason: "Wants US retail distribution and already ships to the US.",
    consentToIntro: true,
    ...overrides,
  };
}

/** The smallest complete input for a staff move to `to`. */
export function movePayload(to: ReferralStatus): TransitionInput {
  if (to === "rejected") return { to, rejectReason: "not_a_fit" };
  if (to === "lost") return { to, note: "Budget frozen until Q3", internal: false };
  if (to === "won") return { to, dealValueMinor: 1_250_050n, dealCurrency: "USD", closedOn: new Date(Date.now() - 86_400_000) };
  return { to };
}

const pathTo: Record<ReferralStatus, ReferralStatus[]> = {
  draft: [],
  submitted: [],
  in_review: ["in_review"],
  qualified: ["in_review", "qualified"],
  in_negotiation: ["in_review", "qualified", "in_negotiation"],
  won: ["in_review", "qualified", "in_negotiation", "won"],
  lost: ["in_review", "qualified", "lost"],
  rejected: ["rejected"],
};

/** Walks a submitted referral through the legal steps to `status`. */
export async function advanceTo(ctx: TenantContext, id: string, status: ReferralStatus) {
  for (const step of pathTo[status]) await transitionReferral(ctx, id, movePayload(step));
}
