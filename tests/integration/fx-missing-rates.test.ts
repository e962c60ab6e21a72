// The daily fx:missing-rates job names the tenants whose events wait for an FX rate: what it reads per
// tenant (lib/fx/missing-rates.ts) — the waiting events, the oldest one, the latest rate day — through
// the tenant's own scope, and nothing once the rates are imported.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/auth/contexts/system";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { importRatesFile } from "@/lib/fx/import-rates";
import { missingRates } from "@/lib/fx/missing-rates";
import { tenantWithOwner } from "../helpers/context";

let a: TenantContext;
let b: TenantContext;
const csv = (text: string) => new TextEncoder().encode(text);
const asJob = (ctx: TenantContext) => missingRates(systemContext("jobs").forTenant(ctx.tenantId));

async function moneyEvent(ctx: TenantContext, currency: string, occurredAt: string) {
  await ctx.db.conversionEvent.create({
    data: {
      tenantId: ctx.tenantId, type: "revenue", source: "api", idempotencyKey: randomBytes(8).toString("hex"),
      payloadHash: "test", occurredAt: new Date(occurredAt), amountMinor: 10_000n, currency,
    },
  });
}

beforeAll(async () => {
  ({ ctx: a } = await tenantWithOwner("FX Missing A"));
  ({ ctx: b } = await tenantWithOwner("FX Missing B"));
});

describe("events waiting for a rate", () => {
  it("are counted per tenant with the oldest event and the latest rate day, and go once rates arrive", async () => {
    await moneyEvent(a, "EUR", "2026-12-03T10:00:00Z");
    await moneyEvent(a, "EUR", "2026-12-01T09:00:00Z");
    expect(await asJob(a)).toEqual({ events: 2, oldest: new Date("2026-12-01T09:00:00Z"), latestRateDay: null });
    expect(await asJob(b)).toEqual({ events: 0, oldest: null, latestRateDay: null }); // A's events are not B's

    await importRatesFile(a, csv("date,base,quote,rate\n2026-12-01,EUR,USD,1.05\n2026-12-03,EUR,USD,1.06\n"));
    expect(await asJob(a)).toEqual({ events: 0, oldest: null, latestRateDay: new Date("2026-12-03T00:00:00Z") });
  });
});
