import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/kernel/form";
import { isValidInn, isValidKpp, isValidOgrn } from "./tax-ids";
import { taxProfileInput, w8benExpired } from "./tax-schemas";

const now = new Date("2026-11-27T10:00:00Z");
const parse = (input: Record<string, string>) => taxProfileInput(now).safeParse(input);
const errors = (input: Record<string, string>) => {
  const result = parse(input);
  return result.success ? {} : zodFieldErrors(result.error);
};

describe("Russian tax ids", () => {
  it("checks INN check digits for people (12) and companies (10)", () => {
    expect(isValidInn("500100732259")).toBe(true);
    expect(isValidInn("500100732258")).toBe(false);
    expect(isValidInn("7707083893")).toBe(true); // Sberbank
    expect(isValidInn("7707083894")).toBe(false);
    expect(isValidInn("7707083893", 12)).toBe(false);
  });

  it("checks OGRN, OGRNIP and KPP", () => {
    expect(isValidOgrn("1027700132195", 13)).toBe(true);
    expect(isValidOgrn("1027700132196", 13)).toBe(false);
    expect(isValidOgrn("304500116000157", 15)).toBe(true);
    expect(isValidOgrn("304500116000158", 15)).toBe(false);
    expect(isValidKpp("773601001")).toBe(true);
    expect(isValidKpp("7736AB001")).toBe(true);
    expect(isValidKpp("77360100")).toBe(false);
  });
});

describe("tax profile form", () => {
  it("accepts a W-9 with an SSN or EIN written with dashes, or without a TIN", () => {
    const base = { form: "us_w9", legalName: "Jane Doe", country: "us", region: "CA", address: "1 Main St, Springfield" };
    expect(parse({ ...base, tin: "123-45-6789" }).success).toBe(true);
    expect(parse({ ...base, tin: "12-3456789" }).success).toBe(true);
    expect(parse({ ...base, tin: "" }).success).toBe(true);
    expect(errors({ ...base, tin: "1234" })).toMatchObject({ tin: { key: "compliance.tin_invalid" } });
    expect(errors({ ...base, country: "RU" })).toMatchObject({ country: { key: "compliance.w9_country_us" } });
    expect(errors({ ...base, region: "" })).toMatchObject({ region: { key: "required" } });
  });

  it("requires a W-8BEN date that is not in the future and not expired", () => {
    const base = { form: "foreign_w8ben", legalName: "Hans Meier", country: "DE" };
    expect(parse({ ...base, w8benSignedOn: "2024-02-01" }).success).toBe(true);
    expect(errors({ ...base, w8benSignedOn: "2026-12-01" })).toMatchObject({ w8benSignedOn: { key: "compliance.date_future" } });
    expect(errors({ ...base, w8benSignedOn: "2022-06-01" })).toMatchObject({ w8benSignedOn: { key: "compliance.w8ben_expired" } });
    expect(errors({ ...base, w8benSignedOn: "" })).toMatchObject({ w8benSignedOn: { key: "required" } });
    expect(w8benExpired(new Date("2023-03-01T00:00:00Z"), now)).toBe(false); // in force through 31.12.2026
    expect(w8benExpired(new Date("2023-03-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"))).toBe(true);
  });

  it("validates the INN per form and the company details", () => {
    expect(parse({ form: "ru_self_employed", legalName: "Анна Смирнова", country: "RU", inn: "5001 0073 2259", selfEmployedCheckedOn: "2026-11-20" }).success).toBe(true);
    expect(errors({ form: "ru_self_employed", legalName: "Анна Смирнова", country: "RU", inn: "7707083893" })).toMatchObject({ inn: { key: "compliance.inn_person_invalid" } });
    expect(errors({ form: "ru_ip", legalName: "ИП Смирнова", country: "RU", inn: "500100732259", ogrnip: "123" })).toMatchObject({ ogrnip: { key: "compliance.ogrnip_invalid" } });
    expect(parse({ form: "ru_company", legalName: "ООО Ромашка", country: "RU", inn: "7707083893", ogrn: "1027700132195", kpp: "773601001" }).success).toBe(true);
    expect(errors({ form: "ru_company", legalName: "ООО Ромашка", country: "RU", inn: "500100732259", ogrn: "1", kpp: "x" })).toMatchObject({
      inn: { key: "compliance.inn_company_invalid" }, ogrn: { key: "compliance.ogrn_invalid" }, kpp: { key: "compliance.kpp_invalid" },
    });
  });

  it("rejects an unknown form", () => {
    expect(Object.keys(errors({ form: "other", legalName: "X" }))).toContain("form");
  });
});
