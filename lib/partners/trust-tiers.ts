import type { TrustTier } from "@/lib/db/generated/enums";

/** How far the agency trusts a partner's introductions, lowest first. */
export const trustTiers = ["new", "trusted", "core"] as const satisfies readonly TrustTier[];
