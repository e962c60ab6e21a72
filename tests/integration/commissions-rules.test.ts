import { beforeAll, describe, expect, it, vi } from "vitest";
import { createRule, updateRule } from "@/lib/commissions/rules";
import { adjustmentInput, ruleInput } from "@/lib/commissions/schemas";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { parseForm } from "@/lib/kernel/form";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { programWith } from "../helpers/partner-context";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { saveRuleAction, adjustmentAction } = await import("@/lib/commissions/actions");

let ctx: TenantContext;
let programId: string;

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const valid = () => ({
  programId, name: "RU creators 12.5%", basis: "revenue_share", percent: "12,5", durationMonths: "12", currency: "rub",
  cap: "100 000,00", holdDays: "14", "tiers.0.minCount": "10", "tiers.0.value": "15", "tiers.1.minCount": "", "tiers.1.value": "", market: "RU",
});

beforeAll(async () => {
  const t = await tenantWithOwner("Rules");
  ctx = t.ctx;
  programId = (await programWith(t.fixture, [])).id;
});

describe("rule validation", () => {
  it("parses percent, money, tiers and currency from form strings", () => {
    const parsed = parseForm(ruleInput, form(valid()));
    expect(parsed).toEqual({
      ok: true,
      data: {
        programId, groupId: null, market: "RU", name: "RU creators 12.5%", basis: "revenue_share", percentBps: 1250, durationMonths: 12, amountMinor: null,
        currency: "RUB", tiers: [{ minCount: 10, percentBps: 1500 }], capMinor: 10_000_000n, holdDays: 14,
      },
    });
  });

  it("answers bad input with field errors", () => {
    const bad = parseForm(ruleInput, form({
      ...valid(), percent: "100.5", currency: "XYZ", holdDays: "400", durationMonths: "0", "tiers.0.minCount": "1", "tiers.0.value": "abc",
    }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors).toMatchObject({
      currency: { key: "commissions.currency_invalid" },
      holdDays: { key: "commissions.hold_invalid" },
      durationMonths: { key: "commissions.duration_invalid" },
    });
    const bounty = parseForm(ruleInput, form({ ...valid(), basis: "lead_bounty", bounty: "" }));
    expect(!bounty.ok && bounty.fieldErrors.bounty).toEqual({ key: "required" });
    const percent = parseForm(ruleInput, form({ ...valid(), percent: "100.01" }));
    expect(!percent.ok && percent.fieldErrors.percent).toEqual({ key: "commissions.percent_invalid" });
    const tiers = parseForm(ruleInput, form({ ...valid(), "tiers.0.minCount": "1", "tiers.0.value": "abc" }));
    expect(!tiers.ok && tiers.fieldErrors).toMatchObject({ "tiers.0.minCount": { key: "commissions.tier_count_invalid" }, "tiers.0.value": { key: "commissions.percent_invalid" } });
    const dup = parseForm(ruleInput, form({ ...valid(), "tiers.1.minCount": "10", "tiers.1.value": "20" }));
    expect(!dup.ok && dup.fieldErrors.tiers).toEqual({ key: "commissions.tier_duplicate" });
  });

  it("bounties use the currency's minor units; the percent is not required for them", () => {
    const parsed = parseForm(ruleInput, form({ programId, name: "Lead", basis: "lead_bounty", bounty: "1 500,50", currency: "RUB", holdDays: "0", "tiers.0.minCount": "5", "tiers.0.value": "2000" }));
    expect(parsed.ok && parsed.data).toMatchObject({ amountMinor: 150050n, percentBps: null, durationMonths: null, holdDays: 0, tiers: [{ minCount: 5, amountMinor: 200000n }] });
  });

  it("adjustments need a signed non-zero amount and a reason", () => {
    const ok = parseForm(adjustmentInput, form({ partnerId: "p1", currency: "usd", amount: "−12.50", reason: "correction" }));
    expect(ok.ok && ok.data).toEqual({ partnerId: "p1", currency: "USD", amountMinor: -1250n, reason: "correction" });
    const bad = parseForm(adjustmentInput, form({ partnerId: "p1", currency: "USD", amount: "0", reason: "" }));
    expect(!bad.ok && bad.fieldErrors).toMatchObject({ amount: { key: "commissions.amount_invalid" }, reason: { key: "required" } });
  });
});

describe("rule changes", () => {
  it("a valid rule is stored and audited; an edit is audited with before and after", async () => {
    const parsed = parseForm(ruleInput, form(valid()));
    if (!parsed.ok) throw new Error("valid input rejected");
    const rule = await createRule(ctx, parsed.data);
    expect(rule).toMatchObject({ percentBps: 1250, capMinor: 10_000_000n, tiers: [{ minCount: 10, percentBps: 1500 }] });
    await updateRule(ctx, rule.id, { ...parsed.data, percentBps: 1000 });
    const audits = await prisma.auditLog.findMany({ where: { tenantId: ctx.tenantId, entityId: rule.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["commission_rule.created", "commission_rule.updated"]);
    expect(audits[1].data).toMatchObject({ from: { percentBps: 1250 }, to: { percentBps: 1000 } });
  });

  it("the save action answers bad input with field errors and writes nothing; good input is saved", async () => {
    session.userId = ctx.userId;
    const before = await prisma.commissionRule.count({ where: { tenantId: ctx.tenantId } });
    const target = { locale: "en", tenant: ctx.slug };
    const bad = await saveRuleAction(target, {}, form({ ...valid(), percent: "abc", holdDays: "-1" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { percent: { key: "commissions.percent_invalid" }, holdDays: { key: "commissions.hold_invalid" } }, values: { percent: "abc" } });
    expect(await prisma.commissionRule.count({ where: { tenantId: ctx.tenantId } })).toBe(before);
    const adjustment = await adjustmentAction(target, {}, form({ partnerId: "x", currency: "USD", amount: "abc", reason: "r" }));
    expect(adjustment).toMatchObject({ ok: false, fieldErrors: { amount: { key: "commissions.amount_invalid" } } });
    expect(await prisma.commission.count({ where: { tenantId: ctx.tenantId } })).toBe(0);

    const good = await saveRuleAction(target, {}, form(valid()));
    expect(good).toMatchObject({ ok: true, message: { key: "commissions.rule_created" } });
    expect(await prisma.commissionRule.count({ where: { tenantId: ctx.tenantId } })).toBe(before + 1);
  });
});
