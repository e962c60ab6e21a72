import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError } from "@/lib/kernel/errors";
import { convertToReporting, reconvertMissing } from "@/lib/fx/convert";
import { importRatesFile } from "@/lib/fx/import-rates";
import { countEventsMissingRate, listRates } from "@/lib/fx/list-rates";
import { memberContext, tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";

const fixture = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), "tests/fixtures", name)));
const csv = (text: string) => new TextEncoder().encode(text);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let a: TenantContext;
let aFixture: TenantFixture;
let b: TenantContext;

async function moneyEvent(ctx: TenantContext, amountMinor: bigint, currency: string, occurredAt: string) {
  return ctx.db.conversionEvent.create({
    data: {
      tenantId: ctx.tenantId, type: "revenue", source: "api", idempotencyKey: randomBytes(8).toString("hex"),
      payloadHash: "test", occurredAt: new Date(occurredAt), amountMinor, currency,
    },
  });
}

beforeAll(async () => {
  ({ ctx: a, fixture: aFixture } = await tenantWithOwner("FX Agency A"));
  ({ ctx: b } = await tenantWithOwner("FX Agency B"));
});

describe("convertToReporting against the rates table", () => {
  it("is missing before any rate exists, identity for the same currency", async () => {
    const input = { amountMinor: 10000n, currency: "EUR", reportingCurrency: "USD", day: day("2026-11-26") };
    expect(await convertToReporting(a.db, input)).toEqual({ ok: false, reason: "missing_rate" });
    expect(await convertToReporting(a.db, { ...input, currency: "USD" })).toEqual({ ok: true, minor: 10000n, rate: "1", rateDay: day("2026-11-26") });
  });

  it("tenant B's rates are never used for tenant A", async () => {
    await importRatesFile(b, csv("date,base,quote,rate\n2026-12-10,GEL,USD,0.37\n2026-11-26,EUR,USD,1.2\n"));
    const input = { amountMinor: 10000n, currency: "GEL", reportingCurrency: "USD", day: day("2026-12-10") };
    expect(await convertToReporting(b.db, input)).toMatchObject({ ok: true, minor: 3700n });
    expect(await convertToReporting(a.db, input)).toEqual({ ok: false, reason: "missing_rate" });
  });
});

describe("rates import, then events waiting for a rate are converted", () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.eur = (await moneyEvent(a, 10000n, "EUR", "2026-11-26T12:00:00Z")).id; // cross via RUB, day 26
    ids.kzt = (await moneyEvent(a, 15000000n, "KZT", "2026-11-29T09:00:00Z")).id; // Sunday → rate of the 27th
    ids.usd = (await moneyEvent(a, 4200n, "USD", "2026-11-20T09:00:00Z")).id; // identity
    ids.gel = (await moneyEvent(a, 5000n, "GEL", "2026-12-10T09:00:00Z")).id; // > 7 days after the last rate
    ids.bEur = (await moneyEvent(b, 10000n, "EUR", "2026-11-26T12:00:00Z")).id;
  });

  it("counts events still missing a rate, per tenant", async () => {
    expect(await countEventsMissingRate(a)).toBe(4);
    expect(await countEventsMissingRate(b)).toBe(1);
  });

  it("imports both CBR fixtures and reconverts the events that now have a rate", async () => {
    const first = await importRatesFile(a, fixture("cbr-daily-2026-11-26.xml"));
    expect(first).toMatchObject({ format: "cbr", imported: 12, updated: 0, unchanged: 0, errors: [] });
    // The 26th alone converts EUR (cross) and USD (identity); KZT on the 29th can use the 26th too (3 days old).
    expect(first.reconverted).toBe(3);
    const second = await importRatesFile(a, fixture("cbr-daily-2026-11-27.windows-1251.xml"));
    expect(second).toMatchObject({ format: "cbr", imported: 12, reconverted: 0 });

    const eur = await a.db.conversionEvent.findUniqueOrThrow({ where: { id: ids.eur } });
    expect(eur.reportingAmountMinor).toBe(11593n); // 100 EUR × 90.5678 / 78.1234 = 115.929… USD
    expect(eur.reportingCurrency).toBe("USD");
    expect(eur.fxRate?.toFixed()).toBe("1.1592915823");
    expect(eur.fxRateDay).toEqual(day("2026-11-26"));

    const usd = await a.db.conversionEvent.findUniqueOrThrow({ where: { id: ids.usd } });
    expect(usd.reportingAmountMinor).toBe(4200n);
    expect(usd.fxRate?.toFixed()).toBe("1");

    const gel = await a.db.conversionEvent.findUniqueOrThrow({ where: { id: ids.gel } });
    expect(gel.reportingAmountMinor).toBeNull(); // never guessed

    const bEur = await b.db.conversionEvent.findUniqueOrThrow({ where: { id: ids.bEur } });
    expect(bEur.reportingAmountMinor).toBeNull(); // A's import touches only A's events
    expect(await countEventsMissingRate(a)).toBe(1);
  });

  it("a converted event keeps its conversion; an unconverted one is filled once a closer rate exists", async () => {
    const kzt = await a.db.conversionEvent.findUniqueOrThrow({ where: { id: ids.kzt } });
    // Filled by the first import with the 26th's rates (KZT 0.156789, USD 78.1234) and not overwritten.
    expect(kzt.fxRateDay).toEqual(day("2026-11-26"));
    expect(kzt.reportingAmountMinor).toBe(30104n);
    const fresh = await moneyEvent(a, 15000000n, "KZT", "2026-11-29T10:00:00Z");
    expect(await reconvertMissing(a.db, a.tenantId, "USD")).toBe(1);
    const filled = await a.db.conversionEvent.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(filled.fxRateDay).toEqual(day("2026-11-27")); // Sunday uses the latest rate, the 27th's
    expect(filled.reportingAmountMinor).toBe(29960n); // 150 000 KZT × 0.156789 / 78.5
  });

  it("B's own import converts B's event with B's direct EUR/USD rate", async () => {
    expect(await reconvertMissing(b.db, b.tenantId, "USD")).toBe(1);
    const bEur = await b.db.conversionEvent.findUniqueOrThrow({ where: { id: ids.bEur } });
    expect(bEur.reportingAmountMinor).toBe(12000n);
  });
});

