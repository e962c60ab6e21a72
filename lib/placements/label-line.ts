// The line the creator pastes into the post. Its language is the audience's, not the viewer's: a post
// for a Russian audience carries the Russian label whoever reads Twoway's page (38-ФЗ ст. 18.1:
// «Реклама», the advertiser's name or ИНН, the erid); a post for the US the FTC-style disclosure in
// English. Other markets get the English disclosure (no rule of theirs is seeded; docs/ad-rules.md).
import type { Market } from "@/lib/db/generated/enums";

export type LabelLineInput = {
  audienceMarket: Market;
  brandName: string;
  erid: string | null;
  /** The advertiser's legal details registered for the ОРД (OrdParty), when entered. */
  advertiser?: { name: string; inn: string | null } | null;
};

export type LabelLine =
  | { language: "ru" | "en"; text: string }
  | { language: "ru"; text: null; missing: "erid" };

export function labelLine(input: LabelLineInput): LabelLine {
  if (input.audienceMarket === "RU") {
    if (!input.erid) return { language: "ru", text: null, missing: "erid" };
    const name = input.advertiser?.name?.trim() || input.brandName;
    const inn = input.advertiser?.inn ? `, ИНН ${input.advertiser.inn}` : "";
    return { language: "ru", text: `Реклама. ${name}${inn}, erid: ${input.erid}` };
  }
  return { language: "en", text: `#ad — paid partnership with ${input.brandName}` };
}
