import type { Market } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/i18n/settings";
import { opportunityText } from "@/lib/opportunities/localized-text";

type OpportunityTitles = { id: string; programId: string; titleEn: string | null; titleRu: string | null; sourceMarket: Market; targetMarket: Market };

/**
 * An opportunity's pair as posted ("RU → US" for "RU brand seeks US creators"), as the board and
 * the opportunity list show it. Not the pair of its links: those count like the referrals the
 * opportunity brings (US → RU), see lib/kernel/markets.ts. `name` turns a market code into the
 * reader's word for it («Россия → США»); without it the codes are kept.
 */
export function postedPair(o: { sourceMarket: Market; targetMarket: Market }, name: (market: Market) => string = (m) => m): string {
  return `${name(o.sourceMarket)} → ${name(o.targetMarket)}`;
}

/** Open opportunities as the create forms list them: the title in the viewer's language and the pair as posted, by market names. */
export function opportunityOptions(locale: Locale, items: OpportunityTitles[], name?: (market: Market) => string) {
  return items.map((o) => ({
    id: o.id, programId: o.programId, pair: postedPair(o, name),
    title: opportunityText(locale, { ...o, descriptionEn: null, descriptionRu: null }).title.text,
  }));
}

/** What a link points at, for a list: the opportunity's title or null for a whole-program link. */
export function linkOpportunityTitle(locale: Locale, o: { titleEn: string | null; titleRu: string | null } | null): string | null {
  return o ? opportunityText(locale, { ...o, descriptionEn: null, descriptionRu: null }).title.text : null;
}
