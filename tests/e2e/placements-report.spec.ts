import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 17, part 6: staff working in Russian open the monthly placements report for the month of the
// demo's published Telegram post (Дарья Козлова × Белый Лён, seeded 10 days ago with impressions not
// yet sent), see its statistics due and not sent, tick them as sent on the placement, and download the CSV.
test("the monthly placements report in Russian: statistics due, marked as sent, CSV download", async ({ page }) => {
  const published = new Date(Date.now() - 10 * 86_400_000);
  const month = published.toISOString().slice(0, 7);
  const monthName = new Intl.DateTimeFormat("ru-RU", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
  await signIn(page, "manager@northstar.test", "twoway-demo", "ru");
  await page.goto("/ru/t/northstar/placements");
  await page.getByRole("link", { name: "Отчёт за месяц" }).click();
  await page.waitForURL(/\/placements\/report$/);
  await page.goto(`/ru/t/northstar/placements/report?month=${month}`);
  await expect(page.getByRole("heading", { name: `Отчёт по размещениям: ${monthName}` })).toBeVisible();

  const summary = (label: string) => page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(summary("Нужна статистика показов")).toHaveText("1");
  await expect(summary("Статистика показов передана")).toHaveText("0");
  await expect(page.getByText(/Статистику показов за этот месяц нужно передать до \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Белый Лён" }).filter({ hasText: "Дарья Козлова" });
  await expect(row.getByText("Не передана")).toBeVisible();
  await expect(row.getByText("18 400")).toBeVisible();

  // On the placement: the month's impressions corrected and ticked as sent to the ОРД.
  await row.getByRole("link").first().click();
  await page.waitForURL(/\/placements\/(?!report)[^/?]+$/);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.getByText("Правовой статус автора")).toBeVisible();
  await expect(page.getByText("Самозанятый (указан сотрудником)")).toBeVisible();
  await page.fill('input[name="month"]', month);
  await page.fill('input[name="impressions"]', "19 250");
  await page.getByLabel("Передана в ОРД").check();
  await page.getByRole("button", { name: "Сохранить статистику" }).click();
  await expect(page.getByText(/19\s250 показов/)).toBeVisible();

  await page.goto(`/ru/t/northstar/placements/report?month=${month}`);
  await expect(summary("Статистика показов передана")).toHaveText("1");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`placements-northstar-${month}.csv`);
  const csv = (await readFile((await file.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("ID;Дата;Дата публикации;Рекламодатель;Автор;Площадка;Аудитория;Статус;erid;Нет erid;Канала нет в перечне Роскомнадзора;Нужна статистика показов;Статистика показов передана;Показы;Переходы");
  expect(lines.find((l) => l.includes("2VtzqwDemo01"))).toMatch(/;Белый Лён;Дарья Козлова;Telegram;Россия;Опубликовано;2VtzqwDemo01;нет;нет;да;да;19250;\d+$/);
});
