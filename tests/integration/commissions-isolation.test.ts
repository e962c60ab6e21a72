import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ledgerBalances } from "@/lib/commissions/balances";
import { getCommission, listCommissions, staffBalances } from "@/lib/commissions/list-commissions";
import { previewHypothetical, previewStoredEvent } from "@/lib/commissions/preview";
import { getRule, listRules, setRuleArchived, updateRule, createRule } from "@/lib/commissions/rules";
import { runCommissionJob } from "@/lib/commissions/run-job";
import { ruleInput, type RuleData } from "@/lib/commissions/schemas";
import { approveSelected, createAdjustment, voidSelected } from "@/lib/commissions/staff-ledger";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";

let a: TenantContext;
let b: TenantContext;
let aPartner: string;
let aProgram: string;
let bProgram: string;
let aRule: string;
let aCommission: string;
let aEvent: string;
let leadRule: RuleData;

beforeAll(async () => {
  const ta = await tenantWithOwner("Ledger A");
  const tb = await tenantWithOwner("Ledger B");
  a = ta.ctx;
  b = tb.ctx;
  aPartner = (await partnerWithContext(ta.fixture, { market: "US" })).partnerId;
  aProgram = (await programWith(ta.fixture, [aPartner])).id;
  bProgram = (await programWith(tb.fixture, [])).id;
  leadRule = ruleInput.parse({ programId: aProgram, name: "Lead bounty", basis: "lead_bounty", bounty: "50", currency: "USD", holdDays: "30" });
  aRule = (await createRule(a, leadRule)).id;
  aEvent = (await prisma.conversionEvent.create({
    data: { tenantId: a.tenantId, type: "lead", source: "api", idempotencyKey: randomBytes(6).toString("hex"), payloadHash: "x", occurredAt: new Date("2026-03-01T00:00:00Z"), partnerId: aPartner, programId: aProgram },
  })).id;
  await runCommissionJob(a.db, { tenantId: a.tenantId, userId: null }, { now: new Date("2026-03-02T00:00:00Z") });
  aCommission = (await prisma.commission.findFirstOrThrow({ where: { tenantId: a.tenantId } })).id;
});

describe("tenant B cannot reach tenant A's commissions or rules", () => {
  it("lists and balances show nothing of A", async () => {
    expect((await listCommissions(b, { page: 1 })).total).toBe(0);
    expect(await ledgerBalances(b.db)).toEqual([]);
    expect(await ledgerBalances(b.db, { partnerId: aPartner })).toEqual([]);
    expect(await staffBalances(b)).toEqual([]);
    expect(await listRules(b)).toEqual([]);
    expect((await listCommissions(a, { page: 1 })).total).toBe(1);
  });

  it("reading A's commission, rule or event by id answers not found", async () => {
    await expect(getCommission(b, aCommission)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRule(b, aRule)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewStoredEvent(b, aEvent)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewHypothetical(b, { programId: aProgram, market: "US", type: "lead", amountMinor: null, currency: null, occurredAt: new Date() })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("approving, voiding or adjusting with A's ids answers not found and changes nothing", async () => {
    await expect(approveSelected(b, [aCommission])).rejects.toBeInstanceOf(NotFoundError);
    await expect(voidSelected(b, [aCommission], "not mine")).rejects.toBeInstanceOf(NotFoundError);
    await expect(createAdjustment(b, { partnerId: aPartner, currency: "USD", amountMinor: 100n, reason: "steal" })).rejects.toBeInstanceOf(NotFoundError);
    const row = await prisma.commission.findUniqueOrThrow({ where: { id: aCommission } });
    expect(row.status).toBe("pending");
    expect(await prisma.commissionTransition.count({ where: { commissionId: aCommission } })).toBe(1);
    expect(await prisma.commission.count({ where: { tenantId: b.tenantId } })).toBe(0);
  });

  it("editing or archiving A's rule, or attaching a rule to A's program, answers not found", async () => {
    await expect(updateRule(b, aRule, { ...leadRule, programId: bProgram, name: "hijack" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setRuleArchived(b, aRule, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createRule(b, leadRule)).rejects.toBeInstanceOf(NotFoundError);
    const rule = await prisma.commissionRule.findUniqueOrThrow({ where: { id: aRule } });
    expect(rule).toMatchObject({ name: "Lead bounty", archivedAt: null, programId: aProgram });
  });

  it("B's job never creates commissions from A's events", async () => {
    await prisma.commissionRule.create({ data: { tenantId: b.tenantId, programId: bProgram, name: "B lead", basis: "lead_bounty", amountMinor: 1n, currency: "USD" } });
    const result = await runCommissionJob(b.db, { tenantId: b.tenantId, userId: null });
    expect(result.created).toBe(0);
    expect(await prisma.commission.count({ where: { tenantId: b.tenantId } })).toBe(0);
  });
});

describe("roles", () => {
  it("managers and analysts can read but not change money", async () => {
    const fixture = { tenantId: a.tenantId, slug: a.slug, userId: a.userId, email: "", membershipId: "" };
    const analyst = await memberContext(fixture, "analyst");
    const manager = await memberContext(fixture, "manager");
    expect((await listCommissions(analyst, { page: 1 })).total).toBe(1);
    await expect(approveSelected(manager, [aCommission])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(voidSelected(analyst, [aCommission], "no")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRule(manager, leadRule)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAdjustment(manager, { partnerId: aPartner, currency: "USD", amountMinor: 1n, reason: "nope" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
