// Portal earnings: balances add up from the partner's own ledger rows; partner X never sees partner
// Y's commissions or payouts, tenant B never sees tenant A's; receipts only for one's own paid payouts.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { tenantDb } from "@/lib/db/tenant-client";
import { partnerBalances } from "@/lib/earnings/balances";
import { partnerEarnings } from "@/lib/earnings/partner-earnings";
import { partnerPayoutDocument } from "@/lib/earnings/payout-document";
import { partnerPayoutMethod, savePayoutMethod } from "@/lib/earnings/payout-method";
import { payoutMethodInput } from "@/lib/earnings/schemas";
import { submitPayoutReceipt } from "@/lib/earnings/submit-receipt";
import { settlePayoutPaid } from "@/lib/payouts/settle";
import { voidCommissions } from "@/lib/commissions/ledger";
import { createTenantFixture, prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { commissionsFor, payoutFor } from "./stripe-fixtures";

vi.mock("server-only", () => ({}));

let a: TenantFixture;
let b: TenantFixture;
let x: { partnerId: string; ctx: PartnerContext };
let y: { partnerId: string; ctx: PartnerContext };
let z: { partnerId: string; ctx: PartnerContext }; // tenant B
let xPaid: { id: string };
let yPaid: { id: string };
let zPaid: { id: string };

async function paid(fixture: TenantFixture, partnerId: string, amounts: bigint[], currency: string) {
  const ids = await commissionsFor(fixture.tenantId, partnerId, amounts, { currency });
  const { payout } = await payoutFor(fixture.tenantId, partnerId, ids, { rail: currency === "RUB" ? "registry" : "stripe" });
  await tenantDb(fixture.tenantId).$transaction((tx) => settlePayoutPaid(tx, { tenantId: fixture.tenantId, userId: null }, payout.id));
  return payout;
}

beforeAll(async () => {
  a = await createTenantFixture("Earnings A");
  b = await createTenantFixture("Earnings B");
  x = await partnerWithContext(a, { market: "RU", locale: "ru" });
  y = await partnerWithContext(a);
  z = await partnerWithContext(b);

  // X: RUB paid 1000+500, approved 300 (unclaimed), 200 in a sent payout, pending 700, clawback −100 approved, void 999.
  xPaid = await paid(a, x.partnerId, [100000n, 50000n], "RUB");
  await commissionsFor(a.tenantId, x.partnerId, [30000n], { currency: "RUB" });
  const inPayout = await commissionsFor(a.tenantId, x.partnerId, [20000n], { currency: "RUB" });
  await payoutFor(a.tenantId, x.partnerId, inPayout, { rail: "registry" });
  await commissionsFor(a.tenantId, x.partnerId, [70000n], { currency: "RUB", approve: false });
  await commissionsFor(a.tenantId, x.partnerId, [-10000n], { currency: "RUB", kind: "clawback" });
  const voided = await commissionsFor(a.tenantId, x.partnerId, [99900n], { currency: "RUB", approve: false });
  await voidCommissions(tenantDb(a.tenantId), { tenantId: a.tenantId, userId: null }, { id: { in: voided } }, "test");
  // X also earns in USD.
  await commissionsFor(a.tenantId, x.partnerId, [4200n], { currency: "USD", approve: false });

  yPaid = await paid(a, y.partnerId, [777700n], "RUB");
  await commissionsFor(a.tenantId, y.partnerId, [5555n], { currency: "USD" });
  zPaid = await paid(b, z.partnerId, [888800n], "RUB");
});

describe("partner balances and lists", () => {
  it("balances per currency are the sums of the partner's own rows", async () => {
    expect(await partnerBalances(x.ctx)).toEqual([
      { currency: "RUB", pendingMinor: 70000n, approvedMinor: 20000n, inPayoutMinor: 20000n, paidMinor: 150000n, clawedBackMinor: -10000n },
      { currency: "USD", pendingMinor: 4200n, approvedMinor: 0n, inPayoutMinor: 0n, paidMinor: 0n, clawedBackMinor: 0n },
    ]);
    expect(await partnerBalances(y.ctx)).toEqual([
      { currency: "RUB", pendingMinor: 0n, approvedMinor: 0n, inPayoutMinor: 0n, paidMinor: 777700n, clawedBackMinor: 0n },
      { currency: "USD", pendingMinor: 0n, approvedMinor: 5555n, inPayoutMinor: 0n, paidMinor: 0n, clawedBackMinor: 0n },
    ]);
  });

  it("partner X never sees partner Y's commissions or payouts, and tenant B's never", async () => {
    const xs = await partnerEarnings(x.ctx);
    const own = await prisma.commission.findMany({ where: { partnerId: x.partnerId }, select: { id: true } });
    expect(new Set(xs.commissions.map((c) => c.id))).toEqual(new Set(own.map((c) => c.id)));
    expect(xs.commissionTotal).toBe(own.length);
    expect(xs.payouts.map((p) => p.id)).toContain(xPaid.id);
    expect(xs.payouts.map((p) => p.id)).not.toContain(yPaid.id);
    expect(xs.payouts.every((p) => p.id !== zPaid.id)).toBe(true);
    expect(xs.payouts.find((p) => p.id === xPaid.id)).toMatchObject({ status: "paid", currency: "RUB", amountMinor: 150000n, rail: "registry" });

    const zs = await partnerEarnings(z.ctx);
    expect(zs.payouts.map((p) => p.id)).toEqual([zPaid.id]);
    expect(zs.balances).toEqual([{ currency: "RUB", pendingMinor: 0n, approvedMinor: 0n, inPayoutMinor: 0n, paidMinor: 888800n, clawedBackMinor: 0n }]);
  });

  it("a commission list entry shows pending hold, in-payout state and status", async () => {
    const { commissions } = await partnerEarnings(x.ctx);
    expect(commissions.filter((c) => c.inPayout).map((c) => c.amountMinor)).toEqual([20000n]);
    expect(commissions.find((c) => c.amountMinor === 70000n)).toMatchObject({ status: "pending", dueAt: new Date("2026-10-31T00:00:00Z") });
    expect(commissions.find((c) => c.amountMinor === -10000n)).toMatchObject({ kind: "clawback", status: "approved" });
  });
});

describe("payout documents", () => {
  it("lists the payout's items, adding up to its amount", async () => {
    const doc = await partnerPayoutDocument(x.ctx, xPaid.id);
    expect(doc).not.toBeNull();
    expect(doc!.items.map((i) => i.payoutMinor).sort()).toEqual([100000n, 50000n].sort());
    expect(doc!.itemsTotalMinor).toBe(doc!.amountMinor);
  });

  it("another partner's or another tenant's payout is not found", async () => {
    expect(await partnerPayoutDocument(x.ctx, yPaid.id)).toBeNull();
    expect(await partnerPayoutDocument(x.ctx, zPaid.id)).toBeNull();
    expect(await partnerPayoutDocument(z.ctx, xPaid.id)).toBeNull();
    expect(await partnerPayoutDocument(x.ctx, "missing")).toBeNull();
  });
});

describe("self-employed receipts", () => {
  beforeAll(async () => {
    for (const p of [x, y]) {
      await prisma.taxProfile.create({ data: { tenantId: a.tenantId, partnerId: p.partnerId, form: "ru_self_employed", legalName: "Иванов Иван", inn: "500100732259" } });
    }
  });

  it("a self-employed partner stores a receipt for their own paid RUB payout, audited", async () => {
    await submitPayoutReceipt(x.ctx, xPaid.id, { receiptRef: "20abc12def" });
    expect((await prisma.payout.findUniqueOrThrow({ where: { id: xPaid.id } })).receiptRef).toBe("20abc12def");
    expect(await prisma.auditLog.count({ where: { tenantId: a.tenantId, action: "payout.receipt_submitted", entityId: xPaid.id, actorUserId: x.ctx.userId } })).toBe(1);
    expect((await partnerPayoutDocument(x.ctx, xPaid.id))!.receiptAllowed).toBe(true);
  });

  it("never for another partner's or tenant's payout, an unpaid one, or a bad reference", async () => {
    await expect(submitPayoutReceipt(x.ctx, yPaid.id, { receiptRef: "20abc12def" })).rejects.toMatchObject({ code: "not_found" });
    await expect(submitPayoutReceipt(x.ctx, zPaid.id, { receiptRef: "20abc12def" })).rejects.toMatchObject({ code: "not_found" });
    expect((await prisma.payout.findUniqueOrThrow({ where: { id: yPaid.id } })).receiptRef).toBeNull();
    expect((await prisma.payout.findUniqueOrThrow({ where: { id: zPaid.id } })).receiptRef).toBeNull();

    const sent = await prisma.payout.findFirstOrThrow({ where: { partnerId: x.partnerId, status: "sent" } });
    await expect(submitPayoutReceipt(x.ctx, sent.id, { receiptRef: "20abc12def" })).rejects.toMatchObject({ code: "earnings.receipt_not_paid" });
    await expect(submitPayoutReceipt(x.ctx, xPaid.id, { receiptRef: "<script>" })).rejects.toMatchObject({ code: "earnings.receipt_invalid" });
    // Tenant B's partner without a self-employed profile.
    await expect(submitPayoutReceipt(z.ctx, zPaid.id, { receiptRef: "20abc12def" })).rejects.toMatchObject({ code: "earnings.receipt_not_self_employed" });
  });
});

describe("payout method", () => {
  const bank = { rail: "registry", payeeName: "Иванов Иван Иванович", inn: "5001 0073 2259", bankName: "ПАО Сбербанк", bic: "044525225", accountNumber: "40817810099910004312", corrAccount: "30101810400000000225" };

  it("validates Russian bank details (INN checksum, BIC, 20-digit accounts)", () => {
    expect(payoutMethodInput.safeParse(bank).success).toBe(true);
    const issue = (over: Record<string, string>) => {
      const r = payoutMethodInput.safeParse({ ...bank, ...over });
      return r.success ? null : r.error.issues[0].message;
    };
    expect(issue({ inn: "500100732258" })).toBe("earnings.inn_checksum");
    expect(issue({ inn: "12345" })).toBe("earnings.inn_format");
    expect(issue({ inn: "7707083893" })).toBeNull(); // a valid 10-digit (organisation) INN
    expect(issue({ bic: "144525225" })).toBe("earnings.bic_invalid");
    expect(issue({ accountNumber: "4081781009991000431" })).toBe("earnings.account_invalid");
    expect(issue({ corrAccount: "" })).toBe("required");
    expect(payoutMethodInput.safeParse({ rail: "manual", details: "PayPal me@example.com", currency: "EUR" }).success).toBe(false);
  });

  it("is saved for the partner's own row only, and each partner sees only theirs", async () => {
    const parsed = payoutMethodInput.parse(bank);
    await savePayoutMethod(x.ctx, parsed);
    await savePayoutMethod(y.ctx, payoutMethodInput.parse({ rail: "manual", details: "PayPal y@example.com", currency: "USD" }));
    const xv = await partnerPayoutMethod(x.ctx);
    expect(xv.method).toMatchObject({ partnerId: x.partnerId, rail: "registry", currency: "RUB", inn: "500100732259", bic: "044525225" });
    expect(xv.suggested).toBe("registry");
    const yv = await partnerPayoutMethod(y.ctx);
    expect(yv.method).toMatchObject({ partnerId: y.partnerId, rail: "manual", currency: "USD" });
    expect(yv.suggested).toBe("stripe");
    expect((await partnerPayoutMethod(z.ctx)).method).toBeNull();
    expect(await prisma.auditLog.count({ where: { tenantId: a.tenantId, action: "payout_method.updated" } })).toBe(2);
    // Switching rails keeps one row and the other rail's details.
    await savePayoutMethod(x.ctx, payoutMethodInput.parse({ rail: "manual", details: "cash", currency: "RUB" }));
    expect(await prisma.payoutMethod.findMany({ where: { partnerId: x.partnerId } })).toMatchObject([{ rail: "manual", currency: "RUB", inn: "500100732259" }]);
  });
});
