import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OrdError } from "./errors";
import { ordExportFiles, writeOrdExport } from "./export";
import type { OrdBundle } from "./schemas";

const bundle: OrdBundle = {
  persons: [
    { externalId: "brand", name: "ООО «Северный ветер», Москва", roles: ["advertiser"], legalForm: "company", inn: "7707083893" },
    { externalId: "us-brand", name: "Acme Outdoor Inc.", roles: ["advertiser"], legalForm: "foreign_company", foreignRegistrationNumber: "C1234567", foreignCountryCode: "840" },
    { externalId: "creator", name: "Иванова Мария Петровна", roles: ["publisher"], legalForm: "sole_proprietor", inn: "500100732259" },
  ],
  contracts: [{ externalId: "c1", type: "service", clientExternalId: "brand", contractorExternalId: "creator", date: "2026-10-01", subject: "distribution", amountKopecks: 1_250_005, vatIncluded: true }],
  pads: [{ externalId: "p1", personExternalId: "creator", isOwner: true, type: "web", name: "Канал", url: "https://t.me/maria" }],
  creatives: [{ externalId: "cr1", contractExternalIds: ["c1"], kktus: ["1.1.1"], form: "text_block", texts: ["=1+1 — не формула"] }],
  statistics: [{ creativeExternalId: "cr1", padExternalId: "p1", impressions: 900, dateStartActual: "2026-11-01", dateEndActual: "2026-11-30", amount: { excludingVatKopecks: 150_000, vatRate: "20", vatKopecks: 30_000 }, amountPerEventKopecks: 150_000 }],
};
const at = new Date("2026-12-06T10:00:00Z");

describe("ОРД export for a manual upload", () => {
  it("JSON carries each object's VK ОРД request, in registration order", () => {
    const [file] = ordExportFiles(bundle, "json", at);
    expect(file.name).toBe("ord-export-2026-12-06.json");
    const body = JSON.parse(file.body);
    expect(Object.keys(body)).toEqual(["operator", "format", "generatedAt", "persons", "contracts", "pads", "creatives", "statistics"]);
    expect(body.persons[1]).toEqual({
      external_id: "us-brand",
      request: { method: "PUT", path: "/v1/person/us-brand", body: { name: "Acme Outdoor Inc.", roles: ["advertiser"], juridical_details: { type: "foreign_juridical", foreign_registration_number: "C1234567", foreign_oksm_country_code: "840" } } },
    });
    expect(body.contracts[0].request.body).toMatchObject({ amount: "12500.05", flags: ["vat_included"], subject_type: "distribution" });
    expect(body.statistics.request.body.items[0]).toMatchObject({ shows_count: 900, amount: { excluding_vat: "1500.00", vat: "300.00", including_vat: "1800.00", vat_rate: "20" } });
  });

  it("CSV has one table per kind, Excel-safe, amounts in roubles", async () => {
    const files = ordExportFiles(bundle, "csv", at);
    expect(files.map((f) => f.name)).toEqual(["persons", "contracts", "pads", "creatives", "statistics"].map((k) => `ord-${k}-2026-12-06.csv`));
    const persons = files[0].body.replace(/^\uFEFF/, "").split("\r\n");
    expect(persons[0]).toBe("external_id,name,roles,legal_form,inn,kpp,phone,foreign_registration_number,foreign_inn,foreign_country_code");
    expect(persons[1]).toBe('brand,"ООО «Северный ветер», Москва",advertiser,company,7707083893,,,,,');
    expect(files[1].body).toContain(",12500.05,yes");
    expect(files[3].body).toContain("'=1+1 — не формула");
    expect(files[4].body).toContain("cr1,p1,900,2026-11-01,2026-11-30,,,,1500.00,20,300.00,1500.00");

    const dir = await mkdtemp(join(tmpdir(), "ord-export-"));
    try {
      const paths = await writeOrdExport(dir, bundle, "csv", at);
      expect(await readFile(paths[2], "utf8")).toBe(files[2].body);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to export what the API would refuse, naming each field", () => {
    const broken: OrdBundle = { ...bundle, persons: [{ ...bundle.persons![0], inn: "7707083894" }], contracts: [{ ...bundle.contracts![0], contractorExternalId: "brand" }] };
    const err = (() => {
      try {
        ordExportFiles(broken, "json");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(OrdError);
    expect((err as OrdError).issues).toEqual([{ code: "invalid_inn", field: "persons.0.inn" }, { code: "same_parties", field: "contracts.0.contractorExternalId" }]);
  });
});
