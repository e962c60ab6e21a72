import { markets, platformCodes } from "@/lib/directory/platforms";

/**
 * Platforms a placement can be on: the directory's list plus the ones that matter only because a rule
 * names them (Facebook and X are banned for Russian audiences; docs/ad-rules.md, rule 5).
 */
export const placementPlatforms = [...platformCodes, "facebook", "x"] as const;
export type PlacementPlatform = (typeof placementPlatforms)[number];

export const audienceMarkets = markets;

export const ruleKinds = ["banned", "erid_required", "label_required", "registry_above_threshold", "disclosure_required", "statistics_deadline"] as const;
