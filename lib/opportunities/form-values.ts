import { minorToDecimal } from "@/lib/kernel/money";

type Stored = {
  programId: string; side: string; sourceMarket: string; targetMarket: string; platforms: string[]; niches: string[];
  audienceMin: number | null; audienceMax: number | null; budgetMinMinor: bigint | null; budgetMaxMinor: bigint | null;
  budgetCurrency: string | null; prepaymentPercent: number | null; netDays: number | null; barter: boolean;
  deadline: Date | null; slots: number; titleEn: string | null; titleRu: string | null; descriptionEn: string | null; descriptionRu: string | null;
};

/** A stored opportunity as the edit form's field values (the names the form posts). */
export function opportunityFormValues(o: Stored): Record<string, string> {
  const str = (v: number | null) => (v === null ? "" : String(v));
  const money = (v: bigint | null) => (v === null || !o.budgetCurrency ? "" : minorToDecimal(v, o.budgetCurrency));
  return {
    programId: o.programId, side: o.side, sourceMarket: o.sourceMarket, targetMarket: o.targetMarket,
    "platforms[]": o.platforms.join(","), niches: o.niches.join(", "),
    audienceMin: str(o.audienceMin), audienceMax: str(o.audienceMax),
    budgetMin: money(o.budgetMinMinor), budgetMax: money(o.budgetMaxMinor), budgetCurrency: o.budgetCurrency ?? "",
    prepaymentPercent: str(o.prepaymentPercent), netDays: str(o.netDays), barter: o.barter ? "on" : "",
    deadline: o.deadline ? o.deadline.toISOString().slice(0, 10) : "", slots: String(o.slots),
    titleEn: o.titleEn ?? "", titleRu: o.titleRu ?? "", descriptionEn: o.descriptionEn ?? "", descriptionRu: o.descriptionRu ?? "",
  };
}
