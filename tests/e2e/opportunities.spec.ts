import { expect, test } from "@playwright/test";
import { magicLinkSignIn, shot, signIn, unique } from "./helpers";

// Issue 4: staff post a bilingual opportunity; a creator opens a partner's shared link, browses the
// board in Russian and opts in; staff accept; the referral is in the pipeline credited to the partner.
test("pool referral: bilingual opportunity → shared link → Russian opt-in → accepted into the pipeline", async ({ page, browser }) => {
  const handle = unique("jessglow").replace(/-/g, "_");

  await signIn(page, "owner@northstar.test");
  await page.goto("/en/t/northstar/opportunities/new");
  await page.locator('select[name="programId"]').selectOption({ label: "Creator Pool 2027 (United States, Russia)" });
  await page.locator('input[name="side"][value="brand_seeks_creators"]').check();
  await page.selectOption('select[name="sourceMarket"]', "RU");
  await page.selectOption('select[name="targetMarket"]', "US");
  await page.locator('input[name="platforms[]"][value="tiktok"]').check();
  await page.fill('input[name="niches"]', "beauty, skincare");
  await page.fill('input[name="audienceMin"]', "10000");
  await page.fill('input[name="audienceMax"]', "500000");
  await page.fill('input[name="budgetMin"]', "2000");
  await page.fill('input[name="budgetMax"]', "5000");
  await page.selectOption('select[name="budgetCurrency"]', "USD");
  await page.fill('input[name="prepaymentPercent"]', "50");
  await page.fill('input[name="slots"]', "5");
  await page.fill('input[name="titleEn"]', "Altai skincare seeks US TikTok creators");
  await page.fill('input[name="titleRu"]', "Алтайская косметика ищет TikTok-авторов из США");
  await page.fill('textarea[name="descriptionEn"]', "Natural skincare from Altai. $2–5k per placement, 50% prepayment.");
  await page.fill('textarea[name="descriptionRu"]', "Натуральная косметика с Алтая. 2–5 тыс. $ за интеграцию, предоплата 50%.");
  await page.locator('form:has(input[name="titleEn"]) button[type="submit"]').first().click();
  await page.waitForURL(/\/en\/t\/northstar\/opportunities\/[^/?]+\?saved=1/);
  const opportunityId = new URL(page.url()).pathname.split("/").pop()!;
  await page.locator('button[name="to"][value="open"]').click();
  await page.waitForURL(/moved=open/);
  await shot(page, "opportunity-staff-en");

  // The partner (Russian UI) takes her personal share link from the portal.
  const partnerCtx = await browser.newContext();
  const partner = await partnerCtx.newPage();
  await magicLinkSignIn(partner, "partner.ru@northstar.test", "ru");
  await partner.goto(`/ru/p/northstar/opportunities/${opportunityId}`);
  await expect(partner.getByText("Алтайская косметика ищет TikTok-авторов из США").first()).toBeVisible();
  const shareUrl = new URL(await partner.locator("input[readonly]").first().inputValue());
  expect(shareUrl.searchParams.get("ref")).toMatch(/^[A-Za-z0-9]{6,}$/);
  await shot(partner, "portal-opportunity-ru");
  await partnerCtx.close();

  // A US creator opens the link, browses the board in Russian and opts in.
  const visitorCtx = await browser.newContext({ locale: "ru-RU" });
  const visitor = await visitorCtx.newPage();
  await visitor.goto(shareUrl.pathname + shareUrl.search);
  await visitor.waitForURL(new RegExp(`/ru/o/northstar/${opportunityId}$`));
  expect((await visitorCtx.cookies()).some((c) => c.name === "tw_ref_northstar" && c.httpOnly)).toBe(true);
  await visitor.goto("/ru/o/northstar");
  await expect(visitor.getByText("Алтайская косметика ищет TikTok-авторов из США")).toBeVisible();
  await expect(visitor.getByText(/2[\u00a0\u202f ]000.*5[\u00a0\u202f ]000/).first()).toBeVisible();
  await shot(visitor, "board-ru");
  await visitor.getByText("Алтайская косметика ищет TikTok-авторов из США").click();
  await visitor.waitForURL(new RegExp(`/ru/o/northstar/${opportunityId}`));
  await visitor.fill('input[name="name"]', "Jess Glow");
  await visitor.selectOption('select[name="market"]', "US");
  await visitor.fill('input[name="country"]', "US");
  await visitor.selectOption('select[name="platforms.0.platform"]', "tiktok");
  await visitor.fill('input[name="platforms.0.handle"]', `@${handle}`);
  await visitor.fill('input[name="platforms.0.audienceSize"]', "85 000");
  await visitor.fill('input[name="contactName"]', "Jess Glow");
  await visitor.fill('input[name="contactEmail"]', `${handle}@creators.test`);
  await visitor.fill('textarea[name="pitch"]', "Skincare reviews for Gen Z, 3 brand integrations a month.");
  // Without the separate consent the opt-in is refused, in Russian.
  await visitor.getByRole("button", { name: "Отправить заявку" }).click();
  await expect(visitor.locator("#f-consent-error, [id$='consent-error']").first()).toBeVisible();
  await visitor.locator('input[name="consent"]').check();
  await shot(visitor, "board-opt-in-ru");
  await visitor.getByRole("button", { name: "Отправить заявку" }).click();
  await expect(visitor.getByText("Спасибо, заявка получена")).toBeVisible();
  await visitorCtx.close();

  // Staff accept the opt-in; the referral enters the pipeline credited to the partner.
  await page.goto(`/en/t/northstar/opportunities/${opportunityId}/opt-ins`);
  const card = page.locator("article, li, section").filter({ hasText: "Jess Glow" }).filter({ has: page.locator('button[name="decision"][value="accept"]') }).last();
  await expect(card).toContainText("Екатерина Иванова");
  await shot(page, "opt-ins-en");
  await card.locator('button[name="decision"][value="accept"]').click();
  // Once accepted the decision buttons are gone (accepted is final).
  await expect(page.locator('button[name="decision"][value="accept"]')).toHaveCount(0);

  await page.goto("/en/t/northstar/referrals");
  const row = page.getByRole("row", { name: /Jess Glow/ });
  await expect(row).toContainText("Екатерина Иванова");
  await expect(row).toContainText(/United States\s*→\s*Russia/);

  // Suggested matches render with a score breakdown.
  await page.goto(`/ru/t/northstar/opportunities/${opportunityId}/matches`);
  await expect(page.locator("main h1")).toBeVisible();
  await shot(page, "matches-ru");
});
