// The money invariants both property tests check after every random sequence (tests/integration/
// ledger-properties.test.ts and payouts-properties.test.ts):
//   - every ledger change is audited: each commission's transitions form one chain from its creation to
//     its current status, and its live payout claim is the one its claim/release transitions leave;
//   - no commission is in two paid payouts, and a paid commission is in exactly one;
//   - a payout's amount is the sum of its items;
//   - per partner and currency, the sum paid never exceeds the sum ever approved, and what paid payouts
//     carried equals what the ledger marks paid.
import { expect } from "vitest";
import type { TenantDb } from "@/lib/db/tenant-client";

export async function expectLedgerInvariants(db: TenantDb, partners: string[], currencies: readonly string[]) {
  const commissions = await db.commission.findMany({ include: { transitions: true, payoutItems: { include: { payout: true } } } });
  const payouts = await db.payout.findMany({ include: { items: true } });
  for (const c of commissions) {
    // Order-free chain check: one creation; into/out-of counts balance except at the current status.
    expect(c.transitions.filter((t) => t.fromStatus === null)).toHaveLength(1);
    const balance = new Map<string, number>();
    for (const t of c.transitions) {
      balance.set(t.toStatus, (balance.get(t.toStatus) ?? 0) + 1);
      if (t.fromStatus) balance.set(t.fromStatus, (balance.get(t.fromStatus) ?? 0) - 1);
    }
    for (const [status, n] of balance) expect(n, `${c.id} ${status}`).toBe(status === c.status ? 1 : 0);
    const claims = c.transitions.filter((t) => t.action === "claimed").length;
    const releases = c.transitions.filter((t) => t.action === "released" || t.action === "payment_reversed").length;
    expect(claims - releases).toBe(c.payoutId ? 1 : 0);
    const paidIn = c.payoutItems.filter((i) => i.payout.status === "paid");
    expect(paidIn.length).toBeLessThanOrEqual(1);
    expect(paidIn.length === 1).toBe(c.status === "paid");
    if (c.status === "paid") {
      expect(c.payoutId).toBe(paidIn[0].payoutId);
      expect(c.transitions.some((t) => t.toStatus === "approved")).toBe(true);
    }
  }
  for (const p of payouts) expect(p.amountMinor).toBe(p.items.reduce((sum, i) => sum + i.payoutMinor, 0n));
  for (const partnerId of partners) {
    for (const currency of currencies) {
      const mine = commissions.filter((c) => c.partnerId === partnerId && c.currency === currency);
      const paid = mine.filter((c) => c.status === "paid").reduce((sum, c) => sum + c.amountMinor, 0n);
      const approvedEver = mine
        .filter((c) => c.amountMinor > 0n && c.transitions.some((t) => t.toStatus === "approved"))
        .reduce((sum, c) => sum + c.amountMinor, 0n);
      expect(paid).toBeLessThanOrEqual(approvedEver);
      const carried = payouts
        .filter((p) => p.partnerId === partnerId && p.status === "paid")
        .flatMap((p) => p.items)
        .filter((i) => i.currency === currency)
        .reduce((sum, i) => sum + i.amountMinor, 0n);
      expect(carried).toBe(paid);
    }
  }
}
