import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { advanceTo, referralInput } from "../helpers/referrals";
import { newKey, postEvents, uid } from "./api-fixtures";

let fixture: TenantFixture;
let staff: TenantContext;
let partner: Awaited<ReturnType<typeof partnerWithContext>>;
let programId: string;
let key: string;
let n = 0;

async function submitted() {
  n += 1;
  const input = referralInput(programId, { subjectName: `Клиент ${n}`, website: `client-${n}.cust.test`, contactValue: `c${n}@client-${n}.cust.test` });
  return (await submitReferral(partner.ctx, input)).id;
}

async function win(id: string, closedOn: Date) {
  await advanceTo(staff, id, "in_negotiation");
  await transitionReferral(staff, id, { to: "won", dealValueMinor: 500_000n, dealCurrency: "RUB", closedOn });
}

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("Customers Agency"));
  partner = await partnerWithContext(fixture, { name: "Мария Петрова", market: "RU", locale: "ru" });
  programId = (await programWith(fixture, [partner.partnerId])).id;
  key = await newKey(staff);
});

describe("won referral → customer", () => {
  it("winning a referral creates a referral customer named after the subject, first seen at the close", async () => {
    const id = await submitted();
    expect(await prisma.customer.count({ where: { referralId: id } })).toBe(0);
    await win(id, new Date("2026-02-14T00:00:00Z"));
    const customer = await prisma.customer.findUniqueOrThrow({ where: { referralId: id } });
    expect(customer).toMatchObject({
      tenantId: fixture.tenantId, source: "referral", partnerId: partner.partnerId, programId, name: `Клиент ${n}`,
      sourceMarket: "RU", targetMarket: "US", externalId: null,
    });
    expect(customer.firstSeenAt.toISOString()).toBe("2026-02-14T00:00:00.000Z");

    // The shop then reports revenue for it: the event links to that customer, no second one.
    const external = uid("shop-cust");
    const res = await postEvents({ type: "revenue", idempotency_key: uid(), occurred_at: "2026-02-20T10:00:00Z", customer_external_id: external, referral_id: id, amount_minor: 100, currency: "RUB" }, key);
    expect(res.status).toBe(201);
    expect(res.body.event.customer_id).toBe(customer.id);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).externalId).toBe(external);
    expect(await prisma.customer.count({ where: { tenantId: fixture.tenantId, OR: [{ referralId: id }, { externalId: external }] } })).toBe(1);
  });

  it("a referral whose customer an API event created first is linked, not duplicated", async () => {
    const id = await submitted();
    const external = uid("early");
    const res = await postEvents({ type: "close", idempotency_key: uid(), occurred_at: "2026-03-01T10:00:00Z", customer_external_id: external, referral_id: id }, key);
    expect(res.status).toBe(201);
    await win(id, new Date("2026-02-28T00:00:00Z"));
    const customers = await prisma.customer.findMany({ where: { tenantId: fixture.tenantId, OR: [{ referralId: id }, { externalId: external }] } });
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ id: res.body.event.customer_id, referralId: id, externalId: external, name: `Клиент ${n}` });
    // The earlier close date of the deal becomes the first-seen date.
    expect(customers[0].firstSeenAt.toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });

  it("other outcomes create no customer", async () => {
    const id = await submitted();
    await advanceTo(staff, id, "lost");
    expect(await prisma.customer.count({ where: { referralId: id } })).toBe(0);
  });

  it("customers stay inside their tenant", async () => {
    const other = await tenantWithOwner("Other Customers Agency");
    const otherKey = await newKey(other.ctx);
    const external = uid("shared-id");
    await postEvents({ type: "revenue", idempotency_key: uid(), occurred_at: "2026-03-01T10:00:00Z", customer_external_id: external, amount_minor: 1, currency: "USD" }, key);
    await postEvents({ type: "revenue", idempotency_key: uid(), occurred_at: "2026-03-01T10:00:00Z", customer_external_id: external, amount_minor: 2, currency: "USD" }, otherKey);
    const rows = await prisma.customer.findMany({ where: { externalId: external }, include: { events: true } });
    expect(rows.map((r) => r.tenantId).sort()).toEqual([fixture.tenantId, other.fixture.tenantId].sort());
    for (const row of rows) expect(row.events.every((e) => e.tenantId === row.tenantId)).toBe(true);
    expect(await other.ctx.db.customer.count({ where: { externalId: external } })).toBe(1);
  });
});
