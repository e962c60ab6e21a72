import { beforeAll, describe, expect, it } from "vitest";
import { receiptsMissing } from "@/lib/compliance/npd";
import { latestSanctionsList, screeningRows, taxProfileRows } from "@/lib/compliance/overview";
import { reviewScreening, screenAll, screenPartner } from "@/lib/compliance/screen";
import { importSdnCsv } from "@/lib/compliance/sdn-import";
import { getOwnTaxProfile, saveTaxProfile, setSelfEmployedChecked } from "@/lib/compliance/tax-profile";
import { taxProfileInput } from "@/lib/compliance/tax-schemas";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { payoutRow, sdnFixture } from "./compliance-fixtures";

let a: TenantContext;
let b: TenantContext;
let aFixture: TenantFixture;
let x: { ctx: PartnerContext; partnerId: string };
let y: { ctx: PartnerContext; partnerId: string };
let aScreeningId: string;

beforeAll(async () => {
  ({ ctx: a, fixture: aFixture } = await tenantWithOwner("Isolation A"));
  ({ ctx: b } = await tenantWithOwner("Isolation B"));
  await importSdnCsv(a, sdnFixture(), "sdn.csv");
  x = await partnerWithContext(aFixture, { name: "Сергей Иванов", market: "RU" });
  y = await partnerWithContext(aFixture, { name: "Yana Y", market: "RU" });
  await saveTaxProfile(x.ctx, taxProfileInput().parse({ form: "ru_self_employed", legalName: "Сергей Иванов", country: "RU", inn: "500100732259" }));
  await payoutRow(aFixture.tenantId, x.partnerId, { amountMinor: 1000n, currency: "RUB", rail: "registry", paidAt: "2026-02-01" });
  aScreeningId = (await a.db.screening.findFirstOrThrow({ where: { partnerId: x.partnerId }, orderBy: { createdAt: "desc" } })).id;
});

describe("tenant B cannot see or change tenant A's compliance data", () => {
  it("lists, screenings, tax profiles and receipts of A are invisible to B", async () => {
    expect(await latestSanctionsList(a)).not.toBeNull();
    expect(await latestSanctionsList(b)).toBeNull();
    expect(await b.db.sanctionsEntry.count()).toBe(0);
    expect(await screeningRows(b)).toEqual([]);
    expect(await taxProfileRows(b)).toEqual([]);
    expect((await receiptsMissing(b)).total).toBe(0);
    expect((await receiptsMissing(a)).total).toBe(1);
  });

  it("B cannot review A's screening, screen A's partner or mark A's partner checked", async () => {
    await expect(reviewScreening(b, aScreeningId, { decision: "clear", note: "sneaky" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(screenPartner(b.db, b.tenantId, x.partnerId, b.userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setSelfEmployedChecked(b, x.partnerId, new Date("2026-11-01T00:00:00Z"))).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.screening.count({ where: { partnerId: x.partnerId } })).toBe(1);
  });

  it("B's screen-all never uses A's list", async () => {
    await prisma.partner.create({ data: { tenantId: b.tenantId, name: "Sergei Ivanov", email: "si@b.test", market: "RU", status: "active" } });
    const summary = await screenAll(b);
    expect(summary).toEqual({ screened: 1, clear: 1, possible_match: 0, blocked: 0 });
    expect((await b.db.screening.findFirstOrThrow()).reason).toBe("no_list");
  });
});

describe("partner X cannot read or change partner Y's profile", () => {
  it("each partner reads and writes only their own profile", async () => {
    expect(await getOwnTaxProfile(y.ctx)).toBeNull();
    expect((await getOwnTaxProfile(x.ctx))?.legalName).toBe("Сергей Иванов");
    await saveTaxProfile(y.ctx, taxProfileInput().parse({ form: "ru_ip", legalName: "ИП Яна", country: "RU", inn: "500100732259", ogrnip: "304500116000157" }));
    expect((await getOwnTaxProfile(x.ctx))?.form).toBe("ru_self_employed");
    expect((await getOwnTaxProfile(y.ctx))?.form).toBe("ru_ip");
  });
});
