// The funnel pages as a user gets them (server-rendered HTML, no script): Russian numbers, each
// rate with its basis, missing FX counted apart, drill-down links carrying the view, and a
// partner who sees only their own funnel.
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { memberContext } from "../helpers/context";
import { createFunnelFixture, D1, D3, type FunnelFixture } from "../helpers/funnel-fixture";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { default: FunnelPage } = await import("@/app/[locale]/(staff)/t/[tenant]/funnel/page");
const { default: ClicksPage } = await import("@/app/[locale]/(staff)/t/[tenant]/funnel/clicks/page");
const { default: StagePage } = await import("@/app/[locale]/(staff)/t/[tenant]/funnel/referrals/page");
const { default: CustomersPage } = await import("@/app/[locale]/(staff)/t/[tenant]/funnel/customers/page");
const { default: EventsPage } = await import("@/app/[locale]/(staff)/t/[tenant]/funnel/events/page");
const { default: PortalFunnelPage } = await import("@/app/[locale]/(portal)/p/[tenant]/funnel/page");
const { default: DashboardPage } = await import("@/app/[locale]/(staff)/t/[tenant]/page");

type Page = (props: { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;

let f: FunnelFixture;
beforeAll(async () => {
  f = await createFunnelFixture();
});

async function render(page: Page, userId: string, tenant: string, search: Record<string, string> = { from: D1, to: D3 }, locale = "ru") {
  session.userId = userId;
  const tree = await page({ params: Promise.resolve({ locale, tenant }), searchParams: Promise.resolve(search) });
  // Text as read, with the non-breaking spaces of ru-RU numbers made plain.
  const html = renderToStaticMarkup(createElement("div", null, tree)).replace(/[\u00a0\u202f]/g, " ");
  // Every string went through the catalogue: no raw key like "funnel:stages.clicks" or "export.tables.x".
  expect(html).not.toMatch(/(funnel|referrals|common):|[a-z]+\.[a-z]+\.[a-zA-Z]+[<"»]/);
  return html;
}

describe("staff funnel page", () => {
  it("shows each stage, each pair of stages as two counts (not a conversion) and the events without an FX rate, in Russian", async () => {
    const html = await render(FunnelPage, f.a.fixture.userId, f.a.fixture.slug);
    expect(html).toContain("01.03.2026 – 03.03.2026 · По периоду");
    expect(html).toMatch(/Переходы<\/h3><a [^>]*>25<\/a>/);
    expect(html).toMatch(/Рекомендации<\/h3><a [^>]*>6<\/a>/);
    // By period the stages are not nested: two counts and why, never a percent.
    expect(html).toContain("Соотношение этапов");
    expect(html).toMatch(/Переход → рекомендация<\/h3><p [^>]*>—<\/p><p [^>]*>6 рекомендаций за период при 25 переходах<\/p>/);
    expect(html).toContain("4 квалифицированных лида за период при 6 рекомендациях");
    expect(html).toContain("Не конверсия: по периоду каждый этап считается по своей дате.");
    expect(html).not.toMatch(/\d %/);
    expect(html).toContain("2 549,00 $");
    expect(html).toContain("2 события без курса");
    // Another agency's numbers never appear (tenant B: 100 clicks, 7 777,00 ₽ of revenue).
    expect(html).not.toContain("7 777");
  });

  it("links every number to the rows behind it, under the same view", async () => {
    const slug = f.a.fixture.slug;
    const html = (await render(FunnelPage, f.a.fixture.userId, slug, { from: D1, to: D3, pair: "US-RU" })).replaceAll("&amp;", "&");
    expect(html).toContain(`href="/ru/t/${slug}/funnel/clicks?from=${D1}&to=${D3}&pair=US-RU"`);
    expect(html).toContain(`href="/ru/t/${slug}/referrals?from=${D1}&to=${D3}&pair=US-RU"`);
    expect(html).toContain(`href="/ru/t/${slug}/funnel/referrals?from=${D1}&to=${D3}&pair=US-RU&stage=closes"`);
    expect(html).toContain(`href="/ru/t/${slug}/funnel/export/leaderboard?from=${D1}&to=${D3}&pair=US-RU"`);
    // A partner's row narrows the view to that partner.
    expect(html).toContain(`href="/ru/t/${slug}/funnel/clicks?from=${D1}&to=${D3}&partner=${f.a.p1.partnerId}&pair=US-RU"`);
  });

  it("shows a dash, not 0 %, when a rate has nothing to divide by, and draws the empty funnel as thin bands", async () => {
    const html = await render(FunnelPage, f.a.fixture.userId, f.a.fixture.slug, { from: "2025-01-01", to: "2025-01-05" }, "en");
    expect(html).toMatch(/Click → referral<\/h3><p [^>]*>—<\/p><p [^>]*>0 referrals vs 0 clicks in the period<\/p>/);
    expect(html).not.toMatch(/(^|[^.\d])0%/); // (band widths are "6.0%")
    // No stage is drawn wider than another when all are zero: every band at the floor.
    expect(html.match(/style="width:[\d.]+%"/g)).toEqual(Array(4).fill('style="width:6.0%"'));
    const cohort = await render(FunnelPage, f.a.fixture.userId, f.a.fixture.slug, { from: "2025-01-01", to: "2025-01-05", basis: "cohort" }, "en");
    expect(cohort).toMatch(/Referral → qualified<\/h3><p [^>]*>—<\/p><p [^>]*>0 qualified leads vs 0 referrals<\/p><p [^>]*>Nothing to divide by: the previous stage is 0.<\/p>/);
  });

  it("by cohort shows true conversion rates, and never more than 100 % or x of 0", async () => {
    const slug = f.a.fixture.slug;
    // cohort R1 R2 R3 R5 R7 R9 = 6; qualified 4; won 2 (R9 never qualified).
    const html = await render(FunnelPage, f.a.fixture.userId, slug, { from: D1, to: D3, basis: "cohort" });
    expect(html).toContain("Конверсия между этапами");
    expect(html).toMatch(/Рекомендация → квалификация<\/h3><p [^>]*>67 %<\/p><p [^>]*>4 из 6<\/p>/);
    expect(html).toMatch(/Квалификация → сделка<\/h3><p [^>]*>50 %<\/p><p [^>]*>2 из 4<\/p>/);
    // Clicks have no cohort: still two counts.
    expect(html).toContain("6 рекомендаций за период при 25 переходах");
    // US→US: R9 won without a recorded qualification — 1 close, 0 qualified: no "1 из 0".
    const usus = await render(FunnelPage, f.a.fixture.userId, slug, { from: D1, to: D3, basis: "cohort", pair: "US-US" });
    expect(usus).toMatch(/Квалификация → сделка<\/h3><p [^>]*>—<\/p><p [^>]*>1 сделка при 0 квалифицированных лидах<\/p>/);
    expect(usus).toContain("Не из чего считать: на предыдущем этапе 0.");
    expect(usus).not.toContain("1 из 0");
    for (const page of [html, usus]) {
      for (const [, percent] of page.matchAll(/(\d+) %/g)) expect(Number(percent)).toBeLessThanOrEqual(100);
    }
  });

  it("explains the unattributed row and links to its rows, which the events drill-down lists", async () => {
    const slug = f.a.fixture.slug;
    const html = (await render(FunnelPage, f.a.fixture.userId, slug, { from: D1, to: D3, split: "partner" })).replaceAll("&amp;", "&");
    expect(html).toContain("Без атрибуции");
    expect(html).toContain("Без партнёра: прямые клиенты и события API и CSV, не связанные с партнёром.");
    expect(html).toContain(`href="/ru/t/${slug}/funnel/events?from=${D1}&to=${D3}&without=partner&split=partner">Показать события</a>`);
    // The row's revenue links to exactly its revenue events.
    expect(html).toContain(`href="/ru/t/${slug}/funnel/events?from=${D1}&to=${D3}&without=partner&split=partner&type=revenue"`);
    const events = await render(EventsPage, f.a.fixture.userId, slug, { from: D1, to: D3, without: "partner" });
    expect(events).toContain("4 строки"); // E3 close, E9, E10, E13
    expect(events).toContain("Без атрибуции:</span> Без партнёра");
    expect(events).not.toContain("Anna Lee</td>");
    expect(events).not.toContain("Boris Ivanov</td>");
    // A junk value is ignored, not a 500.
    const junk = await render(EventsPage, f.a.fixture.userId, slug, { from: D1, to: D3, without: "nobody" });
    expect(junk).not.toContain("Без атрибуции:");
  });

  it("lets an analyst drill into the raw clicks of one partner", async () => {
    const analyst = await memberContext(f.a.fixture, "analyst");
    const html = await render(ClicksPage, analyst.userId, f.a.fixture.slug, { from: D1, to: D3, partner: f.a.p2.partnerId });
    expect(html).toContain("11 строк");
    expect(html).not.toContain("Anna Lee</td>");
  });

  it("lists the rows behind the stage, customer and revenue numbers, a missing FX rate shown as missing", async () => {
    const slug = f.a.fixture.slug;
    const closes = await render(StagePage, f.a.fixture.userId, slug, { from: D1, to: D3, stage: "closes" });
    expect(closes).toContain("Сделки за числом воронки");
    expect(closes).toContain("4 строки"); // R1, R4, R9 + the close event E3
    const customers = await render(CustomersPage, f.a.fixture.userId, slug, { from: D1, to: D3, source: "direct" });
    expect(customers).toContain("2 строки"); // C4, C5 (C6 was first seen before the range)
    const revenue = await render(EventsPage, f.a.fixture.userId, slug, { from: D1, to: D3, type: "revenue" });
    expect(revenue.match(/>нет данных</g)).toHaveLength(2); // E7 (no rate) and E10 (EUR, not USD)
  });

  it("replaces the home page's placeholder with the last 30 days and a link to the funnel", async () => {
    const html = await render(DashboardPage as unknown as Page, f.a.fixture.userId, f.a.fixture.slug, {});
    expect(html).toContain("Воронка за 30 дней");
    expect(html).toContain(`href="/ru/t/${f.a.fixture.slug}/funnel"`);
  });
});

describe("partner's funnel in the portal", () => {
  it("shows the partner's own clicks and referrals only, with no leaderboard", async () => {
    const html = await render(PortalFunnelPage, f.a.p2.userId, f.a.fixture.slug, { from: D1, to: D3, partner: f.a.p1.partnerId });
    expect(html).toMatch(/Переходы<\/h3><p [^>]*>11<\/p>/); // L2 6 + L3 3 + 2; the partner filter in the URL is ignored
    expect(html).toContain("1 рекомендация за период при 11 переходах");
    expect(html).not.toContain("Anna Lee");
    expect(html).not.toContain("Объём и качество рядом");
  });

  it("is a 404 for a partner of another agency", async () => {
    await expect(render(PortalFunnelPage, f.b.partner.ctx.userId, f.a.fixture.slug)).rejects.toThrow();
  });
});
