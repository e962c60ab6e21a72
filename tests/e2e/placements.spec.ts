import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

// Issue 17, parts 1–2: staff working in Russian create a placement from the demo's won creator deal
// (Дарья Козлова), an Instagram placement for a Russian audience is refused with the rule and its date,
// a Telegram one with an erid is approved to publish.
test("a placement from a won creator deal: Instagram for RU audiences refused, Telegram with an erid approved", async ({ page, browser }) => {
  await signIn(page, "manager@northstar.test", "twoway-demo", "ru");
  await page.goto("/ru/t/northstar/referrals?q=Дарья");
  await page.getByRole("link", { name: "Дарья Козлова" }).first().click();
  await page.getByRole("link", { name: "Создать размещение" }).click();
  await page.waitForURL(/\/placements\/new\?referral=/);

  async function create(platform: string, channel: string, erid: string) {
    await page.goto(page.url());
    await page.selectOption('select[name="brandId"]', { label: "Белый Лён" });
    await page.selectOption('select[name="platform"]', platform);
    await page.fill('input[name="channel"]', channel);
    await page.selectOption('select[name="audienceMarket"]', "RU");
    await page.fill('input[name="plannedOn"]', "2026-12-20");
    await page.fill('textarea[name="creativeText"]', "Крем для рук «Белый Лён» — промокод DARIA10.");
    await page.fill('input[name="price"]', "60 000");
    await page.selectOption('select[name="currency"]', "RUB");
    await page.fill('input[name="rknRegistryNumber"]', "4981234567");
    await page.fill('input[name="erid"]', erid);
    await page.getByRole("button", { name: "Создать размещение" }).click();
    await page.waitForURL(/\/placements\/[^/?]+\?created=1/);
    return page.url().split("?")[0];
  }

  async function move(to: string) {
    await page.locator(`input[name="to"][value="${to}"]`).check();
    await page.getByRole("button", { name: "Перевести", exact: true }).click();
  }

  const newForm = page.url();
  const instagram = await create("instagram", "@daria.kitchen", "2VtzqwE2E01");
  await expect(page.getByText("Реклама в Instagram для российской аудитории запрещена с 01.09.2025")).toBeVisible();
  await move("ready_to_label");
  await page.waitForURL(/moved=ready_to_label/);
  await move("labelled");
  await page.waitForURL(/moved=labelled/);
  await move("approved_to_publish");
  await expect(page.getByText("Одобрить нельзя: Реклама в Instagram для российской аудитории запрещена с 01.09.2025.")).toBeVisible();
  await expect(page.getByText("Маркировано").first()).toBeVisible();
  await shot(page, "placements-refused-ru");
  await page.screenshot({ path: "docs/screenshots/placements-refused-ru.png", fullPage: true });

  await page.goto(newForm);
  const telegram = await create("telegram", "https://t.me/daria_kitchen", "2VtzqwE2E02");
  expect(telegram).not.toBe(instagram);
  await expect(page.getByText("Соответствует всем правилам, действующим на дату публикации.")).toBeVisible();
  for (const to of ["ready_to_label", "labelled", "approved_to_publish"]) {
    await move(to);
    await page.waitForURL(new RegExp(`moved=${to}`));
  }
  await expect(page.getByText("Статус изменён: «Одобрено к публикации».")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/placements-approved-ru.png", fullPage: true });

  await page.goto("/ru/t/northstar/placements");
  await expect(page.getByRole("cell", { name: "2VtzqwE2E02" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/placements-list-ru.png", fullPage: true });

  // The same detail page on a 390 px phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState: await page.context().storageState() });
  const p = await phone.newPage();
  await p.goto(instagram);
  await expect(p.getByText("Реклама в Instagram для российской аудитории запрещена с 01.09.2025")).toBeVisible();
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await p.screenshot({ path: "docs/screenshots/placements-detail-ru-phone.png", fullPage: true });
  await p.goto("/ru/t/northstar/placements/rules");
  await p.screenshot({ path: "docs/screenshots/placements-rules-ru-phone.png", fullPage: true });
  await phone.close();
});
