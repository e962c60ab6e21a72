// The daily `compliance:sdn-fetch` job (lib/jobs/tasks.ts): downloads the official OFAC SDN list
// (SANCTIONS_SDN_URL, default OFAC's Sanctions List Service) once for the whole installation and
// makes it every tenant's active list, then re-screens that tenant's active partners — so a new
// agency's first payout is not held "not screened against the latest list" for want of an upload.
//
// Decision: the download is copied into each tenant's own SanctionsList (not kept in a shared table
// that screening would also read). Screening, the payout gate, the review flow and the compliance
// page keep reading one tenant-owned table through the tenant-scoped client under row-level
// security — no second source to merge and no table outside the tenant guards. The cost is one copy
// of the entries per tenant, bounded because only the active list keeps its entries (sdn-import.ts).
//
// A tenant that already has a list with the file's SHA-256 (from this job or an upload of the same
// file) gets nothing: an unchanged list is never imported twice, and a staff upload made after it
// stays active until the official list changes. Staff uploads (other files, other sources) work as before.
//
// Be extremely careful: runs as the process (SystemContext); each tenant's rows are written through
// forTenant(tenantId), under row-level security.
import type { SystemContext } from "@/lib/auth/contexts/system";
import type { TenantDb } from "@/lib/db/tenant-client";
import { fetchFile } from "@/lib/jobs/fetch-file";
import { MAX_SDN_FILE_BYTES } from "./limits";
import { screenActivePartners, type ScreenAllSummary } from "./screen";
import { parseSdnFile, sdnContentHash, storeSdnList, type SdnParse } from "./sdn-import";

/** OFAC's Sanctions List Service; the legacy https://www.treasury.gov/ofac/downloads/sdn.csv redirects here. */
export const OFAC_SDN_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV";

/** SANCTIONS_SDN_URL (validated in lib/config/env.ts), else OFAC's URL. */
export function sdnUrl(value = process.env.SANCTIONS_SDN_URL): string {
  return value?.trim() || OFAC_SDN_URL;
}

export type FetchedSdn = { hash: string; fileName: string; parsed: SdnParse };

/** Downloads and checks the list; throws (writing nothing) on a network or HTTP error or a file that is not an SDN list. */
export async function fetchSdnList(url: string, timeoutMs: number): Promise<FetchedSdn> {
  const bytes = await fetchFile(url, { timeoutMs, maxBytes: MAX_SDN_FILE_BYTES });
  const name = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "").replace(/[^\w.-]/g, "");
  return { hash: sdnContentHash(bytes), fileName: name || "sdn.csv", parsed: parseSdnFile(bytes) };
}

export type TenantSdnResult = { imported: false } | { imported: true; listId: string; screening: ScreenAllSummary };

/** Makes the fetched list the tenant's active list unless it already has it; then screens its active partners. */
export async function installSdnList(db: TenantDb, tenantId: string, list: FetchedSdn): Promise<TenantSdnResult> {
  if (await db.sanctionsList.findFirst({ where: { contentHash: list.hash }, select: { id: true } })) return { imported: false };
  let screening: ScreenAllSummary = { screened: 0, clear: 0, possible_match: 0, blocked: 0 };
  // Stored and screened in one transaction: a failure leaves neither, and the retry imports again.
  const { listId } = await storeSdnList(db, tenantId, list.parsed, { source: "ofac-sdn-fetch", fileName: list.fileName, contentHash: list.hash, importedById: null }, async (tx, newListId) => {
    const { screened, clear, possible_match, blocked } = await screenActivePartners(tx, tenantId, null);
    screening = { screened, clear, possible_match, blocked };
    await tx.auditLog.create({
      data: { tenantId, actorUserId: null, action: "compliance.screened_all", entityType: "SanctionsList", entityId: newListId, data: screening },
    });
  });
  return { imported: true, listId, screening };
}

export type SdnFetchSummary = { sha256: string; entries: number; tenants: number; imported: number; unchanged: number; screened: number; interrupted: boolean };

/** The whole job: one download, then each tenant in creation order. */
export async function runSdnFetch(system: SystemContext, options: { url: string; timeoutMs: number; shouldStop?: () => boolean }): Promise<SdnFetchSummary> {
  const list = await fetchSdnList(options.url, options.timeoutMs);
  const tenants = await system.db.tenant.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  const summary: SdnFetchSummary = { sha256: list.hash, entries: list.parsed.entries.length, tenants: tenants.length, imported: 0, unchanged: 0, screened: 0, interrupted: false };
  for (const tenant of tenants) {
    if (options.shouldStop?.()) return { ...summary, interrupted: true };
    const result = await installSdnList(system.forTenant(tenant.id), tenant.id, list);
    if (!result.imported) summary.unchanged++;
    else {
      summary.imported++;
      summary.screened += result.screening.screened;
    }
  }
  return summary;
}
