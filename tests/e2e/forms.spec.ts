import { expect, test } from "@playwright/test";
import { shot, signIn, unique } from "./helpers";

// An outsider on a phone, in Russian: the opt-in form refused with mistakes puts the person on the
// first wrong field (not at the button, far below the message) and lists every mistake at the top;
// the country and the audience are then written as people write them: «США», «120 тыс.».
test("phone, Russian: the opt-in form focuses the first wrong field, lists the mistakes, accepts «США» and «120 тыс.»", async ({ browser, page: staff }) => {
  const ctx = await browser.newContext({ locale: "ru-RU", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  const handle = unique("formsru").replace(/-/g, "_");
  const name = `Джесс ${handle}`;
  await page.goto("/ru/o/northstar");
  await page.locator('a[href^="/ru/o/northstar/"]').first().click();
  await page.waitForURL(/\/ru\/o\/northstar\/[^/]+$/);
  const opportunityId = new URL(page.url()).pathname.split("/").pop()!;

  await page.fill('input[name="name"]', name);
  const country = page.getByLabel("Страна", { exact: true });
  await country.fill("Нарния");
  await page.locator('select[name="platforms.0.platform"]').selectOption("tiktok");
  await page.fill('input[name="platforms.0.handle"]', `@${handle}`);
  await page.fill('input[name="platforms.0.audienceSize"]', "очень много");
  await page.fill('input[name="contactEmail"]', `${handle}@creators.test`);
  const submit = page.getByRole("button", { name: "Отправить заявку" });
  await submit.scrollIntoViewIfNeeded();
  await submit.click();

  // Focus moved to the first wrong field, which is on screen; the summary names each mistake.
  await expect(country).toBeFocused();
  await expect(country).toBeInViewport();
  const summary = page.getByRole("alert").filter({ hasText: "Исправьте" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Страна" })).toBeVisible();
  await expect(page.locator("[id^=\"f-country-\"][id$=\"-error\"]")).toContainText("Такой страны мы не знаем");
  await expect(summary.getByRole("link", { name: /Аудитория/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /даю согласие/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/forms-opt-in-errors-phone-ru.png" });

  // A link of the summary takes the person to its field.
  await summary.getByRole("link", { name: /Аудитория/ }).click();
  await expect(page.locator('input[name="platforms.0.audienceSize"]')).toBeFocused();

  // Written as a Russian writes it, the form goes through.
  await country.fill("США ");
  await expect(page.getByText("Соединенные Штаты (US)")).toBeVisible();
  await page.fill('input[name="platforms.0.audienceSize"]', "120 тыс.");
  await page.locator('input[name="consent"]').check();
  await submit.click();
  await expect(page.getByText("Спасибо, заявка получена")).toBeVisible();
  await shot(page, "forms-opt-in-accepted-phone-ru");
  await ctx.close();

  // Staff decline it, so the seeded opportunity has no opt-in left waiting for the specs after this one.
  await signIn(staff, "owner@northstar.test");
  await staff.goto(`/en/t/northstar/opportunities/${opportunityId}/opt-ins`);
  const card = staff.locator("article, li, section").filter({ hasText: name }).filter({ has: staff.locator('button[name="decision"][value="decline"]') }).last();
  await card.locator('button[name="decision"][value="decline"]').click();
  await expect(staff.locator("article, li, section").filter({ hasText: name }).locator('button[name="decision"][value="accept"]')).toHaveCount(0);
});

// A tap on "save" before the page's scripts have run (a slow phone, a busy CI machine) used to go out
// as a no-JavaScript post, which the server refuses («Для этой формы нужен JavaScript»): the input
// was lost. The form is now held until React owns it and then sent once (components/ui/form-submit-guard.tsx).
// The page's scripts are held back by the test until the button has been pressed, so "before hydration"
// does not depend on how fast this machine is.
test("a form submitted before hydration is sent once hydrated, not lost", async ({ page }) => {
  await signIn(page, "owner@northstar.test", "twoway-demo", "ru");
  const name = unique("Ранний бренд");
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/_next\/static\/.+\.js(\?|$)/, async (route) => { await released; await route.continue(); });
  const posts: number[] = [];
  page.on("response", (r) => { if (r.request().method() === "POST" && r.url().includes("/brands")) posts.push(r.status()); });
  // Deferred scripts held back keep DOMContentLoaded from firing: wait for the response only, then
  // press the button from inside the page as soon as the form has been parsed.
  await page.goto("/ru/t/northstar/brands/new", { waitUntil: "commit" });
  const hydratedAtClick = await page.evaluate(async (brandName) => {
    for (;;) {
      const button = [...document.querySelectorAll("main button[type=submit]")].find((b) => b.textContent?.includes("Сохранить")) as HTMLButtonElement | undefined;
      if (button?.form?.querySelector('select[name="market"]')) {
        const form = button.form;
        (form.querySelector('input[name="name"]') as HTMLInputElement).value = brandName;
        (form.querySelector('select[name="market"]') as HTMLSelectElement).value = "RU";
        const hydrated = document.documentElement.hasAttribute("data-hydrated");
        button.click();
        return hydrated;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }, name);
  expect(hydratedAtClick).toBe(false);
  // Held, not posted: nothing went out while the scripts were missing.
  await page.waitForTimeout(1_000);
  expect(posts).toEqual([]);
  release();
  await page.waitForURL(/\/ru\/t\/northstar\/brands\/[^/]+\?saved=1$/, { timeout: 90_000 });
  await expect(page.getByRole("heading", { name })).toBeVisible();
  expect(posts.filter((s) => s >= 400)).toEqual([]);
  expect(posts.length).toBe(1);
});
