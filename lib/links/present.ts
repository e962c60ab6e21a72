import type { Market } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/i18n/settings";
import { opportunityText } from "@/lib/opportunities/localized-text";

type OpportunityTitles = { id: string; programId: string; titleEn: string | null; titleRu: string | null; sourceMarket: Market; targetMarket: Market };

/** Open opportunities as the create forms list them: the title in the viewer's language and the pair. */
export function opportunityOptions(locale: Locale, items: OpportunityTitles[]) {
  return items.map((o) => ({
    id: o.id, programId: o.programId, pair: `${o.sourceMarket} → ${o.targetMarket}`,
    title: opportunityText(locale, { ...o, descriptionEn: null, descriptionRu: null }).title.text,
  }));
}

/** What a link points at, for a list: the opportunity's title or null for a whole-program link. */
export function linkOpportunityTitle(locale: Locale, o: { titleEn: string | null; titleRu: string | null } | null): string | null {
  return o ? opportunityText(locale, { ...o, descriptionEn: null, descriptionRu: null }).title.text : null;
}
