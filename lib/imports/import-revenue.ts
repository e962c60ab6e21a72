// The server half of the revenue-events CSV import: one chunk of raw rows → mapped, validated with
// the conversion API's own schema and recorded through the same `ingestEvent` (source "csv").
// Every row is handled on its own: a bad row is reported and never blocks the good ones.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { EventFieldError } from "@/lib/conversions/errors";
import { eventInputSchema } from "@/lib/conversions/event-schema";
import { ingestEvent } from "@/lib/conversions/ingest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError } from "@/lib/kernel/errors";
import { issueToMessage } from "@/lib/kernel/form";
import { MAX_CELL, MAX_CHUNK_ROWS, REVENUE_COLUMNS, type RawRevenueRow } from "./revenue-csv";
import { mapRevenueRow } from "./revenue-row";
import type { RowError } from "@/lib/kernel/row-error";
import { log } from "@/lib/ops/log";

const cell = z.string().max(MAX_CELL + 1).optional();
export const revenueChunkSchema = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        row: z.number().int().min(2).max(10_000_000),
        occurrence: z.number().int().min(1).max(10_000_000),
        values: z.strictObject(Object.fromEntries(REVENUE_COLUMNS.map((c) => [c, cell])) as Record<(typeof REVENUE_COLUMNS)[number], typeof cell>),
      }),
    )
    .min(1)
    .max(MAX_CHUNK_ROWS),
});

export type RowOutcome = { row: number; status: "imported" | "duplicate" | "failed"; errors?: RowError[] };
export type ChunkResult = { outcomes: RowOutcome[]; imported: number; duplicates: number; failed: number };

// Messages of the API schema that name API fields; in the CSV the user sees the column names.
const CSV_WORDING: Record<string, string> = { "apikeys.amount_required": "fx.import_amount_required" };

function columnFor(path: PropertyKey | undefined, raw: RawRevenueRow): string | undefined {
  if (path === undefined) return undefined;
  if (path === "amount_minor") return raw.values.amount?.trim() ? "amount" : raw.values.amount_minor !== undefined ? "amount_minor" : "amount";
  return String(path);
}

async function importRow(ctx: TenantContext, raw: RawRevenueRow): Promise<RowOutcome> {
  const mapped = mapRevenueRow(raw);
  if (!mapped.ok) return { row: raw.row, status: "failed", errors: mapped.errors };
  const parsed = eventInputSchema.safeParse(mapped.json);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue): RowError => {
      // The API schema names its own keys ("apikeys.type_invalid"); fall back to the generic mapping.
      const message = /^[a-z_]+\.[a-z_.]+$/.test(issue.message) ? { key: issue.message } : issueToMessage(issue);
      const error: RowError = { row: raw.row, column: columnFor(issue.path[0], raw), code: CSV_WORDING[message.key] ?? message.key };
      return "values" in message && message.values ? { ...error, values: message.values } : error;
    });
    return { row: raw.row, status: "failed", errors };
  }
  try {
    const scope = { tenantId: ctx.tenantId, reportingCurrency: ctx.reportingCurrency, db: ctx.db };
    const { duplicate } = await ingestEvent(scope, parsed.data, { source: "csv" });
    return { row: raw.row, status: duplicate ? "duplicate" : "imported" };
  } catch (error) {
    if (error instanceof DomainError) {
      const column = error instanceof EventFieldError ? error.field : undefined;
      return { row: raw.row, status: "failed", errors: [{ row: raw.row, column, code: error.code }] };
    }
    log().error({ err: error }, "revenue import row failed");
    return { row: raw.row, status: "failed", errors: [{ row: raw.row, code: "unexpected" }] };
  }
}

/** Imports one chunk (≤ 500 rows) for the caller's tenant; rows are processed in file order. */
export async function importRevenueChunk(ctx: TenantContext, rows: RawRevenueRow[]): Promise<ChunkResult> {
  assertCan(ctx, "events:import");
  if (rows.length > MAX_CHUNK_ROWS) throw new DomainError("fx.import_chunk_too_large");
  const outcomes: RowOutcome[] = [];
  for (const raw of rows) outcomes.push(await importRow(ctx, raw));
  const count = (status: RowOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const result = { outcomes, imported: count("imported"), duplicates: count("duplicate"), failed: count("failed") };
  if (result.imported > 0) {
    await recordAudit(ctx, {
      action: "events.csv_imported",
      entityType: "ConversionEvent",
      data: { rows: rows.length, imported: result.imported, duplicates: result.duplicates, failed: result.failed, firstRow: rows[0].row },
    });
  }
  return result;
}
