// Shared setup for the payouts tests: a tenant whose partners the compliance gate clears (or not),
// and approved commissions put into the ledger the way the product does it.
import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import type { Market, PayoutRail, ScreeningStatus, TaxForm } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { approveCommissions, insertCommissions } from "@/lib/commissions/ledger";
import type { StripeTransferInput } from "@/lib/stripe/transfers";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";

export const DAY = 86_400_000;
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export type World = { fixture: TenantFixture; ctx: TenantContext; listId: string };

/** A tenant with an imported sanctions list (yesterday), so partners screened today count as screened. */
export async function payoutWorld(name: string): Promise<World> {
  const { fixture, ctx } = await tenantWithOwner(name);
  const list = await prisma.sanctionsList.create({
    data: { tenantId: fixture.tenantId, source: "OFAC-SDN", fileName: "sdn.csv", entryCount: 0, createdAt: new Date(Date.now() - DAY) },
  });
  return { fixture, ctx, listId: list.id };
}

type PartnerOptions = {
  name?: string;
  market?: Market;
  rail?: PayoutRail | null;
  currency?: string;
  taxForm?: TaxForm | null;
  screening?: ScreeningStatus | null;
  stripeAccountId?: string | null;
  stripePayoutsEnabled?: boolean;
};

/** A partner with a payout method, tax profile and clear screening unless told otherwise. */
export async function payee(world: World, options: PartnerOptions = {}): Promise<string> {
  const suffix = randomBytes(4).toString("hex");
  const rail = options.rail === undefined ? "manual" : options.rail;
  const ru = options.market === "RU" || rail === "registry";
  const partner = await prisma.partner.create({
    data: {
      tenantId: world.fixture.tenantId, name: options.name ?? `Partner ${suffix}`, email: `p-${suffix}@partners.test`,
      market: options.market ?? (ru ? "RU" : "US"), status: "active", country: ru ? "RU" : "US",
    },
  });
  if (rail) {
    await prisma.payoutMethod.create({
      data: {
        tenantId: world.fixture.tenantId, partnerId: partner.id, rail, currency: options.currency ?? (rail === "registry" ? "RUB" : "USD"),
        stripeAccountId: rail === "stripe" ? (options.stripeAccountId === undefined ? `acct_${suffix}` : options.stripeAccountId) : null,
        stripePayoutsEnabled: rail === "stripe" ? (options.stripePayoutsEnabled ?? true) : false,
        payeeName: rail === "registry" ? (options.name ?? `Партнёр ${suffix}`) : null,
        inn: rail === "registry" ? "500100732259" : null,
        bankName: rail === "registry" ? "ПАО Сбербанк" : null,
        bic: rail === "registry" ? "044525225" : null,
        accountNumber: rail === "registry" ? "40817810099910004312" : null,
        corrAccount: rail === "registry" ? "30101810400000000225" : null,
        details: rail === "manual" ? "Wise transfer" : null,
      },
    });
  }
  const form = options.taxForm === undefined ? (ru ? "ru_self_employed" : "us_w9") : options.taxForm;
  if (form) {
    await prisma.taxProfile.create({
      data: {
        tenantId: world.fixture.tenantId, partnerId: partner.id, form, legalName: options.name ?? `Legal ${suffix}`,
        inn: ru ? "500100732259" : null, tinLast4: ru ? null : "1234", country: ru ? "RU" : "US",
        selfEmployedCheckedOn: form === "ru_self_employed" ? new Date() : null,
      },
    });
  }
  const screening = options.screening === undefined ? "clear" : options.screening;
  if (screening) {
    await prisma.screening.create({
      data: { tenantId: world.fixture.tenantId, partnerId: partner.id, listId: world.listId, status: screening, reason: screening === "clear" ? "no_match" : "test" },
    });
  }
  return partner.id;
}

/** Approved commissions for a partner, due yesterday. Amounts are minor units; negatives are clawbacks. */
export async function approved(world: World, partnerId: string, rows: [bigint, string][], dueAt = new Date(Date.now() - DAY)): Promise<string[]> {
  const actor = { tenantId: world.fixture.tenantId, userId: world.fixture.userId };
  const ids = await world.ctx.db.$transaction(async (tx) => {
    const created = await insertCommissions(tx, actor, rows.map(([amountMinor, currency]) => ({
      partnerId, amountMinor, currency, kind: amountMinor < 0n ? "clawback" : "earning",
      occurredAt: new Date(dueAt.getTime() - 30 * DAY), dueAt,
    })));
    // As the job approves them once due (staff approval would make them due now).
    await approveCommissions(tx, actor, { id: { in: created } }, true);
    return created;
  });
  return ids;
}

/** A Stripe stand-in for the executor: records transfers, returns one id per idempotency key (as Stripe does). */
export function fakeStripe(options: { fail?: (input: StripeTransferInput) => unknown } = {}) {
  const calls: StripeTransferInput[] = [];
  const byKey = new Map<string, string>();
  return {
    calls,
    stripe: {} as Stripe,
    async sendTransfer(_stripe: Stripe, input: StripeTransferInput) {
      calls.push(input);
      const failure = options.fail?.(input);
      if (failure) throw failure;
      if (!byKey.has(input.idempotencyKey)) byKey.set(input.idempotencyKey, `tr_${byKey.size + 1}_${randomBytes(3).toString("hex")}`);
      return { transferId: byKey.get(input.idempotencyKey)! };
    },
  };
}
