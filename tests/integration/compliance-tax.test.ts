import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { npdUsage, receiptsMissing } from "@/lib/compliance/npd";
import { taxProfileRows } from "@/lib/compliance/overview";
import { getOwnTaxProfile, saveTaxProfile, setSelfEmployedChecked } from "@/lib/compliance/tax-profile";
import { taxProfileInput } from "@/lib/compliance/tax-schemas";
import { revealTin, tinBinding } from "@/lib/compliance/tin";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { day, payoutRow, profileRow } from "./compliance-fixtures";
import { partnerIn } from "../helpers/partner-fixtures";

let ctx: TenantContext;
let fixture: TenantFixture;
const key = randomBytes(32).toString("base64");
const w9 = (extra: Record<string, string> = {}) =>
  taxProfileInput().parse({ form: "us_w9", legalName: "Jane Doe", country: "US", region: "CA", address: "1 Main St, Springfield", ...extra });

beforeAll(async () => {
  ({ ctx, fixture } = await tenantWithOwner("Tax Agency"));
});
afterEach(() => {
  delete process.env.TAX_ENCRYPTION_KEY;
});

describe("saveTaxProfile", () => {
  it("stores a W-9 TIN encrypted with the key, shows only the last four, audits without the TIN, and screens", async () => {
    process.env.TAX_ENCRYPTION_KEY = key;
    const { ctx: p, partnerId } = await partnerWithContext(fixture, { name: "Jane Doe" });
    const saved = await saveTaxProfile(p, w9({ tin: "123-45-6789" }));
    expect(saved.screening.status).toBe("clear");
    const row = await prisma.taxProfile.findUniqueOrThrow({ where: { partnerId } });
    expect(row.tinLast4).toBe("6789");
    expect(row.tinEncrypted).not.toContain("123456789");
    expect(revealTin(row.tinEncrypted!, tinBinding(fixture.tenantId, partnerId), key)).toBe("123456789");
    const view = await getOwnTaxProfile(p);
    expect(view).toMatchObject({ form: "us_w9", tinLast4: "6789", region: "CA" });
    expect(JSON.stringify(view)).not.toContain("123456789");
    expect(view).not.toHaveProperty("tinEncrypted");
    const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { entityType: "TaxProfile", entityId: saved.profileId } });
    expect(audit).toMatchObject({ action: "compliance.tax_profile_created", actorUserId: p.userId });
    expect(JSON.stringify(audit.data)).not.toMatch(/123-?45-?6789|6789/);
    expect(await ctx.db.screening.count({ where: { partnerId } })).toBe(1);
  });

  it("without a key keeps only the last four digits; an empty TIN on update keeps it; another form drops it", async () => {
    const { ctx: p, partnerId } = await partnerWithContext(fixture);
    await saveTaxProfile(p, w9({ tin: "98-7654321" }));
    expect(await prisma.taxProfile.findUniqueOrThrow({ where: { partnerId } })).toMatchObject({ tinEncrypted: null, tinLast4: "4321" });
    await saveTaxProfile(p, w9({ address: "2 Elm St" }));
    expect(await prisma.taxProfile.findUniqueOrThrow({ where: { partnerId } })).toMatchObject({ tinLast4: "4321", address: "2 Elm St" });
    await saveTaxProfile(p, taxProfileInput().parse({ form: "foreign_w8ben", legalName: "Jane Doe", country: "CA", w8benSignedOn: "2026-01-15" }));
    expect(await prisma.taxProfile.findUniqueOrThrow({ where: { partnerId } })).toMatchObject({ form: "foreign_w8ben", tinLast4: null, tinEncrypted: null, w8benSignedOn: day("2026-01-15") });
  });

  it("stores company details and reads them back", async () => {
    const { ctx: p } = await partnerWithContext(fixture, { market: "RU" });
    await saveTaxProfile(p, taxProfileInput().parse({ form: "ru_company", legalName: "ООО «Ромашка»", country: "RU", region: "Москва", inn: "7707083893", ogrn: "1027700132195", kpp: "773601001" }));
    expect(await getOwnTaxProfile(p)).toMatchObject({ form: "ru_company", inn: "7707083893", ogrn: "1027700132195", kpp: "773601001", region: "Москва" });
  });
});

