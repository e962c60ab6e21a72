// Importing the OFAC SDN list from its published CSV (sdn.csv). The file has no header row; its
// columns are ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
// Vess_flag, Vess_owner, Remarks, and "-0-" means empty. Alternate names written in the remarks
// ("a.k.a. 'SBERBANK'") are stored as extra entries with the same uid, so they are screened too.
// Each import is a new list in one transaction; the newest list is the one screenings use. Staff
// upload a file here; the daily compliance:sdn-fetch job (./sdn-fetch.ts) stores the official one.
import { createHash } from "node:crypto";
import Papa from "papaparse";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { DomainError } from "@/lib/kernel/errors";
import { MAX_SDN_FILE_BYTES } from "./limits";
import { hasControlCharacters } from "@/lib/kernel/text";
import { normalizeName } from "./names";

export { MAX_SDN_FILE_BYTES };

const COLUMNS = 12;
const CHUNK = 1000;

export type SdnEntry = { uid: string; name: string; normalizedName: string; entryType: string; program: string | null; remarks: string | null };
export type SdnParse = { entries: SdnEntry[]; primary: number; skipped: number };
export type SdnImportSummary = { listId: string; entryCount: number; primary: number; skipped: number };

const nullable = (value: string | undefined) => {
  const v = value?.trim();
  return !v || v === "-0-" ? null : v;
};

const akaPattern = /\b[afn]\.k\.a\.,?\s*'([^']+)'/gi;

/** Parses sdn.csv text. Rows that are not SDN rows (e.g. the trailing end-of-file byte) are counted as skipped. */
export function parseSdnCsv(text: string): SdnParse {
  // "\x1a" is the DOS end-of-file marker at the end of OFAC files, on its own line or not.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, "").replace(/\x1a+\s*$/, ""), { header: false, skipEmptyLines: "greedy" });
  const entries: SdnEntry[] = [];
  let primary = 0;
  let skipped = 0;
  for (const row of parsed.data) {
    if (row.length === 1 && /^[\s\x1a]*$/.test(row[0])) continue; // DOS end-of-file marker at the end of OFAC files
    const uid = row[0]?.trim();
    if (uid === "ent_num") continue; // a copy with a header row added by hand
    const name = nullable(row[1]);
    if (row.length !== COLUMNS || !uid || !/^\d+$/.test(uid) || !name) {
      skipped++;
      continue;
    }
    // Control characters (NUL would reach PostgreSQL as error 22021) refuse the file: dropping the
    // row instead would silently leave a sanctioned name out of screening.
    if (row.some(hasControlCharacters)) throw new DomainError("control_characters");
    const entryType = nullable(row[2])?.toLowerCase() ?? "entity";
    const program = nullable(row[3]);
    const remarks = nullable(row[11]);
    primary++;
    const names = new Set([name]);
    entries.push({ uid, name, normalizedName: normalizeName(name), entryType, program, remarks });
    for (const [, alias] of remarks?.matchAll(akaPattern) ?? []) {
      const alt = alias.trim();
      if (!alt || names.has(alt)) continue;
      names.add(alt);
      entries.push({ uid, name: alt, normalizedName: normalizeName(alt), entryType, program, remarks: `a.k.a. of ${name}` });
    }
  }
  return { entries, primary, skipped };
}

export function decodeSdn(bytes: Uint8Array): string {
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  // Older OFAC files are Latin-1; a replacement character means the bytes were not UTF-8.
  return utf8.includes("\uFFFD") ? new TextDecoder("windows-1252").decode(bytes) : utf8;
}

/** SHA-256 (hex) of a list file's bytes, stored with the list so an unchanged download is not imported again. */
export function sdnContentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Checks and parses sdn.csv bytes; a file that is not an SDN list throws (nothing is written). */
export function parseSdnFile(bytes: Uint8Array): SdnParse {
  if (bytes.length === 0) throw new DomainError("compliance.sdn_empty");
  if (bytes.length > MAX_SDN_FILE_BYTES) throw new DomainError("compliance.sdn_too_large");
  const parsed = parseSdnCsv(decodeSdn(bytes));
  // A real list has thousands of rows and no malformed ones; a file that is mostly not SDN rows is the wrong file.
  if (parsed.primary === 0 || parsed.skipped > Math.max(5, parsed.primary * 0.01)) throw new DomainError("compliance.sdn_invalid");
  return parsed;
}

/** "ofac-sdn": uploaded by staff; "ofac-sdn-fetch": downloaded by the daily job. */
export type SdnSource = "ofac-sdn" | "ofac-sdn-fetch";
export type SdnListMeta = { source: SdnSource; fileName: string; contentHash: string; importedById: string | null };

/**
 * Stores a parsed list as the tenant's new active list, in one transaction with its audit entry.
 * Only the active list's entries are ever read (screen.ts), so older lists keep their row (screenings
 * point at it) and lose their entries — a daily official download would otherwise add the whole
 * list again each time it changes.
 */
export async function storeSdnList(
  db: TenantDb,
  tenantId: string,
  parsed: SdnParse,
  meta: SdnListMeta,
  /** Runs in the same transaction once the list is stored (the job screens there, so a list is never left unscreened). */
  andThen?: (tx: TenantTx, listId: string) => Promise<void>,
): Promise<SdnImportSummary> {
  const { entries, primary, skipped } = parsed;
  const listId = await db.$transaction(
    async (tx) => {
      const list = await tx.sanctionsList.create({
        data: {
          tenantId, source: meta.source, fileName: meta.fileName.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200), entryCount: entries.length,
          importedById: meta.importedById, contentHash: meta.contentHash,
        },
      });
      for (let start = 0; start < entries.length; start += CHUNK) {
        await tx.sanctionsEntry.createMany({
          data: entries.slice(start, start + CHUNK).map((e) => ({ tenantId, listId: list.id, ...e })),
        });
      }
      await tx.sanctionsEntry.deleteMany({ where: { listId: { not: list.id } } });
      await auditIn(tx, { tenantId, userId: meta.importedById }, {
        action: meta.source === "ofac-sdn" ? "compliance.sdn_imported" : "compliance.sdn_fetched", entityType: "SanctionsList", entityId: list.id,
        data: { fileName: list.fileName, entries: entries.length, primary, skipped, sha256: meta.contentHash },
      });
      await andThen?.(tx, list.id);
      return list.id;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { listId, entryCount: entries.length, primary, skipped };
}

/** Imports an uploaded sdn.csv as the tenant's new active list. A file that is not an SDN list writes nothing. */
export async function importSdnCsv(ctx: TenantContext, bytes: Uint8Array, fileName: string): Promise<SdnImportSummary> {
  assertCan(ctx, "payouts:manage");
  const parsed = parseSdnFile(bytes);
  return storeSdnList(ctx.db, ctx.tenantId, parsed, { source: "ofac-sdn", fileName, contentHash: sdnContentHash(bytes), importedById: ctx.userId });
}
