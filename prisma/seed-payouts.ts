// Demo money for the "northstar" tenant: commission rules per program and market, the ledger built
// by the real commission job from the seeded conversion events, payout methods and tax profiles for
// the active partners, the sample OFAC SDN list imported and everyone screened, and one completed
// payout run in the past (a Stripe payout, a reconciled RUB registry payout, a manual one). What is
// left — approved commissions due since and pending ones inside their hold — is for the next run.
// Runs after the main seed's transaction through the same domain functions the app uses; idempotent
// (does nothing once the tenant has commission rules).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "@/lib/db/generated/client";
import { resolveTenantContext } from "@/lib/auth/contexts/tenant";
import { convertToReporting } from "@/lib/fx/convert";

/** The demo US partner's Stripe Connect account (the E2E Stripe stand-in knows it, onboarded). */
export const DEMO_STRIPE_ACCOUNT = "acct_demoNorthstarJessica";
const DAY = 86_400_000;

export async function seedPayouts(prisma: PrismaClient, tenantSlug: string): Promise<void> {
  const tenant = await prisma.tenant.findUnique({ where: { slug: tenantSlug }, include: { memberships: { where: { role: "owner" } } } });
  if (!tenant || tenant.memberships.length === 0) return;
  if (await prisma.commissionRule.count({ where: { tenantId: tenant.id } })) return;
  const ctx = await resolveTenantContext(tenant.memberships[0].userId, tenantSlug);
  if (!ctx) return;
  const { runCommissionJob } = await import("@/lib/commissions/run-job");
  const { importSdnCsv } = await import("@/lib/compliance/sdn-import");
  const { screenAll } = await import("@/lib/compliance/screen");
  const { createPayoutRun } = await import("@/lib/payouts/create-run");
  const { approvePayoutRun, refreshRunCompletion } = await import("@/lib/payouts/run-status");
  const { markPayoutSent, settlePayoutPaid } = await import("@/lib/payouts/settle");
  const db = ctx.db;
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };

  const programs = await db.program.findMany({ orderBy: { createdAt: "asc" } });
  const warm = programs.find((p) => p.mode === "direct");
  const pool = programs.find((p) => p.mode === "pool");
  if (!warm || !pool) return;
  await db.commissionRule.createMany({
    data: [
      {
        tenantId: ctx.tenantId, programId: warm.id, market: "US", name: "US partners: 10% of revenue, first 12 months", basis: "revenue_share",
        percentBps: 1000, durationMonths: 12, currency: "USD", holdDays: 30, capMinor: 500_000n,
        tiers: [{ minCount: 4, percentBps: 1200 }],
      },
      { tenantId: ctx.tenantId, programId: warm.id, market: "US", name: "US partners: $150 per close", basis: "close_bounty", amountMinor: 15_000n, currency: "USD", holdDays: 30 },
      { tenantId: ctx.tenantId, programId: warm.id, market: "RU", name: "Партнёры РФ: 12% выручки, бессрочно", basis: "revenue_share", percentBps: 1200, currency: "RUB", holdDays: 14 },
      { tenantId: ctx.tenantId, programId: pool.id, market: "RU", name: "Партнёры РФ: 1 500 ₽ за квалифицированный лид", basis: "lead_bounty", amountMinor: 150_000n, currency: "RUB", holdDays: 14 },
      { tenantId: ctx.tenantId, programId: pool.id, market: "US", name: "US partners: 8% of revenue, lifetime", basis: "revenue_share", percentBps: 800, currency: "USD", holdDays: 30 },
    ],
  });

  // Payout methods and tax profiles of the active partners (a few left incomplete: they are held).
  const partners = await db.partner.findMany({ where: { status: "active" }, orderBy: { createdAt: "asc" } });
  const byEmail = new Map(partners.map((p) => [p.email, p]));
  const jessica = byEmail.get("partner.us@northstar.test");
  const ekaterina = byEmail.get("partner.ru@northstar.test");
  const marcus = byEmail.get("marcus@leeventures.test");
  const alexey = byEmail.get("a.kuznetsov@mail.test");
  if (jessica) {
    await db.payoutMethod.create({ data: { tenantId: ctx.tenantId, partnerId: jessica.id, rail: "stripe", currency: "USD", stripeAccountId: DEMO_STRIPE_ACCOUNT, stripeDetailsSubmitted: true, stripePayoutsEnabled: true } });
    await db.taxProfile.create({ data: { tenantId: ctx.tenantId, partnerId: jessica.id, form: "us_w9", legalName: "Jessica A. Moore", tinLast4: "4321", address: "2100 Guadalupe St, Austin, TX 78705", country: "US", region: "TX" } });
  }
  if (ekaterina) {
    await db.payoutMethod.create({
      data: {
        tenantId: ctx.tenantId, partnerId: ekaterina.id, rail: "registry", currency: "RUB", payeeName: "Иванова Екатерина Сергеевна", inn: "500100732259",
        bankName: "АО «Райффайзенбанк»", bic: "044525700", accountNumber: "40817810099910004312", corrAccount: "30101810200000000700",
      },
    });
    await db.taxProfile.create({
      data: { tenantId: ctx.tenantId, partnerId: ekaterina.id, form: "ru_self_employed", legalName: "Иванова Екатерина Сергеевна", inn: "500100732259", country: "RU", region: "Санкт-Петербург", selfEmployedCheckedOn: new Date(Date.now() - 2 * DAY) },
    });
  }
  if (marcus) {
    await db.payoutMethod.create({ data: { tenantId: ctx.tenantId, partnerId: marcus.id, rail: "manual", currency: "USD", details: "ACH to Lee Ventures LLC, Chase, routing on file" } });
    await db.taxProfile.create({ data: { tenantId: ctx.tenantId, partnerId: marcus.id, form: "us_w9", legalName: "Lee Ventures LLC", address: "410 Market St, San Francisco, CA", country: "US", region: "CA" } });
  }
  if (alexey) {
    // Bank details but no tax profile yet: his payouts are held until he submits one.
    await db.payoutMethod.create({
      data: {
        tenantId: ctx.tenantId, partnerId: alexey.id, rail: "registry", currency: "RUB", payeeName: "Кузнецов Алексей Игоревич", inn: "7707083893",
        bankName: "АО «Банк Точка»", bic: "044525104", accountNumber: "40817810100001234567", corrAccount: "30101810745374525104",
      },
    });
  }

  // A book of business per partner: one referred customer each, paying monthly for ~5 months, so
  // the ledger has history (the base seed's referrals only closed this month).
  const book = [
    { partner: jessica, name: "Brightwave Labs", currency: "USD", monthly: 320_000n, program: warm, markets: ["US", "RU"] as const },
    { partner: ekaterina, name: "ООО «Северный Ветер»", currency: "RUB", monthly: 35_000_000n, program: warm, markets: ["RU", "US"] as const },
    { partner: marcus, name: "Copperline Goods", currency: "USD", monthly: 180_000n, program: warm, markets: ["US", "RU"] as const },
    { partner: alexey, name: "ИП Смирнова «Чайная лавка»", currency: "RUB", monthly: 18_000_000n, program: warm, markets: ["RU", "US"] as const },
  ];
  const since = new Date(Date.now() - 112 * DAY);
  for (const [i, b] of book.entries()) {
    if (!b.partner) continue;
    const customer = await db.customer.create({
      data: {
        tenantId: ctx.tenantId, externalId: `crm-book-${i + 1}`, name: b.name, source: "referral", partnerId: b.partner.id, programId: b.program.id,
        sourceMarket: b.markets[0], targetMarket: b.markets[1], firstSeenAt: since,
      },
    });
    for (let k = 0, at = since; at.getTime() < Date.now() - DAY; k++, at = new Date(at.getTime() + 30 * DAY)) {
      const amountMinor = b.monthly + BigInt(k) * (b.currency === "RUB" ? 100_000n : 1_000n);
      const fx = await convertToReporting(db, { amountMinor, currency: b.currency, reportingCurrency: tenant.reportingCurrency, day: at });
      await db.conversionEvent.create({
        data: {
          tenantId: ctx.tenantId, type: "revenue", source: "api", idempotencyKey: `demo-book-${i}-${k}`, payloadHash: "demo", occurredAt: at,
          amountMinor, currency: b.currency, reportingCurrency: tenant.reportingCurrency,
          reportingAmountMinor: fx.ok ? fx.minor : null, fxRate: fx.ok ? fx.rate : null, fxRateDay: fx.ok ? fx.rateDay : null,
          customerId: customer.id, externalCustomerId: customer.externalId, partnerId: b.partner.id, programId: b.program.id,
          sourceMarket: b.markets[0], targetMarket: b.markets[1],
        },
      });
    }
  }

  const sdn = new Uint8Array(readFileSync(join(process.cwd(), "prisma/data/ofac-sdn-sample.csv")));
  await importSdnCsv(ctx, sdn, "sdn.csv");
  await screenAll(ctx);

  // The ledger, from the seeded events, exactly as the nightly job would build it.
  await runCommissionJob(db, actor, { now: new Date() });

  // A completed run five weeks ago: whatever was approved and due by then.
  const cutoffAt = new Date(Date.now() - 35 * DAY);
  const due = await db.commission.count({ where: { status: "approved", payoutId: null, dueAt: { lte: cutoffAt } } });
  if (due === 0) return;
  const run = await createPayoutRun(ctx, { cutoffAt }).catch(() => null);
  if (!run) return;
  await approvePayoutRun(ctx, run.id);
  const payouts = await db.payout.findMany({ where: { runId: run.id, status: "ready" } });
  const paidAt = new Date(Date.now() - 33 * DAY);
  await db.$transaction(async (tx) => {
    await tx.payoutRun.update({ where: { id: run.id }, data: { status: "executing", executedAt: paidAt, executedById: ctx.userId, registrySentAt: paidAt } });
    for (const p of payouts) {
      const externalId = p.rail === "stripe" ? `tr_demo${p.reference.replace(/-/g, "")}` : p.rail === "manual" ? `ACH-${p.reference}` : null;
      await markPayoutSent(tx, p.id, { externalId });
      await settlePayoutPaid(tx, actor, p.id, { externalId, receivedAmountMinor: p.amountMinor, paidAt });
      if (p.rail === "registry") await tx.payout.update({ where: { id: p.id }, data: { receiptRef: `20${p.reference.slice(-6).toLowerCase()}demo` } });
    }
    await tx.payoutRun.update({ where: { id: run.id }, data: { processed: payouts.length } });
  });
  await refreshRunCompletion(db, run.id);
}
