import { expect, test } from "@playwright/test";
import { open, signIn } from "./helpers";

// Issue 17, parts 3–4: the owner connects the agency to the VK ОРД stand-in (scripts/e2e-server.ts
// starts it; its host is ORD_VK_BASE_URL), staff create a Russian-audience Telegram placement on a
// tracked link — refused by the redirect while it has no erid — fill in the contract chain, press
// «Получить erid»; the job registers everything, the placement is labelled, the label line carries
// the advertiser's ИНН and the erid, and the tracked link's redirect adds erid to the brand's page.
test("RU placement: Get erid from the ОРД stand-in → labelled; the tracked link carries the erid", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, "owner@northstar.test", "twoway-demo", "ru");

  const hydrated = () => page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await open(page, "/ru/t/northstar/settings/ord");
  await page.fill('input[name="apiKey"]', "e2e-ord-key");
  const hosts = await page.locator('select[name="baseUrl"] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  const standin = hosts.find((h) => h.startsWith("http://127.0.0.1"));
  expect(standin, "the stand-in's host is offered").toBeTruthy();
  await page.selectOption('select[name="baseUrl"]', standin!);
  await page.fill('input[name="agencyName"]', "ООО «Нордстар»");
  await page.selectOption('select[name="agencyLegalForm"]', "company");
  await page.fill('input[name="agencyInn"]', "7736207543");
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByText("Сохранено.").first()).toBeVisible();
  await page.reload();
  await expect(page.getByText("Сохранён ключ, оканчивающийся на -key")).toBeVisible();

  await page.goto("/ru/t/northstar/referrals?q=Дарья");
  await page.getByRole("link", { name: "Дарья Козлова" }).first().click();
  await page.getByRole("link", { name: "Создать размещение" }).click();
  await page.waitForURL(/\/placements\/new\?referral=/);
  await hydrated();
  await page.selectOption('select[name="brandId"]', { label: "Белый Лён" });
  await page.selectOption('select[name="platform"]', "telegram");
  await page.fill('input[name="channel"]', "https://t.me/daria_kitchen");
  await page.selectOption('select[name="audienceMarket"]', "RU");
  await page.fill('input[name="plannedOn"]', "2026-12-24");
  await page.fill('textarea[name="creativeText"]', "Новогодние наборы «Белый Лён» — крем, бальзам и мыло.");
  await page.fill('input[name="price"]', "60 000");
  await page.selectOption('select[name="currency"]', "RUB");
  const link = page.locator('select[name="trackedLinkId"] option').nth(1);
  const linkId = await link.getAttribute("value");
  expect(linkId, "the partner has a tracked link").toBeTruthy();
  await page.selectOption('select[name="trackedLinkId"]', linkId!);
  await page.getByRole("button", { name: "Создать размещение" }).click();
  await page.waitForURL(/\/placements\/[^/?]+\?created=1/);
  await hydrated();
  const placementUrl = page.url().split("?")[0]!;
  const code = (await page.getByText(/^\/r\/[A-Za-z0-9_-]+$/).first().textContent())!.trim().slice(3);

  // No erid yet: the redirect refuses the link (friendly page in the visitor's language).
  const refused = await request.get(`/r/${code}`, { maxRedirects: 0, headers: { "accept-language": "ru" } });
  expect(refused.status()).toBe(451);
  expect(await refused.text()).toContain("Эта реклама ещё не готова");

  await page.locator('input[name="to"][value="ready_to_label"]').check();
  await page.getByRole("button", { name: "Перевести", exact: true }).click();
  await page.waitForURL(/moved=ready_to_label/);
  await hydrated();

  await page.fill('input[name="brandName"]', "ООО «Белый Лён»");
  await page.fill('input[name="brandInn"]', "7707083893");
  await page.fill('input[name="brandKpp"]', "773601001");
  await page.selectOption('select[name="creatorLegalForm"]', "self_employed");
  await page.fill('input[name="creatorName"]', "Козлова Дарья");
  await page.fill('input[name="creatorInn"]', "500100732259");
  await page.fill('input[name="initialSignedOn"]', "2026-11-01");
  await page.fill('input[name="initialSerial"]', "БЛ-12/2026");
  await page.fill('input[name="creatorSignedOn"]', "2026-11-05");
  await page.getByRole("button", { name: "Сохранить данные" }).click();
  await expect(page.getByText("Сохранено.").first()).toBeVisible();

  await page.getByRole("button", { name: "Получить erid" }).click();
  await page.waitForURL(/erid=requested/);
  // The worker inside `npm start` runs ord:sync; the page shows the erid once it has.
  await expect(async () => {
    await page.goto(placementUrl);
    await expect(page.getByText("erid получен:")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText("Маркировано").first()).toBeVisible();
  const erid = (await page.locator("p", { hasText: "erid получен:" }).locator("span.font-mono").textContent())!.trim();
  expect(erid).toMatch(/^[A-Za-z0-9]+$/);
  await expect(page.locator(`input[readonly][value="Реклама. ООО «Белый Лён», ИНН 7707083893, erid: ${erid}"]`)).toBeVisible();

  const served = await request.get(`/r/${code}`, { maxRedirects: 0 });
  expect(served.status()).toBe(302);
  expect(new URL(served.headers()["location"]!, "http://x").searchParams.get("erid")).toBe(erid);

  await page.getByRole("link", { name: "Что отправлено и что ответил оператор" }).click();
  await expect(page.getByRole("heading", { name: "Оператор рекламных данных: журнал обмена" })).toBeVisible();
  await expect(page.getByText(/PUT \/v3\/creative\//)).toBeVisible();
});
