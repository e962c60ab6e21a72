"use server";
import { unstable_rethrow } from "next/navigation";
import { requireTenant } from "@/lib/auth/guard";
import { DomainError } from "@/lib/kernel/errors";
import { importRevenueChunk, revenueChunkSchema, type ChunkResult } from "@/lib/imports/import-revenue";
import { isLocale } from "@/lib/i18n/settings";

type Target = { locale: string; tenant: string };
export type ChunkActionResult = { ok: true; result: ChunkResult } | { ok: false; code: string };

/** One chunk (≤ 500 rows of raw strings) of the revenue CSV import; see lib/imports/import-revenue.ts. */
export async function importRevenueChunkAction(target: Target, payload: unknown): Promise<ChunkActionResult> {
  try {
    const ctx = await requireTenant(isLocale(target.locale) ? target.locale : "en", target.tenant, "events:import");
    const parsed = revenueChunkSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, code: "fx.import_chunk_invalid" };
    return { ok: true, result: await importRevenueChunk(ctx, parsed.data.rows) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof DomainError) return { ok: false, code: error.code };
    console.error("revenue import chunk failed", error);
    return { ok: false, code: "unexpected" };
  }
}
