import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError } from "@/lib/kernel/errors";
import { importRatesFile } from "@/lib/fx/import-rates";
import { importRevenueChunk, revenueChunkSchema } from "@/lib/imports/import-revenue";
import { parseRevenueFile, type RawRevenueRow } from "@/lib/imports/revenue-csv";
import { memberContext, tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";

const FILE = [
  "type;occurred_at;customer_external_id;amount;currency;customer_name",
  "revenue;2026-11-20;cust-1;1 234,56;USD;Anna", // 2 ok
  "revenue;20.11.2026 15:00;cust-2;100;EUR;Boris", // 3 ok, converted with the EUR/USD rate
  "revenue;2026-11-20;cust-3;12.3456;USD;", // 4 too many decimals
  "purchase;2026-11-20;cust-4;10;USD;", // 5 unknown type
  "revenue;2026-11-20;;10;USD;", // 6 no customer
  "revenue;2026-11-20;cust-1;1 234,56;USD;Anna", // 7 identical to row 2: a second, separate payment
  "lead;2026-11-21;;;;", // 8 lead without amount
  "refund;2026-11-22;cust-1;;USD;", // 9 refund without amount
].join("\n");

function rows(text = FILE): RawRevenueRow[] {
  const file = parseRevenueFile(text);
  if (!file.ok) throw new Error(file.problem.code);
  return file.rows;
}

let a: TenantContext;
let aFixture: TenantFixture;
let b: TenantContext;

beforeAll(async () => {
  ({ ctx: a, fixture: aFixture } = await tenantWithOwner("Import Agency A"));
  ({ ctx: b } = await tenantWithOwner("Import Agency B"));
  await importRatesFile(a, new TextEncoder().encode("date,base,quote,rate\n2026-11-20,EUR,USD,1.05\n"));
});

describe("revenue CSV import", () => {
  it("imports good rows and reports bad ones with row, column and message key", async () => {
    const result = await importRevenueChunk(a, rows());
    expect(result).toMatchObject({ imported: 4, duplicates: 0, failed: 4 });
    const byRow = Object.fromEntries(result.outcomes.map((o) => [o.row, o]));
    expect(byRow[2].status).toBe("imported");
    expect(byRow[3].status).toBe("imported");
    expect(byRow[7].status).toBe("imported");
    expect(byRow[8].status).toBe("imported");
    expect(byRow[4].errors).toEqual([{ row: 4, column: "amount", code: "fx.import_amount_invalid" }]);
    expect(byRow[5].errors).toMatchObject([{ row: 5, column: "type", code: "apikeys.type_invalid" }]);
    expect(byRow[6].errors).toMatchObject([{ row: 6, column: "customer_external_id", code: "apikeys.customer_required" }]);
    expect(byRow[9].errors).toMatchObject([{ row: 9, column: "amount", code: "fx.import_amount_required" }]);

    const events = await a.db.conversionEvent.findMany({ orderBy: { occurredAt: "asc" } });
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.source === "csv")).toBe(true);
    const eur = events.find((e) => e.currency === "EUR")!;
    expect(eur.amountMinor).toBe(10000n);
    expect(eur.reportingAmountMinor).toBe(10500n);
    expect(eur.occurredAt.toISOString()).toBe("2026-11-20T15:00:00.000Z");
    expect(events.filter((e) => e.amountMinor === 123456n)).toHaveLength(2);
  });

  it("importing the same file again counts nothing twice", async () => {
    const again = await importRevenueChunk(a, rows());
    expect(again).toMatchObject({ imported: 0, duplicates: 4, failed: 4 });
    expect(await a.db.conversionEvent.count()).toBe(4);
  });

  it("a row changed only in format is still the same event; a corrected name is a conflict, not a second payment", async () => {
    const reformatted = rows(
      "type,occurred_at,customer_external_id,amount,currency,customer_name\nRevenue,2026-11-20T00:00:00Z,cust-1,1234.56,usd,Anna\n",
    );
    expect(await importRevenueChunk(a, reformatted)).toMatchObject({ duplicates: 1, imported: 0 });
    const renamed = rows("type;occurred_at;customer_external_id;amount;currency;customer_name\nrevenue;2026-11-20;cust-1;1 234,56;USD;Anna K.\n");
    const result = await importRevenueChunk(a, renamed);
    expect(result.outcomes[0]).toMatchObject({ status: "failed", errors: [{ row: 2, code: "apikeys.idempotency_conflict" }] });
    expect(await a.db.conversionEvent.count()).toBe(4);
  });

  it("another tenant importing the same file gets its own events and never sees A's", async () => {
    const result = await importRevenueChunk(b, rows());
    expect(result.imported).toBe(4); // derived keys are per tenant: no false duplicates across tenants
    expect(await b.db.conversionEvent.count()).toBe(4);
    expect(await a.db.conversionEvent.count()).toBe(4);
    const bEur = await b.db.conversionEvent.findFirstOrThrow({ where: { currency: "EUR" } });
    expect(bEur.reportingAmountMinor).toBeNull(); // A's EUR/USD rate is not B's
  });

  it("an over-long cell fails its own row, not the chunk", async () => {
    const long = rows(`type;occurred_at;customer_external_id;amount;currency\nrevenue;2026-11-20;${"x".repeat(5000)};10;USD\nlead;2026-11-20;;;\n`);
    expect(revenueChunkSchema.safeParse({ rows: long }).success).toBe(true);
    const result = await importRevenueChunk(a, long);
    expect(result.outcomes[0]).toMatchObject({ status: "failed", errors: [{ row: 2, column: "customer_external_id", code: "too_long", values: { max: 200 } }] });
    expect(result.outcomes[1].status).toBe("imported");
  });

  it("needs events:import", async () => {
    const analyst = await memberContext(aFixture, "analyst");
    await expect(importRevenueChunk(analyst, rows())).rejects.toBeInstanceOf(ForbiddenError);
    const manager = await memberContext(aFixture, "manager");
    expect((await importRevenueChunk(manager, rows())).duplicates).toBe(4);
  });

  it("the chunk schema refuses oversized chunks and unknown columns", () => {
    const row = { row: 2, occurrence: 1, values: { type: "lead" } };
    expect(revenueChunkSchema.safeParse({ rows: [row] }).success).toBe(true);
    expect(revenueChunkSchema.safeParse({ rows: Array.from({ length: 501 }, () => row) }).success).toBe(false);
    expect(revenueChunkSchema.safeParse({ rows: [{ ...row, values: { tenant_id: "x" } }] }).success).toBe(false);
    expect(revenueChunkSchema.safeParse({ rows: [] }).success).toBe(false);
  });
});