describe("rates CSV import", () => {
  it("stores good rows, reports bad rows by number, and upserts on re-import", async () => {
    const file = "date;base;quote;rate\n2026-10-01;USD;RUB;80,5\n2026-10-01;EUR;RUB;nope\n01.10.2026;GBP;RUB;101\n";
    const first = await importRatesFile(a, csv(file));
    expect(first).toMatchObject({ format: "csv", imported: 2, updated: 0, unchanged: 0 });
    expect(first.errors).toEqual([{ row: 3, column: "rate", code: "fx.csv_rate_invalid" }]);

    const again = await importRatesFile(a, csv("date,base,quote,rate\n2026-10-01,USD,RUB,81\n2026-10-01,GBP,RUB,101.000\n"));
    expect(again).toMatchObject({ imported: 0, updated: 1, unchanged: 1, errors: [] });
    const usd = await a.db.fxRate.findFirstOrThrow({ where: { base: "USD", quote: "RUB", day: day("2026-10-01") } });
    expect(usd.rate.toFixed()).toBe("81");
    expect(usd.source).toBe("csv");
    // B has no such rate: the upsert never crossed tenants.
    expect(await b.db.fxRate.count({ where: { base: "USD", quote: "RUB", day: day("2026-10-01") } })).toBe(0);
  });

  it("rejects whole files that are not rates: too large, malformed XML, no header", async () => {
    await expect(importRatesFile(a, new Uint8Array(1024 * 1024 + 1).fill(65))).rejects.toMatchObject({ code: "fx.file_too_large" });
    await expect(importRatesFile(a, csv("<ValCurs><broken>"))).rejects.toMatchObject({ code: "fx.cbr_invalid" });
    await expect(importRatesFile(a, csv("1,2,3,4\n"))).rejects.toMatchObject({ code: "fx.csv_header_invalid" });
  });

  it("needs integrations:manage to import; settings:read to list", async () => {
    const analyst = await memberContext(aFixture, "analyst");
    const manager = await memberContext(aFixture, "manager");
    await expect(importRatesFile(analyst, csv("date,base,quote,rate\n2026-10-02,USD,RUB,80\n"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importRatesFile(manager, csv("date,base,quote,rate\n2026-10-02,USD,RUB,80\n"))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listRates(analyst, { page: 1 })).total).toBeGreaterThan(0);
  });
});

describe("rates list", () => {
  it("lists newest first, filters by currency on either side, and only the tenant's own rates", async () => {
    const all = await listRates(a, { page: 1 });
    expect(all.total).toBe(26); // 12 + 12 CBR, USD and GBP from the CSV
    expect(all.items[0].day).toEqual(day("2026-11-27"));
    expect(all.items.at(-1)?.day.getTime()).toBeLessThanOrEqual(all.items[0].day.getTime());
    const kzt = await listRates(a, { currency: "KZT", page: 1 });
    expect(kzt.items.map((r) => [r.base, r.rate])).toEqual([["KZT", "0.156789"], ["KZT", "0.156789"]]);
    const b1 = await listRates(b, { page: 1 });
    expect(b1.total).toBe(2);
    expect(b1.items.every((r) => ["GEL", "EUR"].includes(r.base))).toBe(true);
  });
});
