import { beforeAll, describe, expect, it } from "vitest";
import { report1099 } from "@/lib/compliance/form-1099";
import { thresholdFor } from "@/lib/compliance/tax-thresholds";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { partnerIn } from "../helpers/partner-fixtures";
import { payoutRow, profileRow } from "./compliance-fixtures";

let ctx: TenantContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { fixture } = await tenantWithOwner("1099 Agency");
  ctx = await memberContext(fixture, "analyst"); // reading the report needs payouts:read only
  const t = fixture.tenantId;
  const partner = async (key: string, tinLast4: string | null = "6789") => {
    ids[key] = (await partnerIn(t, "active", { name: `Payee ${key}` })).id;
    await profileRow(t, ids[key], "us_w9", { tinLast4, legalName: `Legal ${key}` });
  };
  await partner("at600");
  await partner("at599");
  await partner("at2000");
  await partner("at1999");
  await partner("stripe");
  await partner("noTin", null);
  // 2025: threshold $600.
  await payoutRow(t, ids.at600, { amountMinor: 40000n, currency: "USD", rail: "registry", paidAt: "2025-03-01" });
  await payoutRow(t, ids.at600, { amountMinor: 20000n, currency: "USD", rail: "manual", paidAt: "2025-12-31T23:59:59Z" });
  await payoutRow(t, ids.at599, { amountMinor: 59900n, currency: "USD", rail: "manual", paidAt: "2025-06-01" });
  await payoutRow(t, ids.at599, { amountMinor: 100n, currency: "USD", rail: "manual", paidAt: "2026-01-01" }); // next year
  // 2026: threshold $2,000.
  await payoutRow(t, ids.at2000, { amountMinor: 200000n, currency: "USD", rail: "manual", paidAt: "2026-05-01" });
  await payoutRow(t, ids.at1999, { amountMinor: 199900n, currency: "USD", rail: "registry", paidAt: "2026-05-01" });
  await payoutRow(t, ids.at1999, { amountMinor: 50000n, currency: "USD", rail: "manual", paidAt: "2026-05-02", status: "failed" });
  await payoutRow(t, ids.at1999, { amountMinor: 50000n, currency: "EUR", rail: "manual", paidAt: "2026-05-03" });
  // Card/processor payouts (Stripe) are reported by Stripe on 1099-K, never here.
  await payoutRow(t, ids.stripe, { amountMinor: 900000n, currency: "USD", rail: "stripe", paidAt: "2026-04-01" });
  await payoutRow(t, ids.stripe, { amountMinor: 10000n, currency: "USD", rail: "manual", paidAt: "2026-04-02" });
  await payoutRow(t, ids.noTin, { amountMinor: 250000n, currency: "USD", rail: "manual", paidAt: "2026-02-01" });
});

const row = (report: Awaited<ReturnType<typeof report1099>>, key: string) => report.rows.find((r) => r.partnerId === ids[key]);

describe("thresholds", () => {
  it("come from data per year, and a later year without a row uses the latest earlier one", async () => {
    expect(await thresholdFor("US-1099-NEC", 2025)).toMatchObject({ amountMinor: 60000n, fromYear: 2025 });
    expect(await thresholdFor("US-1099-NEC", 2026)).toMatchObject({ amountMinor: 200000n, fromYear: 2026 });
    expect(await thresholdFor("US-1099-NEC", 2031)).toMatchObject({ amountMinor: 200000n, fromYear: 2026, year: 2031 });
    expect(await thresholdFor("US-1099-NEC", 1999)).toBeNull();
  });
});

describe("report1099", () => {
  it("2025: $600 is reportable, $599 is not, payments of other years do not count", async () => {
    const report = await report1099(ctx, 2025);
    expect(report.threshold?.amountMinor).toBe(60000n);
    expect(row(report, "at600")).toMatchObject({ totalMinor: 60000n, payouts: 2, reportable: true, backupWithholding: false });
    expect(row(report, "at599")).toMatchObject({ totalMinor: 59900n, reportable: false });
  });

  it("2026: $2,000 is reportable, $1,999 is not (failed and non-USD payouts ignored)", async () => {
    const report = await report1099(ctx, 2026);
    expect(row(report, "at2000")).toMatchObject({ totalMinor: 200000n, reportable: true });
    expect(row(report, "at1999")).toMatchObject({ totalMinor: 199900n, payouts: 1, reportable: false });
    expect(report.rows[0].reportable).toBe(true);
  });

  it("excludes Stripe (payment processor) payouts", async () => {
    const report = await report1099(ctx, 2026);
    expect(row(report, "stripe")).toMatchObject({ totalMinor: 10000n, reportable: false });
  });

  it("flags a missing TIN with 24% backup withholding", async () => {
    const report = await report1099(ctx, 2026);
    expect(row(report, "noTin")).toMatchObject({ tinOnFile: false, backupWithholding: true, withholdingMinor: 60000n, reportable: true });
    expect(row(report, "at2000")).toMatchObject({ tinOnFile: true, backupWithholding: false, withholdingMinor: 0n });
  });

  it("lists nobody for another tenant", async () => {
    const { ctx: other } = await tenantWithOwner("1099 Other");
    expect((await report1099(other, 2026)).rows).toEqual([]);
  });
});
