// The compliance page lists partners who lack a tax profile or a payout method before a payout run
// holds them (it used to say «0 партнёров требуют внимания» while a payout was held for a missing tax
// profile): exactly the active partners the payout gate would hold for those reasons, those with a
// held payout first, then those owed money; shown with Russian plurals; another tenant's never.
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { payoutHoldReasons } from "@/lib/compliance/gate";
import { partnersMissingPayoutDetails } from "@/lib/compliance/overview";
import { parseSdnFile, sdnContentHash, storeSdnList } from "@/lib/compliance/sdn-import";
import { I18nProvider } from "@/lib/i18n/client";
import { resources } from "@/lib/i18n/resources";
import type { Locale } from "@/lib/i18n/settings";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerIn } from "../helpers/partner-fixtures";
import { payoutRow, profileRow, sdnFixture } from "./compliance-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { default: CompliancePage } = await import("@/app/[locale]/(staff)/t/[tenant]/compliance/page");

let a: TenantContext;
let fixture: TenantFixture;
let b: TenantContext;
const ids: Record<string, string> = {};

const method = (tenantId: string, partnerId: string) =>
  prisma.payoutMethod.create({ data: { tenantId, partnerId, rail: "manual", currency: "RUB", payeeName: "Payee", details: "счёт" } });
const commission = (tenantId: string, partnerId: string, amountMinor: bigint, status: "pending" | "approved" | "paid" = "approved") =>
  prisma.commission.create({ data: { tenantId, partnerId, amountMinor, currency: "RUB", status, occurredAt: new Date(), dueAt: new Date() } });

async function render(locale: Locale) {
  session.userId = fixture.userId;
  const tree = (await CompliancePage({ params: Promise.resolve({ locale, tenant: fixture.slug }), searchParams: Promise.resolve({}) })) as ReactNode;
  return renderToStaticMarkup(createElement(I18nProvider, { locale, catalogue: resources[locale] } as Parameters<typeof I18nProvider>[0], tree)).replace(/[\u00a0\u202f]/g, " ");
}

beforeAll(async () => {
  ({ ctx: a, fixture } = await tenantWithOwner("Missing Details A"));
  ({ ctx: b } = await tenantWithOwner("Missing Details B"));
  const t = a.tenantId;
  // Held: no tax profile, has a method, a payout already held for it.
  ids.held = (await partnerIn(t, "active", { name: "Zoe Held" })).id;
  await method(t, ids.held);
  await payoutRow(t, ids.held, { amountMinor: 500_000n, currency: "RUB", rail: "manual", paidAt: "2026-12-01", status: "held" });
  // Owed: a tax profile, no method, approved commissions of 1 234,56 ₽ net of a 100 ₽ clawback.
  ids.owed = (await partnerIn(t, "active", { name: "Anna Owed" })).id;
  await profileRow(t, ids.owed, "ru_ip");
  await commission(t, ids.owed, 133_456n);
  await commission(t, ids.owed, -10_000n);
  await commission(t, ids.owed, 99_900n, "paid"); // paid: not owed
  // Neither, nothing owed yet.
  ids.bare = (await partnerIn(t, "active", { name: "Boris Bare" })).id;
  // Complete, and not active: never listed.
  ids.complete = (await partnerIn(t, "active", { name: "Carl Complete" })).id;
  await profileRow(t, ids.complete, "ru_ip");
  await method(t, ids.complete);
  ids.suspended = (await partnerIn(t, "suspended", { name: "Sam Suspended" })).id;
  // Tenant B's incomplete partner.
  ids.other = (await partnerIn(b.tenantId, "active", { name: "Other Tenant" })).id;
});

describe("partners missing payout details", () => {
  it("lists what is missing, held payouts first, then money owed, then the rest", async () => {
    const rows = await partnersMissingPayoutDetails(a);
    expect(rows.map((r) => [r.partnerName, r.taxProfileMissing, r.payoutMethodMissing, r.heldPayouts])).toEqual([
      ["Zoe Held", true, false, 1],
      ["Anna Owed", false, true, 0],
      ["Boris Bare", true, true, 0],
    ]);
    expect(rows[1].unpaid).toEqual([{ currency: "RUB", amountMinor: 123_456n }]);
    expect(rows[2].unpaid).toEqual([]);
  });

  it("are exactly the active partners the payout gate would hold for a missing tax profile or payout method", async () => {
    const active = await a.db.partner.findMany({ where: { status: "active" }, select: { id: true } });
    const reasons = await payoutHoldReasons(a.db, active.map((p) => p.id));
    const gated = [...reasons].filter(([, r]) => r.includes("tax_profile_missing") || r.includes("payout_method_missing")).map(([id]) => id).sort();
    expect((await partnersMissingPayoutDetails(a)).map((r) => r.partnerId).sort()).toEqual(gated);
  });

  it("never shows another tenant's partners", async () => {
    expect((await partnersMissingPayoutDetails(a)).some((r) => r.partnerId === ids.other)).toBe(false);
    expect((await partnersMissingPayoutDetails(b)).map((r) => r.partnerId)).toEqual([ids.other]);
  });

  it("the page names them in both languages, with Russian plurals", async () => {
    const ru = await render("ru");
    expect(ru).toContain("Не хватает данных для выплаты: 3 партнёра");
    expect(ru).toContain("Задержана 1 выплата");
    expect(ru).toContain("Будет задержана при следующей выплате");
    expect(ru).toContain("1 234,56 ₽");
    expect(ru).toContain(`/ru/t/${fixture.slug}/partners/${ids.bare}`);
    const card = ru.slice(ru.indexOf("Не хватает данных для выплаты"), ru.indexOf("</section>", ru.indexOf("Не хватает данных для выплаты")));
    expect(card).toContain("Boris Bare");
    expect(card).not.toContain("Carl Complete"); // complete: only in the other cards
    expect(ru).not.toContain("Other Tenant");
    const en = await render("en");
    expect(en).toContain("Missing payout details: 3 partners");
    expect(en).toContain("1 payout held");

    await profileRow(a.tenantId, ids.bare, "ru_ip");
    await method(a.tenantId, ids.bare);
    await method(a.tenantId, ids.owed);
    expect(await render("ru")).toContain("Не хватает данных для выплаты: 1 партнёр<");
  });

  it("names a list the daily job downloaded as the official one, not as someone's upload", async () => {
    const bytes = sdnFixture();
    await storeSdnList(a.db, a.tenantId, parseSdnFile(bytes), { source: "ofac-sdn-fetch", fileName: "SDN.CSV", contentHash: sdnContentHash(bytes), importedById: null });
    expect(await render("ru")).toMatch(/Действующий список: официальный список OFAC \(SDN\.CSV\), скачан [^;]+; имён вместе с псевдонимами: \d+\. Он скачивается каждый день/);
    expect(await render("en")).toMatch(/Active list: the official OFAC list \(SDN\.CSV\) downloaded .+ names including aliases\. It is downloaded every day/);
  });
});
