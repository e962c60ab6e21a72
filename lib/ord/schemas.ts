// What Twoway sends to an ad data operator (ОРД), independent of the operator: the contract chain's
// parties, the contracts, the pads (where a creative is shown), the creative and its monthly
// statistics. Each object carries an external id Twoway chooses (lib/ord/external-id.ts), so sending
// the same object twice updates it instead of creating a second one. Operator clients map these to
// their wire format (lib/ord/vk-wire.ts for VK ОРД, docs/ord.md). Money is integer kopecks.
import { z } from "zod";
import { isValidInn, isValidKpp } from "@/lib/compliance/tax-ids";

/** External ids: 1–255 characters (VK ОРД's limit), no slash, since they are path segments. */
export const externalIdSchema = z.string().min(1).max(255).regex(/^[A-Za-z0-9._~:-]+$/, "invalid_external_id");

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date").refine((v) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}, "invalid_date");

const httpUrl = z.string().max(2000).refine((v) => {
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, "invalid_url");

/**
 * Legal forms Twoway knows (the tax profile's vocabulary). VK ОРД has no separate type for the
 * self-employed (НПД): they are registered as individuals with their 12-digit ИНН.
 */
export const legalForms = ["company", "sole_proprietor", "self_employed", "individual", "foreign_company", "foreign_individual"] as const;
export type LegalForm = (typeof legalForms)[number];
const foreignForms: readonly LegalForm[] = ["foreign_company", "foreign_individual"];

export const personRoles = ["advertiser", "agency", "publisher"] as const;

export const personSchema = z
  .object({
    externalId: externalIdSchema,
    /** Legal name of a company; full name (ФИО, Cyrillic) of an individual or ИП. */
    name: z.string().trim().min(1).max(255),
    roles: z.array(z.enum(personRoles)).min(1),
    legalForm: z.enum(legalForms),
    inn: z.string().trim().optional(),
    kpp: z.string().trim().optional(),
    /** Foreign individuals: a phone with the country code (or an e-payment method instead). */
    phone: z.string().trim().regex(/^\+[() \-0-9]{8,35}$/, "invalid_phone").optional(),
    foreignEpaymentMethod: z.string().trim().min(1).max(32).optional(),
    foreignRegistrationNumber: z.string().trim().min(1).max(32).optional(),
    foreignInn: z.string().trim().min(1).max(50).optional(),
    /** ISO 3166 numeric country code ("840" = USA), required for foreign persons. */
    foreignCountryCode: z.string().regex(/^\d{3}$/, "invalid_country_code").optional(),
  })
  .superRefine((p, ctx) => {
    const foreign = foreignForms.includes(p.legalForm);
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!foreign) {
      const length = p.legalForm === "company" ? 10 : 12;
      if (!p.inn) issue("inn", "required");
      else if (!isValidInn(p.inn, length)) issue("inn", "invalid_inn");
      if (p.kpp && (p.legalForm !== "company" || !isValidKpp(p.kpp))) issue("kpp", "invalid_kpp");
      for (const field of ["foreignEpaymentMethod", "foreignRegistrationNumber", "foreignInn", "foreignCountryCode"] as const) {
        if (p[field]) issue(field, "not_allowed");
      }
      // The operator accepts only Cyrillic letters (and Roman numerals) in a Russian person's name.
      if (p.legalForm !== "company" && !/^[А-Яа-яЁёIVXLCDM' .\-–—]+$/.test(p.name)) issue("name", "cyrillic_name");
    } else {
      if (p.inn) issue("inn", "not_allowed");
      if (p.kpp) issue("kpp", "not_allowed");
      if (!p.foreignCountryCode) issue("foreignCountryCode", "required");
      if (p.legalForm === "foreign_individual" && !p.phone && !p.foreignEpaymentMethod) issue("phone", "required");
      if (p.legalForm === "foreign_company" && !p.foreignRegistrationNumber && !p.foreignInn) issue("foreignRegistrationNumber", "required");
      // VK ОРД refuses a foreign individual's tax number for advertisers, agencies and publishers.
      if (p.legalForm === "foreign_individual" && p.foreignInn) issue("foreignInn", "not_allowed");
    }
  });
export type OrdPerson = z.input<typeof personSchema>;

export const contractTypes = ["service", "mediation", "additional"] as const;
export const contractSubjects = ["representation", "org_distribution", "mediation", "distribution", "other"] as const;
export const mediationActions = ["distribution", "conclude", "commercial", "other"] as const;

export const contractSchema = z
  .object({
    externalId: externalIdSchema,
    /** service: the brand → agency contract; additional: an addendum to a parent contract. */
    type: z.enum(contractTypes),
    /** Client (заказчик) and contractor (исполнитель) — registered persons' external ids. */
    clientExternalId: externalIdSchema,
    contractorExternalId: externalIdSchema,
    date: isoDate,
    dateEnd: isoDate.optional(),
    serial: z.string().trim().min(1).max(255).optional(),
    subject: z.enum(contractSubjects),
    actionType: z.enum(mediationActions).optional(),
    parentContractExternalId: externalIdSchema.optional(),
    /** Contract price in kopecks (RUB only at the operator), VAT included when `vatIncluded`. */
    amountKopecks: z.number().int().nonnegative().max(999_999_999_999_99).optional(),
    vatIncluded: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (c.clientExternalId === c.contractorExternalId) issue("contractorExternalId", "same_parties");
    if (c.type === "mediation" && !c.actionType) issue("actionType", "required");
    if (c.type !== "mediation" && c.actionType) issue("actionType", "not_allowed");
    if (c.type === "additional" && !c.parentContractExternalId) issue("parentContractExternalId", "required");
    if (c.type !== "additional" && c.parentContractExternalId) issue("parentContractExternalId", "not_allowed");
    if (c.dateEnd && c.dateEnd < c.date) issue("dateEnd", "before_start");
  });
export type OrdContract = z.input<typeof contractSchema>;

export const padSchema = z.object({
  externalId: externalIdSchema,
  /** The owner of the channel (the creator) or an intermediary. */
  personExternalId: externalIdSchema,
  isOwner: z.boolean(),
  type: z.enum(["web", "mobile_app"]),
  name: z.string().trim().min(1).max(100),
  /** The channel's own page (https://t.me/name, https://vk.com/club1) — not the platform's home page. */
  url: httpUrl,
});
export type OrdPad = z.input<typeof padSchema>;

export const creativeForms = [
  "banner", "text_block", "text_graphic_block", "audio", "video", "live_audio", "live_video", "text_video_block",
  "text_graphic_video_block", "text_audio_block", "text_graphic_audio_block", "text_audio_video_block",
  "text_graphic_audio_video_block", "banner_html5",
] as const;
/** Forms whose creative needs at least one text (VK ОРД's table of forms). */
export const textForms: readonly string[] = creativeForms.filter((f) => f.startsWith("text_"));
export const payTypes = ["cpa", "cpc", "cpm", "other"] as const;
export const kktuSchema = z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/, "invalid_kktu");
/** "Прочие товары и услуги": the operator then wants a brand, category or description. */
export const OTHER_GOODS_KKTU = "30.15.1";

export const creativeSchema = z
  .object({
    externalId: externalIdSchema,
    /** The initial contracts (brand → agency) the creative is made under. */
    contractExternalIds: z.array(externalIdSchema).min(1).optional(),
    /** Self-promotion: the person advertising itself (no contract). */
    selfPromotionPersonExternalId: externalIdSchema.optional(),
    kktus: z.array(kktuSchema).min(1).max(16),
    name: z.string().trim().min(1).max(255).optional(),
    brand: z.string().trim().min(1).max(225).optional(),
    category: z.string().trim().min(1).max(225).optional(),
    description: z.string().trim().min(1).max(225).optional(),
    payType: z.enum(payTypes).optional(),
    form: z.enum(creativeForms),
    targeting: z.string().max(100_000).optional(),
    /** Where a click leads, after all redirects (the brand's page, not the tracked link). */
    targetUrls: z.array(httpUrl).default([]),
    texts: z.array(z.string().min(1).max(65_000)).default([]),
    /** Media uploaded to the operator first (OrdClient.uploadMedia). */
    mediaExternalIds: z.array(externalIdSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!!c.contractExternalIds === !!c.selfPromotionPersonExternalId) issue("contractExternalIds", "contract_or_self_promotion");
    if (c.kktus.length === 1 && c.kktus[0] === OTHER_GOODS_KKTU && !c.brand && !c.category && !c.description) issue("description", "required");
    if (textForms.includes(c.form) && c.texts.length === 0) issue("texts", "required");
    // Every form but a plain text block needs media (VK ОРД's table of forms).
    if (c.form !== "text_block" && c.mediaExternalIds.length === 0) issue("mediaExternalIds", "required");
    if (c.texts.reduce((sum, t) => sum + t.length, 0) > 65_000) issue("texts", "too_long");
  });
export type OrdCreative = z.input<typeof creativeSchema>;

export const vatRates = ["without_vat", "0", "5", "7", "10", "20", "22"] as const;

export const statisticsItemSchema = z
  .object({
    creativeExternalId: externalIdSchema,
    padExternalId: externalIdSchema,
    /** Impressions of the creative on the pad in the period. */
    impressions: z.number().int().nonnegative(),
    /** The period actually run: both dates within one calendar month. */
    dateStartActual: isoDate,
    dateEndActual: isoDate,
    dateStartPlanned: isoDate.optional(),
    dateEndPlanned: isoDate.optional(),
    payType: z.enum(payTypes).optional(),
    /** What the placement cost in the period, in kopecks; omitted when not paid per period. */
    amount: z
      .object({ excludingVatKopecks: z.number().int().nonnegative(), vatRate: z.enum(vatRates), vatKopecks: z.number().int().nonnegative() })
      .optional(),
    /** Price of one event (impression, click, action) in kopecks. */
    amountPerEventKopecks: z.number().int().nonnegative().optional(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (s.dateEndActual < s.dateStartActual) issue("dateEndActual", "before_start");
    if (s.dateStartActual.slice(0, 7) !== s.dateEndActual.slice(0, 7)) issue("dateEndActual", "one_month");
    if (s.dateStartPlanned && s.dateEndPlanned && s.dateStartPlanned.slice(0, 7) !== s.dateEndPlanned.slice(0, 7)) issue("dateEndPlanned", "one_month");
    if ((s.amount === undefined) !== (s.amountPerEventKopecks === undefined)) issue("amountPerEventKopecks", "amount_pair");
    if (s.amount && s.amountPerEventKopecks !== undefined && (s.amount.excludingVatKopecks === 0) !== (s.amountPerEventKopecks === 0)) {
      issue("amountPerEventKopecks", "amount_pair");
    }
  });
export type OrdStatisticsItem = z.input<typeof statisticsItemSchema>;
export const statisticsSchema = z.array(statisticsItemSchema).min(1).max(1000);

/** Everything one export (or one registration run) carries. */
export const ordBundleSchema = z.object({
  persons: z.array(personSchema).default([]),
  contracts: z.array(contractSchema).default([]),
  pads: z.array(padSchema).default([]),
  creatives: z.array(creativeSchema).default([]),
  statistics: z.array(statisticsItemSchema).default([]),
});
export type OrdBundle = z.input<typeof ordBundleSchema>;
