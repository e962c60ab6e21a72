// One rule for the market pair of everything an opportunity brings in: its partners' tracked links
// (and so their clicks) and the referrals made from its opt-ins. Kept free of database and mail
// imports so that link creation and the seed can use it too.
import type { Market } from "@/lib/db/generated/enums";

export type MarketPairOf = { sourceMarket: Market; targetMarket: Market };

/**
 * The market pair of a referral made from an opt-in. The rule is the pipeline's: a referral's
 * source market is the subject's OWN market, its target market is where the introduction goes.
 * The subject is the applicant, so source = the market they declared (OptIn.market; usually the
 * opportunity's target market, but a KZ creator may answer a call for RU creators and the record
 * says so). They are introduced to whoever posted the opportunity, whose market is the
 * opportunity's source market. "RU skincare brand seeks US creators" (RU → US): a US creator who
 * opts in becomes the referral US → RU — the same pair a partner's direct referral of that US
 * creator to RU brands would have.
 */
export function referralMarkets(opportunity: { sourceMarket: Market }, optIn: { market: Market }): MarketPairOf {
  return { sourceMarket: optIn.market, targetMarket: opportunity.sourceMarket };
}

/**
 * The market pair of a partner's tracked link for an opportunity: the pair of the referral its
 * expected applicant becomes (`referralMarkets` with the market the opportunity seeks applicants
 * from), NOT the opportunity's pair as posted. Otherwise "RU brand seeks US creators" (RU → US)
 * would count its clicks under RU → US and the referrals they bring under US → RU, and the funnel's
 * click → referral by market pair would compare two halves of one flow. An applicant from a third
 * market still becomes a referral of their own market; the link can only assume the sought one.
 */
export function opportunityLinkMarkets(opportunity: MarketPairOf): MarketPairOf {
  return referralMarkets(opportunity, { market: opportunity.targetMarket });
}
