// Without an ОРД key the agency still has to report: these files carry the same data the client would
// send, for a manual upload in the operator's cabinet (or another operator's import). JSON holds each
// object's VK ОРД request body under its external id (what VkOrdClient would PUT/POST); CSV gives one
// table per kind in Twoway's terms, for people. Both are checked with the client's own schemas first,
// so an export never contains what the API would refuse for a reason Twoway can see.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { toCsv } from "@/lib/kernel/csv";
import { OrdError, issuesFromZod } from "./errors";
import { ordBundleSchema, type OrdBundle } from "./schemas";
import { rubles, vkContractBody, vkCreativeBody, vkPadBody, vkPersonBody, vkStatisticsItem } from "./vk-wire";

export type OrdExportFile = { name: string; contentType: string; body: string };
export type OrdExportFormat = "json" | "csv";

const cell = (v: unknown): string => (v === undefined || v === null ? "" : Array.isArray(v) ? v.join("; ") : String(v));

/** The export files for a bundle; throws OrdError("invalid_input") listing every problem. */
export function ordExportFiles(bundle: OrdBundle, format: OrdExportFormat, generatedAt = new Date()): OrdExportFile[] {
  const parsed = ordBundleSchema.safeParse(bundle);
  if (!parsed.success) throw new OrdError("invalid_input", issuesFromZod(parsed.error));
  const b = parsed.data;
  const stamp = generatedAt.toISOString().slice(0, 10);

  if (format === "json") {
    const body = {
      operator: "vk",
      format: "twoway-ord-export/1",
      generatedAt: generatedAt.toISOString(),
      // In the order they must be registered: parties, contracts, pads, creatives, statistics.
      persons: b.persons.map((p) => ({ external_id: p.externalId, request: { method: "PUT", path: `/v1/person/${p.externalId}`, body: vkPersonBody(p) } })),
      contracts: b.contracts.map((c) => ({ external_id: c.externalId, request: { method: "PUT", path: `/v1/contract/${c.externalId}`, body: vkContractBody(c) } })),
      pads: b.pads.map((p) => ({ external_id: p.externalId, request: { method: "PUT", path: `/v1/pad/${p.externalId}`, body: vkPadBody(p) } })),
      creatives: b.creatives.map((c) => ({ external_id: c.externalId, request: { method: "PUT", path: `/v3/creative/${c.externalId}`, body: vkCreativeBody(c) } })),
      statistics: b.statistics.length ? { request: { method: "POST", path: "/v3/statistics", body: { items: b.statistics.map(vkStatisticsItem) } } } : null,
    };
    return [{ name: `ord-export-${stamp}.json`, contentType: "application/json", body: `${JSON.stringify(body, null, 2)}\n` }];
  }

  const table = (name: string, header: string[], rows: unknown[][]): OrdExportFile => ({
    name: `ord-${name}-${stamp}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: toCsv([header, ...rows.map((r) => r.map(cell))]),
  });
  return [
    table("persons", ["external_id", "name", "roles", "legal_form", "inn", "kpp", "phone", "foreign_registration_number", "foreign_inn", "foreign_country_code"],
      b.persons.map((p) => [p.externalId, p.name, p.roles, p.legalForm, p.inn, p.kpp, p.phone, p.foreignRegistrationNumber, p.foreignInn, p.foreignCountryCode])),
    table("contracts", ["external_id", "type", "client_external_id", "contractor_external_id", "date", "date_end", "serial", "subject", "action_type", "parent_contract_external_id", "amount_rub", "vat_included"],
      b.contracts.map((c) => [c.externalId, c.type, c.clientExternalId, c.contractorExternalId, c.date, c.dateEnd, c.serial, c.subject, c.actionType, c.parentContractExternalId, c.amountKopecks === undefined ? "" : rubles(c.amountKopecks), c.vatIncluded ? "yes" : "no"])),
    table("pads", ["external_id", "person_external_id", "is_owner", "type", "name", "url"],
      b.pads.map((p) => [p.externalId, p.personExternalId, p.isOwner ? "yes" : "no", p.type, p.name, p.url])),
    table("creatives", ["external_id", "contract_external_ids", "self_promotion_person_external_id", "kktus", "form", "name", "brand", "category", "description", "pay_type", "target_urls", "texts", "media_external_ids"],
      b.creatives.map((c) => [c.externalId, c.contractExternalIds, c.selfPromotionPersonExternalId, c.kktus, c.form, c.name, c.brand, c.category, c.description, c.payType, c.targetUrls, c.texts.join("\n\n"), c.mediaExternalIds])),
    table("statistics", ["creative_external_id", "pad_external_id", "impressions", "date_start_actual", "date_end_actual", "date_start_planned", "date_end_planned", "pay_type", "amount_excluding_vat_rub", "vat_rate", "vat_rub", "amount_per_event_rub"],
      b.statistics.map((s) => [s.creativeExternalId, s.padExternalId, s.impressions, s.dateStartActual, s.dateEndActual, s.dateStartPlanned, s.dateEndPlanned, s.payType,
        s.amount && rubles(s.amount.excludingVatKopecks), s.amount?.vatRate, s.amount && rubles(s.amount.vatKopecks), s.amountPerEventKopecks === undefined ? "" : rubles(s.amountPerEventKopecks)])),
  ];
}

/** Writes the export files into `dir` (created if missing); returns their paths. */
export async function writeOrdExport(dir: string, bundle: OrdBundle, format: OrdExportFormat, generatedAt = new Date()): Promise<string[]> {
  const files = ordExportFiles(bundle, format, generatedAt);
  await mkdir(dir, { recursive: true });
  return Promise.all(files.map(async (f) => {
    const path = join(dir, f.name);
    await writeFile(path, f.body, "utf8");
    return path;
  }));
}
