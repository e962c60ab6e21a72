// Forms of the ОРД settings (Settings → ОРД) and of a placement's ОРД details (its parties and
// contracts). Light checks here (lengths, choices, dates); the full rules of the operator — ИНН
// checksums per legal form, КПП, Cyrillic names — run on "Get erid" with the client's own schemas
// (lib/ord/schemas.ts), so one set of rules decides.
import { z } from "zod";
import { checkbox, optionalChoice, optionalText } from "@/lib/kernel/fields";
import { legalForms } from "./schemas";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const optionalDay = z.string().trim().optional().transform((v, ctx) => {
  if (!v) return null;
  const d = ISO_DAY.test(v) ? new Date(`${v}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    ctx.addIssue({ code: "custom", message: "date_invalid" });
    return z.NEVER;
  }
  return d;
});
const digits = (max: number) => z.string().trim().max(max + 10).optional().transform((v) => v?.replace(/[\s-]/g, "") || null)
  .refine((v) => v === null || new RegExp(`^\\d{1,${max}}$`).test(v), { message: "ord_digits_invalid" });
const countryNumeric = z.string().trim().max(3).optional().transform((v) => v || null)
  .refine((v) => v === null || /^\d{3}$/.test(v), { message: "ord_country_code_invalid" });
const kktu = z.string().trim().max(11).optional().transform((v) => v || "30.15.1")
  .refine((v) => /^\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v), { message: "ord_kktu_invalid" });

export const ordSettingsForm = z.object({
  /** Empty keeps the stored key; `removeKey` drops it (the placement page then offers the file export). */
  apiKey: z.string().trim().max(500).optional().transform((v) => v || null)
    .refine((v) => v === null || /^\S+$/.test(v), { message: "ord_api_key_invalid" }),
  removeKey: checkbox,
  sandbox: checkbox,
  baseUrl: z.string().trim().max(300).optional().transform((v) => v?.replace(/\/+$/, "") || null),
  agencyName: optionalText(255),
  agencyLegalForm: optionalChoice(legalForms),
  agencyInn: digits(12),
  agencyKpp: digits(9),
  agencyOgrn: digits(15),
  defaultKktu: kktu,
});
export type OrdSettingsInput = z.output<typeof ordSettingsForm>;

const party = (prefix: "brand" | "creator") => ({
  [`${prefix}LegalForm`]: optionalChoice(legalForms),
  [`${prefix}Name`]: optionalText(255),
  [`${prefix}Inn`]: digits(12),
  [`${prefix}Kpp`]: digits(9),
  [`${prefix}Ogrn`]: digits(15),
  [`${prefix}Phone`]: optionalText(40),
  [`${prefix}ForeignRegistrationNumber`]: optionalText(32),
  [`${prefix}ForeignCountryCode`]: countryNumeric,
}) as Record<string, z.ZodType>;

export const ordDetailsForm = z.object({
  ...party("brand"),
  ...party("creator"),
  initialSignedOn: optionalDay,
  initialSerial: optionalText(255),
  creatorSignedOn: optionalDay,
  creatorSerial: optionalText(255),
});

export type OrdPartyInput = {
  legalForm: (typeof legalForms)[number] | undefined;
  name: string | null;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  phone: string | null;
  foreignRegistrationNumber: string | null;
  foreignCountryCode: string | null;
};
export type OrdDetailsInput = {
  brand: OrdPartyInput;
  creator: OrdPartyInput;
  initialSignedOn: Date | null;
  initialSerial: string | null;
  creatorSignedOn: Date | null;
  creatorSerial: string | null;
};

/** The flat form as the two parties and two contracts. */
export function ordDetailsFromForm(raw: Record<string, unknown>): OrdDetailsInput {
  const pick = (prefix: "brand" | "creator"): OrdPartyInput => ({
    legalForm: raw[`${prefix}LegalForm`] as OrdPartyInput["legalForm"],
    name: (raw[`${prefix}Name`] as string | null) ?? null,
    inn: (raw[`${prefix}Inn`] as string | null) ?? null,
    kpp: (raw[`${prefix}Kpp`] as string | null) ?? null,
    ogrn: (raw[`${prefix}Ogrn`] as string | null) ?? null,
    phone: (raw[`${prefix}Phone`] as string | null) ?? null,
    foreignRegistrationNumber: (raw[`${prefix}ForeignRegistrationNumber`] as string | null) ?? null,
    foreignCountryCode: (raw[`${prefix}ForeignCountryCode`] as string | null) ?? null,
  });
  return {
    brand: pick("brand"), creator: pick("creator"),
    initialSignedOn: (raw.initialSignedOn as Date | null) ?? null, initialSerial: (raw.initialSerial as string | null) ?? null,
    creatorSignedOn: (raw.creatorSignedOn as Date | null) ?? null, creatorSerial: (raw.creatorSerial as string | null) ?? null,
  };
}
