// The portal's earnings views rendered in Russian and English from real ledger rows: a paid payout
// reads «Выплачено», money and dates use ru-RU formats, and the statement's lines add up.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { BalanceCards } from "@/components/earnings/balance-cards";
import { CommissionList } from "@/components/earnings/commission-list";
import { PayoutList } from "@/components/earnings/payout-list";
import { PayoutStatement } from "@/components/earnings/payout-statement";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { tenantDb } from "@/lib/db/tenant-client";
import { partnerEarnings } from "@/lib/earnings/partner-earnings";
import { partnerPayoutDocument } from "@/lib/earnings/payout-document";
import { getT } from "@/lib/i18n/server";
import { settlePayoutPaid } from "@/lib/payouts/settle";
import { createTenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { commissionsFor, payoutFor } from "./stripe-fixtures";

vi.mock("server-only", () => ({}));

let ctx: PartnerContext;
let payoutId: string;

beforeAll(async () => {
  const fixture = await createTenantFixture("Render Agency");
  ({ ctx } = await partnerWithContext(fixture, { market: "RU", locale: "ru" }));
  const ids = await commissionsFor(fixture.tenantId, ctx.partnerId, [123456n, 100000n], { currency: "RUB" });
  const { payout } = await payoutFor(fixture.tenantId, ctx.partnerId, ids, { rail: "registry" });
  await tenantDb(fixture.tenantId).$transaction((tx) => settlePayoutPaid(tx, { tenantId: fixture.tenantId, userId: null }, payout.id));
  payoutId = payout.id;
  await commissionsFor(fixture.tenantId, ctx.partnerId, [5000n], { currency: "USD", approve: false });
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("earnings views", () => {
  it("in Russian: a paid payout reads «Выплачено», amounts in ru-RU format", async () => {
    const [data, t] = await Promise.all([partnerEarnings(ctx), getT("ru", ["earnings", "common"])]);
    const payouts = text(renderToStaticMarkup(PayoutList({ locale: "ru", timeZone: "UTC", base: "/ru/p/x/earnings", items: data.payouts, receiptsExpected: false, t })));
    expect(payouts).toContain("Выплачено");
    expect(payouts).toContain("2 234,56 ₽");
    expect(payouts).toContain("Банковский перевод");
    const balances = text(renderToStaticMarkup(BalanceCards({ locale: "ru", balances: data.balances, t })));
    expect(balances).toContain("Баланс в рублях");
    expect(balances).toMatch(/Ожидает 50,00 \$/);
    const commissions = text(renderToStaticMarkup(CommissionList({ locale: "ru", timeZone: "UTC", items: data.commissions, t })));
    expect(commissions).toContain("1 234,56 ₽");
    expect(commissions).toContain("К выплате с 31.10.2026");
  });

  it("in English: the statement lists each commission and a total equal to the payout", async () => {
    const [doc, t] = await Promise.all([partnerPayoutDocument(ctx, payoutId), getT("en", ["earnings", "common"])]);
    const html = text(renderToStaticMarkup(PayoutStatement({ locale: "en", timeZone: "UTC", doc: doc!, t })));
    expect(html).toContain("Paid");
    expect(html).toContain("RUB 1,234.56");
    expect(html).toContain("RUB 1,000.00");
    expect(html).toMatch(/Total RUB 2,234.56/);
    expect(html).not.toContain("add up to");
  });
});
