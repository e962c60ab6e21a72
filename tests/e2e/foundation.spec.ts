import { expect, test } from "@playwright/test";
import { shot, signIn, signUp, unique } from "./helpers";


test("a new agency signs up, works in Russian, and another agency cannot open its brand", async ({ page, browser }) => {
  const slug = await signUp(page, "Bridge Test Agency", `${unique("owner")}@e2e.test`);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Your workspace is ready")).toBeVisible();
  // The onboarding checklist starts empty; its first step links to the programs page.
  await expect(page.locator("[data-onboarding-progress]")).toHaveText("0 of 6");
  await expect(page.locator('[data-step="program"] a')).toHaveAttribute("href", `/en/t/${slug}/programs`);

  // Switch to Russian with the language switcher; the choice sticks.
  await page.getByRole("link", { name: "Русский" }).first().click();
  await page.waitForURL(`**/ru/t/${slug}?welcome=1`);
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
  await expect(page.locator("[data-onboarding-progress]")).toHaveText("0 из 6");

  // A brand: first an invalid submit shows translated per-field errors and keeps the input.
  await page.goto(`/ru/t/${slug}/brands/new`);
  await page.fill('input[name="website"]', "не сайт");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Обязательное поле.")).toBeVisible();
  await expect(page.getByText("Выберите рынок.")).toBeVisible();
  await expect(page.getByText("Введите сайт, например example.ru.")).toBeVisible();
  await expect(page.getByText("Исправьте 3 поля ниже.")).toBeVisible();
  await expect(page.locator('input[name="website"]')).toHaveValue("не сайт");

  await page.fill('input[name="name"]', "Сибирские травы");
  await page.selectOption('select[name="market"]', "RU");
  await page.fill('input[name="country"]', "ru");
  await page.fill('input[name="website"]', "https://www.sibherbs.ru/");
  await page.fill('input[name="niches"]', "уход за кожей, травы");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Сохранено.")).toBeVisible();
  const brandUrl = new URL(page.url()).pathname;

  // A creator with an audience that needs ru-RU grouping.
  await page.goto(`/ru/t/${slug}/creators/new`);
  await page.fill('input[name="name"]', "Jess Rivera");
  await page.selectOption('select[name="market"]', "US");
  await page.selectOption('select[name="platforms.0.platform"]', "tiktok");
  await page.fill('input[name="platforms.0.handle"]', "@JessGlow");
  await page.fill('input[name="platforms.0.audienceSize"]', "1250000");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Сохранено.")).toBeVisible();

  await page.goto(`/ru/t/${slug}/creators`);
  await expect(page.getByText("1 автор", { exact: true })).toBeVisible();
  const row = page.getByRole("row", { name: /Jess Rivera/ });
  await expect(row).toContainText(/1[\u00a0\u202f ]250[\u00a0\u202f ]000/);
  await expect(row).toContainText("@jessglow");
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await shot(page, "creators-ru");

  await page.goto(`/ru/t/${slug}/brands`);
  await expect(page.getByText("1 бренд", { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /Сибирские травы/ })).toContainText("sibherbs.ru");
  await shot(page, "brands-ru");

  // A second agency, in its own browser context, gets a 404 for the first one's brand and workspace.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, "Other Agency", `${unique("other")}@e2e.test`);
  const response = await page2.goto(brandUrl);
  expect(response?.status()).toBe(404);
  await expect(page2.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  expect((await page2.goto(`/en/t/${slug}`))?.status()).toBe(404);
  await expect(page2.getByText("Сибирские травы")).toHaveCount(0);
  await other.close();
});

test("demo staff: roles change what the UI offers, and main pages look right in both languages", async ({ page }) => {
  await signIn(page, "analyst@northstar.test");
  await page.goto("/en/t/northstar/brands");
  await expect(page.getByRole("heading", { name: "Brands" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add brand" })).toHaveCount(0);
  expect((await page.goto("/en/t/northstar/brands/new"))?.status()).toBe(404);

  await page.context().clearCookies();
  await signIn(page, "owner@northstar.test");
  for (const locale of ["en", "ru"] as const) {
    for (const [name, path] of [["dashboard", ""], ["brands", "/brands"], ["creators", "/creators"], ["settings", "/settings"], ["partners", "/partners"]] as const) {
      await page.goto(`/${locale}/t/northstar${path}`);
      await expect(page.locator("main h1")).toBeVisible();
      await shot(page, `${name}-${locale}`);
    }
  }
  await page.goto("/ru/t/northstar/brands?market=RU");
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await page.goto("/ru/t/northstar/creators");
  await page.locator("tbody tr a").first().click();
  await expect(page.locator('input[name="platforms.0.handle"]')).not.toHaveValue("");
  await shot(page, "creator-edit-ru");

  // Tenant switching: the owner is also an admin of the second demo agency.
  await page.goto("/en/t/northstar");
  await page.locator("aside select").selectOption("volga");
  await page.waitForURL("**/en/t/volga");
  await expect(page.locator("aside")).toContainText("Volga");
});

test("a partner signs in by magic link and lands in the portal in Russian", async ({ page }) => {
  await page.goto("/ru/sign-in");
  const magic = page.locator("form").nth(1);
  await magic.locator('input[name="email"]').fill("partner.ru@northstar.test");
  await magic.getByRole("button").click();
  await page.waitForURL("**/ru/check-email");
  await expect(page.getByRole("heading", { name: "Проверьте почту" })).toBeVisible();

  await page.goto("/ru/dev/outbox");
  const mail = page.getByTestId("outbox-mail").filter({ hasText: "partner.ru@northstar.test" }).first();
  await expect(mail).toContainText("Ссылка для входа в Twoway");
  const link = (await mail.locator("pre").innerText()).match(/https?:\/\/\S+/)![0];
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await page.waitForURL(/\/ru\/p\/northstar/);
  await expect(page.getByText("Кабинет партнёра")).toBeVisible();
  await shot(page, "portal-ru");

  // A partner cannot open staff pages of the same agency.
  expect((await page.goto("/ru/t/northstar/brands"))?.status()).toBe(404);
});

test("first visit is negotiated from Accept-Language and the choice is remembered", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "ru-RU", extraHTTPHeaders: { "accept-language": "ru-RU,ru;q=0.9" } });
  const page = await ctx.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/ru$/);
  await shot(page, "landing-ru");
  await page.getByRole("link", { name: "English" }).first().click();
  await expect(page).toHaveURL(/\/en$/);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await shot(page, "sign-in-en");
  await ctx.close();
});