describe("self-employed check by staff", () => {
  it("sets the checked date (payouts:manage), audited; refused for other forms and other roles", async () => {
    const { ctx: p, partnerId } = await partnerWithContext(fixture, { market: "RU" });
    await saveTaxProfile(p, taxProfileInput().parse({ form: "ru_self_employed", legalName: "Анна Смирнова", country: "RU", inn: "500100732259" }));
    const manager = await memberContext(fixture, "manager");
    await expect(setSelfEmployedChecked(manager, partnerId, day("2026-11-20"))).rejects.toBeInstanceOf(ForbiddenError);
    await setSelfEmployedChecked(ctx, partnerId, day("2026-11-20"));
    expect((await prisma.taxProfile.findUniqueOrThrow({ where: { partnerId } })).selfEmployedCheckedOn).toEqual(day("2026-11-20"));
    expect(await ctx.db.auditLog.count({ where: { action: "compliance.self_employed_checked" } })).toBe(1);
    const { ctx: w9Partner, partnerId: usId } = await partnerWithContext(fixture);
    await saveTaxProfile(w9Partner, w9());
    await expect(setSelfEmployedChecked(ctx, usId, day("2026-11-20"))).rejects.toMatchObject({ code: "compliance.not_self_employed" });
    await expect(setSelfEmployedChecked(ctx, "missing", day("2026-11-20"))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("НПД cap and receipts", () => {
  it("sums paid RUB payouts of the year against the cap: ok, warning at 80 %, over at 100 %", async () => {
    const t = fixture.tenantId;
    const now = new Date("2026-11-27T12:00:00Z");
    const make = async () => {
      const id = (await partnerIn(t, "active", { market: "RU" })).id;
      await profileRow(t, id, "ru_self_employed");
      return id;
    };
    const low = await make();
    await payoutRow(t, low, { amountMinor: 100_000_000n, currency: "RUB", rail: "registry", paidAt: "2026-03-01", receiptRef: "20abc" });
    await payoutRow(t, low, { amountMinor: 200_000_000n, currency: "RUB", rail: "registry", paidAt: "2025-12-31" }); // last year
    await payoutRow(t, low, { amountMinor: 200_000_000n, currency: "RUB", rail: "registry", paidAt: "2026-03-01", status: "sent" });
    expect(await npdUsage(ctx.db, low, now)).toMatchObject({ paidMinor: 100_000_000n, capMinor: 240_000_000n, level: "ok", permille: 416 });

    const warn = await make();
    await payoutRow(t, warn, { amountMinor: 192_000_000n, currency: "RUB", rail: "registry", paidAt: "2026-06-01" });
    expect(await npdUsage(ctx.db, warn, now)).toMatchObject({ level: "warning", permille: 800 });

    const over = await make();
    await payoutRow(t, over, { amountMinor: 240_000_000n, currency: "RUB", rail: "registry", paidAt: "2026-06-01" });
    await payoutRow(t, over, { amountMinor: 5_000n, currency: "USD", rail: "manual", paidAt: "2026-06-01" });
    expect(await npdUsage(ctx.db, over, now)).toMatchObject({ level: "over", paidMinor: 240_000_000n });

    const company = (await partnerIn(t, "active", { market: "RU" })).id;
    await profileRow(t, company, "ru_company");
    expect(await npdUsage(ctx.db, company, now)).toBeNull();

    const rows = await taxProfileRows(ctx, now);
    expect(rows.find((r) => r.partnerId === warn)?.npd?.level).toBe("warning");
    expect(rows.find((r) => r.partnerId === warn)).toMatchObject({ selfEmployedStale: true, tinOnFile: false });

    const missing = await receiptsMissing(ctx);
    const missingFor = new Set(missing.items.map((i) => i.partner.id));
    expect(missingFor.has(warn) && missingFor.has(over)).toBe(true);
    expect(missing.items.filter((i) => i.partner.id === low)).toHaveLength(1); // the 2025 payout; the 2026 one has a receipt
    expect(missingFor.has(company)).toBe(false);
    expect(missing.items.every((i) => i.currency === "RUB")).toBe(true);
  });
});
