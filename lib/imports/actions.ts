"use server";
import { tenantCall } from "@/lib/actions/client";
import { importRevenueChunk, revenueChunkSchema } from "./import-revenue";

/** One chunk (≤ 500 rows of raw strings) of the revenue CSV import; see lib/imports/import-revenue.ts. */
export const importRevenueChunkAction = tenantCall({
  permission: "events:import",
  schema: revenueChunkSchema,
  invalid: "fx.import_chunk_invalid",
  run: ({ ctx, input }) => importRevenueChunk(ctx, input.rows),
});
