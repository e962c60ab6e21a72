import { expect, test, type Page } from "@playwright/test";
import { magicLinkSignIn, shot, signIn, unique } from "./helpers";

const digits = (s: string) => Number(s.replace(/[^\d]/g, ""));

/** The five stage tiles of the Russian funnel page, as numbers (revenue in cents). */
async function tiles(page: Page) {
  const value = (label: string) =>
    page.locator("div", { has: page.locator(`h3:text-is("${label}")`) }).last().locator(":scope > :nth-child(2)").innerText();
  return {
    clicks: digits(await value("Переходы")),
    referrals: digits(await value("Рекомендации")),
    qualified: digits(await value("Квалифицированные лиды")),
    closes: digits(await value("Сделки")),
    revenue: digits(await value("Выручка")),
  };
}

// Issue 5: a click through a partner's tracked link leads to an opt-in credited to that partner; staff
// accept and win it; a revenue event arrives through the API; the Russian dashboard shows each stage.
test("attribution: tracked link → opt-in → won → revenue via API → every stage on the Russian funnel", async ({ page, browser, request }) => {
  const handle = unique("lenaglow").replace(/-/g, "_");

  // Staff (Russian UI) note where the partner's numbers stand today.
  await signIn(page, "owner@northstar.test", "twoway-demo", "ru");
  await page.goto("/ru/t/northstar/funnel?period=7d");
  const partnerOption = page.locator('select[name="partner"] option', { hasText: "Jessica Moore" });
  const partnerId = await partnerOption.getAttribute("value");
  const day = new Date().toISOString().slice(0, 10);
  const funnelUrl = `/ru/t/northstar/funnel?from=${day}&to=${day}&partner=${partnerId}&basis=period`;
  await page.goto(funnelUrl);
  const before = await tiles(page);

  // The US partner creates a tracked link for the open opportunity in the portal.
  const partnerCtx = await browser.newContext();
  const partner = await partnerCtx.newPage();
  await magicLinkSignIn(partner, "partner.us@northstar.test", "en");
  await partner.goto("/en/p/northstar/links");
  await partner.locator('select[name="programId"]').selectOption({ label: "Creator Pool 2027" });
  const opportunity = partner.locator('select[name="opportunityId"] option').filter({ hasText: "RU skincare brand seeks 5 US beauty creators" });
  await partner.locator('select[name="opportunityId"]').selectOption((await opportunity.getAttribute("value"))!);
  await partner.getByRole("button", { name: "Create link" }).click();
  const linkInput = partner.locator('input[readonly][value*="/r/"]').first();
  await expect(linkInput).toBeVisible();
  const trackedUrl = new URL(await linkInput.inputValue());
  await shot(partner, "portal-links-en");
  await partnerCtx.close();

  // A creator clicks it: redirected to the board with UTM parameters and a click id cookie. Another
  // browser than the partner's: from one address, the partner's own browser clicking their link is the
  // self-referral risk rule (lib/risk), and the commission would be held.
  const visitorCtx = await browser.newContext({
    locale: "ru-RU",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  });
  const visitor = await visitorCtx.newPage();
  await visitor.goto(trackedUrl.pathname);
  await visitor.waitForURL(/\/o\/northstar\/[^/?]+\?.*utm_source=twoway/);
  const landed = new URL(visitor.url());
  expect(landed.searchParams.get("utm_medium")).toBe("partner");
  const clickId = landed.searchParams.get("tw_click")!;
  expect(clickId).toBeTruthy();
  const cookies = await visitorCtx.cookies();
  expect(cookies.find((c) => c.name === "tw_lc")?.value).toBe(clickId);
  expect(cookies.find((c) => c.name === "tw_lc")?.httpOnly).toBe(true);

  // …and opts in (in Russian).
  await visitor.goto(landed.pathname.replace(/^\/en\//, "/ru/"));
  await visitor.fill('input[name="name"]', "Lena Glow");
  await visitor.selectOption('select[name="market"]', "US");
  await visitor.fill('input[name="country"]', "US");
  await visitor.selectOption('select[name="platforms.0.platform"]', "tiktok");
  await visitor.fill('input[name="platforms.0.handle"]', `@${handle}`);
  await visitor.fill('input[name="platforms.0.audienceSize"]', "64 000");
  await visitor.fill('input[name="contactName"]', "Lena Glow");
  await visitor.fill('input[name="contactEmail"]', `${handle}@creators.test`);
  await visitor.locator('input[name="consent"]').check();
  await visitor.getByRole("button", { name: "Отправить заявку" }).click();
  await expect(visitor.getByText("Спасибо, заявка получена")).toBeVisible();
  await visitorCtx.close();

  // Staff accept the opt-in: credited to the partner whose link was clicked.
  const opportunityId = landed.pathname.split("/").pop()!;
  await page.goto(`/en/t/northstar/opportunities/${opportunityId}/opt-ins`);
  const card = page.locator("article, li, section").filter({ hasText: "Lena Glow" }).filter({ has: page.locator('button[name="decision"][value="accept"]') }).last();
  await expect(card).toContainText("Jessica Moore");
  await card.locator('button[name="decision"][value="accept"]').click();
  await expect(page.locator('button[name="decision"][value="accept"]')).toHaveCount(0);

  // …then qualify and win the referral.
  await page.goto("/en/t/northstar/referrals");
  await page.getByRole("row", { name: /Lena Glow/ }).getByRole("link").first().click();
  await page.waitForURL(/\/referrals\/[^/?]+/);
  const referralId = new URL(page.url()).pathname.split("/").pop()!;
  for (const to of ["in_review", "qualified", "in_negotiation"]) {
    await page.locator(`input[name="to"][value="${to}"]`).check();
    await page.locator('form:has(input[name="to"]) button[type="submit"]').click();
    await page.waitForURL(new RegExp(`moved=${to}`));
  }
  await page.locator('input[name="to"][value="won"]').check();
  await page.fill('input[name="dealValue"]', "4,000.00");
  await page.selectOption('select[name="dealCurrency"]', "USD");
  await page.locator('form:has(input[name="to"]) button[type="submit"]').click();
  await page.waitForURL(/moved=won/);

  // An API key, and the customer's first payment through the conversion API.
  await page.goto("/en/t/northstar/settings/api-keys");
  await page.locator('input[name="name"]').fill("E2E CRM");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.locator('input[readonly][value^="tw_live_"]').inputValue();
  const event = { type: "revenue", idempotency_key: unique("e2e-rev"), occurred_at: new Date().toISOString(), customer_external_id: unique("crm"), amount_minor: 125_000, currency: "USD", referral_id: referralId };
  const posted = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${key}`, "accept-language": "ru" }, data: event });
  expect(posted.status()).toBe(201);
  // A replay is harmless.
  const replay = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${key}` }, data: event });
  expect(replay.status()).toBe(200);
  const unauthorised = await request.post("/api/v1/events", { headers: { authorization: "Bearer tw_live_nope" }, data: event });
  expect(unauthorised.status()).toBe(401);

  // The Russian dashboard, filtered to the partner and today, shows each stage moved by exactly one.
  await page.goto(funnelUrl);
  const after = await tiles(page);
  expect(after.clicks - before.clicks).toBe(1);
  expect(after.referrals - before.referrals).toBe(1);
  expect(after.qualified - before.qualified).toBe(1);
  expect(after.closes - before.closes).toBe(1);
  // The win books its deal value (4,000.00) as revenue; the API then adds a later payment (1,250.00).
  expect(after.revenue - before.revenue).toBe(400_000 + 125_000);
  await shot(page, "funnel-partner-today-ru");

  // The whole-agency view in Russian with its charts, and the drill-down to the click.
  await page.goto("/ru/t/northstar/funnel?period=90d");
  await expect(page.locator("main h1")).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, "funnel-ru");
  await page.goto(`/ru/t/northstar/funnel/clicks?from=${day}&to=${day}&partner=${partnerId}`);
  await expect(page.getByText(trackedUrl.pathname.split("/").pop()!).first()).toBeVisible();
  await shot(page, "funnel-clicks-ru");
});
