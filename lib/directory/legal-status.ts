// A creator's legal status for the ОРД contract chain (issue 17, part 5): individual, self-employed
// (НПД), sole proprietor (ИП) or company. Where the creator is linked to a partner account with a
// tax profile, the profile decides (the creator declared it and it is checked for payouts); otherwise
// the status staff set on the creator. A W-9 does not record the entity type here, so it decides
// nothing (docs/placements.md, "Legal status").
import type { CreatorLegalStatus, TaxForm } from "@/lib/db/generated/enums";

export const creatorLegalStatuses = ["individual", "self_employed", "sole_proprietor", "company"] as const satisfies readonly CreatorLegalStatus[];

const fromTaxForm: Record<TaxForm, CreatorLegalStatus | null> = {
  ru_self_employed: "self_employed",
  ru_ip: "sole_proprietor",
  ru_company: "company",
  // A W-8BEN is an individual's form (entities file a W-8BEN-E, which Twoway does not take).
  foreign_w8ben: "individual",
  us_w9: null,
};

export type LegalStatusSource = "tax_profile" | "staff";
export type ResolvedLegalStatus = { status: CreatorLegalStatus; source: LegalStatusSource } | null;

export function resolveLegalStatus(creator: { legalStatus: CreatorLegalStatus | null; partner?: { taxProfile: { form: TaxForm } | null } | null }): ResolvedLegalStatus {
  const form = creator.partner?.taxProfile?.form;
  const fromProfile = form ? fromTaxForm[form] : null;
  if (fromProfile) return { status: fromProfile, source: "tax_profile" };
  return creator.legalStatus ? { status: creator.legalStatus, source: "staff" } : null;
}
