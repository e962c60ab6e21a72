// The tax profile form: one schema per tax form (zod discriminated union on `form`).
import { z } from "zod";
import { dayInputSchema } from "@/lib/kernel/day-input";
import { resolveCountry } from "@/lib/kernel/countries";
import { isValidInn, isValidKpp, isValidOgrn } from "./tax-ids";
import { normalizeTin } from "./tin";

export { taxForms, type TaxFormCode } from "./tax-forms";

/** A W-8BEN stays in force until the end of the third calendar year after the year it was signed. */
export function w8benExpiresOn(signedOn: Date): Date {
  return new Date(Date.UTC(signedOn.getUTCFullYear() + 3, 11, 31));
}
export const w8benExpired = (signedOn: Date, now = new Date()) => w8benExpiresOn(signedOn).getTime() < startOfDay(now).getTime();

function startOfDay(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

// FormData sends "" for an empty field; treat it as absent.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const text = (max: number) => z.preprocess(blank, z.string().max(max));
const optionalText = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const digits = (v: unknown) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : v);

/** A code or a country's name («США», "United States"); what names no country keeps the text and fails. */
const country = z.preprocess((v) => (typeof v === "string" ? (resolveCountry(v) ?? v.trim()) : v), z.string().regex(/^[A-Z]{2}$/, "country_unknown"));

function pastDate(now: Date) {
  return dayInputSchema
    .transform((v) => new Date(`${v}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "date_invalid")
    .refine((d) => d.getTime() <= startOfDay(now).getTime(), "compliance.date_future");
}

const inn = (length: 10 | 12) =>
  z.preprocess(digits, z.string().refine((v) => isValidInn(v, length), length === 10 ? "compliance.inn_company_invalid" : "compliance.inn_person_invalid"));

export function taxProfileInput(now = new Date()) {
  const common = {
    legalName: text(200).pipe(z.string().min(2)),
    region: optionalText(100),
    address: optionalText(300),
  };
  return z.discriminatedUnion("form", [
    z.object({
      form: z.literal("us_w9"),
      ...common,
      country: country.refine((c) => c === "US", "compliance.w9_country_us"),
      region: text(100), // the state
      address: text(300),
      // Optional on purpose: left empty on an update keeps the TIN on file; never given means backup withholding.
      tin: z.preprocess(blank, z.string().refine((v) => normalizeTin(v) !== null, "compliance.tin_invalid").optional()),
    }),
    z.object({
      form: z.literal("foreign_w8ben"),
      ...common,
      country: country.refine((c) => c !== "US", "compliance.w8ben_country_not_us"),
      w8benSignedOn: z.preprocess(blank, pastDate(now).refine((d) => !w8benExpired(d, now), "compliance.w8ben_expired")),
    }),
    z.object({
      form: z.literal("ru_self_employed"),
      ...common,
      country,
      inn: inn(12),
      selfEmployedCheckedOn: z.preprocess(blank, pastDate(now).optional()),
    }),
    z.object({
      form: z.literal("ru_ip"),
      ...common,
      country,
      inn: inn(12),
      ogrnip: z.preprocess(digits, z.string().refine((v) => isValidOgrn(v, 15), "compliance.ogrnip_invalid")),
    }),
    z.object({
      form: z.literal("ru_company"),
      ...common,
      country,
      inn: inn(10),
      ogrn: z.preprocess(digits, z.string().refine((v) => isValidOgrn(v, 13), "compliance.ogrn_invalid")),
      kpp: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.string().refine(isValidKpp, "compliance.kpp_invalid")),
    }),
  ]);
}
export type TaxProfileInput = z.output<ReturnType<typeof taxProfileInput>>;

/** Staff: the date a self-employed partner's status was checked in «Мой налог» / npd.nalog.ru. */
export function selfEmployedCheckInput(now = new Date()) {
  return z.object({ partnerId: z.string().min(1), checkedOn: z.preprocess(blank, pastDate(now)) });
}

export const reviewInput = z.object({
  screeningId: z.string().min(1),
  decision: z.enum(["clear", "block"]),
  note: z.preprocess(blank, z.string({ error: "compliance.note_required" }).max(500).refine((v) => v.length >= 3, "compliance.note_required")),
});
