// Twoway's ОРД objects (lib/ord/schemas.ts, already parsed) as VK ОРД API request bodies — the
// shapes of https://ord.vk.com/help/api/swagger/ (docs/ord.md lists the sources). Shared by the
// client, the export file and the tests, so all three agree on what goes over the wire.
import type { z } from "zod";
import type { contractSchema, creativeSchema, personSchema, padSchema, statisticsItemSchema, LegalForm } from "./schemas";

type Person = z.output<typeof personSchema>;
type Contract = z.output<typeof contractSchema>;
type Pad = z.output<typeof padSchema>;
type Creative = z.output<typeof creativeSchema>;
type StatisticsItem = z.output<typeof statisticsItemSchema>;

/** VK ОРД's `juridical_details.type` for each legal form (self-employed are individuals there). */
export const vkPersonType: Record<LegalForm, string> = {
  company: "juridical",
  sole_proprietor: "ip",
  self_employed: "physical",
  individual: "physical",
  foreign_company: "foreign_juridical",
  foreign_individual: "foreign_physical",
};

/** Integer kopecks as the decimal roubles string the operator wants ("1250.05"). */
export function rubles(kopecks: number): string {
  return `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, "0")}`;
}

/** Drops undefined members: the operator's schemas forbid some fields rather than accept null. */
function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function vkPersonBody(p: Person) {
  return {
    name: p.name,
    roles: p.roles,
    juridical_details: compact({
      type: vkPersonType[p.legalForm],
      inn: p.inn,
      kpp: p.kpp,
      phone: p.phone,
      foreign_epayment_method: p.foreignEpaymentMethod,
      foreign_registration_number: p.foreignRegistrationNumber,
      foreign_inn: p.foreignInn,
      foreign_oksm_country_code: p.foreignCountryCode,
    }),
  };
}

export function vkContractBody(c: Contract) {
  return compact({
    type: c.type,
    client_external_id: c.clientExternalId,
    contractor_external_id: c.contractorExternalId,
    date: c.date,
    date_end: c.dateEnd,
    serial: c.serial,
    action_type: c.actionType,
    subject_type: c.subject,
    flags: c.vatIncluded ? ["vat_included"] : undefined,
    parent_contract_external_id: c.parentContractExternalId,
    amount: c.amountKopecks === undefined ? undefined : rubles(c.amountKopecks),
  });
}

export function vkPadBody(p: Pad) {
  return { person_external_id: p.personExternalId, is_owner: p.isOwner, type: p.type, name: p.name, url: p.url };
}

export function vkCreativeBody(c: Creative) {
  return compact({
    contract_external_ids: c.contractExternalIds,
    person_external_id: c.selfPromotionPersonExternalId,
    kktus: c.kktus,
    name: c.name,
    brand: c.brand,
    category: c.category,
    description: c.description,
    pay_type: c.payType,
    form: c.form,
    targeting: c.targeting,
    target_urls: c.targetUrls.length ? c.targetUrls : undefined,
    texts: c.texts.length ? c.texts : undefined,
    media_external_ids: c.mediaExternalIds.length ? c.mediaExternalIds : undefined,
  });
}

export function vkStatisticsItem(s: StatisticsItem) {
  return compact({
    creative_external_id: s.creativeExternalId,
    pad_external_id: s.padExternalId,
    shows_count: s.impressions,
    date_start_actual: s.dateStartActual,
    date_end_actual: s.dateEndActual,
    date_start_planned: s.dateStartPlanned,
    date_end_planned: s.dateEndPlanned,
    pay_type: s.payType,
    amount: s.amount && {
      excluding_vat: rubles(s.amount.excludingVatKopecks),
      vat_rate: s.amount.vatRate,
      vat: rubles(s.amount.vatKopecks),
      including_vat: rubles(s.amount.excludingVatKopecks + s.amount.vatKopecks),
    },
    amount_per_event: s.amountPerEventKopecks === undefined ? undefined : rubles(s.amountPerEventKopecks),
  });
}
