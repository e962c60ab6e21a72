import type { DeviceClass, Market } from "@/lib/db/generated/enums";

/** A link as the redirect needs it, loaded once per cache period. */
export type LinkRecord = {
  id: string;
  tenantId: string;
  partnerId: string;
  programId: string;
  opportunityId: string | null;
  destinationUrl: string;
  sourceMarket: Market;
  targetMarket: Market;
  disabled: boolean;
  attributionWindowDays: number;
  partnerRefCode: string | null;
  /** The erid of the link's placement (the latest one that has it), appended to the destination. */
  erid: string | null;
  /** A placement aimed at a Russian audience uses this link: without an erid it must not redirect. */
  eridRequired: boolean;
};

/** A link that redirects, with everything per-link precomputed. */
export type LiveLink = LinkRecord & {
  destination: import("./destination").DestinationParts;
  cookieAttributes: string; // "; Path=/; Max-Age=…; HttpOnly; SameSite=Lax"
};

/**
 * One row of "Click", as buffered by the click writer. The link-derived fields (tenant, partner,
 * program, opportunity, markets) describe the click for callers; the writer re-reads them from the
 * link row when it stores the batch.
 */
export type ClickRow = {
  id: string;
  tenantId: string;
  linkId: string;
  partnerId: string;
  programId: string;
  opportunityId: string | null;
  sourceMarket: Market;
  targetMarket: Market;
  occurredAt: number; // epoch ms
  country: string | null;
  referrerHost: string | null;
  device: DeviceClass;
  visitorHash: string;
  isBot: boolean;
  repeatOfId: string | null;
};
