// Time zones (issue 15, part 3), as a Russian agency in Moscow lives them: sign-up proposes the
// browser's zone, the audit log shows an instant in Moscow time with «МСК», a staff member's own
// zone (New York) shows the same instant in New York time, and a date box takes «06.12.2026».
import { expect, test, type Page } from "@playwright/test";
import { SHOTS, latestMailTo, unique } from "./helpers";

test.use({ timezoneId: "Europe/Moscow", locale: "ru-RU" });

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const two = (n: number) => String(n).padStart(2, "0");
/** «06.12.2026, 15:50» for an instant shifted by `hours` from UTC (Moscow +3, New York −5 in December). */
const wallClock = (instant: Date, hours: number) => {
  const d = new Date(instant.getTime() + hours * 3_600_000);
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};

async function signUpInRussian(page: Page, agency: string, email: string): Promise<string> {
  await page.goto("/ru/sign-up");
  await page.fill('input[name="agencyName"]', agency);
  await page.fill('input[name="name"]', "Ольга Петрова");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', "a long enough password");
  // The browser's zone is proposed in a hidden field once the page is hydrated.
  await expect(page.locator('input[name="timeZone"]')).toHaveValue("Europe/Moscow");
  await page.getByRole("button", { name: "Создать пространство" }).click();
  await page.waitForURL(/\/ru\/check-email\?from=signup$/);
  const mail = await latestMailTo(page, email);
  const link = new URL(mail.match(/https?:\/\/\S+/)![0]);
  await page.goto(link.pathname + link.search);
  const form = page.locator("form").first();
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill("a long enough password");
  await form.getByRole("button").click();
  await page.waitForURL(/\/ru\/t\/[^/]+\?welcome=1$/);
  return new URL(page.url()).pathname.split("/")[3];
}

test("a Russian agency in Moscow: times in МСК, a personal New York zone, dates typed as ДД.ММ.ГГГГ", async ({ page }) => {
  const slug = await signUpInRussian(page, `Пояс ${Math.random().toString(36).slice(2, 5)}`, `${unique("owner")}@zones.test`);

  // The new agency's zone is the browser's; Settings shows it with its offset.
  await page.goto(`/ru/t/${slug}/settings`);
  const agencyForm = page.getByTestId("agency-time-zone");
  await expect(agencyForm.locator('input[name="timeZone"]')).toHaveValue("Europe/Moscow");
  await expect(agencyForm.locator("[data-time-zone-label]")).toHaveText("Москва (UTC+3)");

  // An unknown zone is refused in Russian; a known one is saved and audited at a known instant.
  await agencyForm.locator('input[name="timeZone"]').fill("Марс/Олимп");
  await agencyForm.getByRole("button", { name: "Сохранить" }).click();
  await expect(agencyForm.getByText("Выберите часовой пояс из списка или введите город.")).toBeVisible();
  await agencyForm.locator('input[name="timeZone"]').fill("Asia/Yekaterinburg");
  const before = new Date();
  await agencyForm.getByRole("button", { name: "Сохранить" }).click();
  await expect(agencyForm.getByText("Настройки сохранены.")).toBeVisible();
  const after = new Date();
  await agencyForm.locator('input[name="timeZone"]').fill("Europe/Moscow");
  await agencyForm.getByRole("button", { name: "Сохранить" }).click();
  await expect(agencyForm.getByText("Настройки сохранены.")).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/time-zones-settings-ru-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/time-zones-settings-ru-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The audit log: the change to Yekaterinburg at Moscow time, with the zone, and the zone named in the lead.
  await page.goto(`/ru/t/${slug}/audit`);
  await expect(page.getByText("Время: Москва (UTC+3)")).toBeVisible();
  const row = page.locator("tr", { hasText: "Изменён часовой пояс агентства" }).filter({ hasText: "Europe/Moscow → Asia/Yekaterinburg" });
  const moscow = nbsp(await row.locator("td").first().innerText());
  expect([wallClock(before, 3), wallClock(after, 3)].map((t) => `${t} (МСК)`)).toContain(moscow);
  await page.screenshot({ path: `${SHOTS}/time-zones-audit-ru-desktop.png`, fullPage: true });

  // The staff member's own zone: New York. The same entry now reads in New York time.
  await page.goto(`/ru/t/${slug}/settings`);
  const personal = page.getByTestId("personal-time-zone");
  await expect(personal.getByLabel("Как у агентства — Москва (UTC+3)")).toBeChecked();
  await personal.getByLabel("Свой", { exact: true }).check();
  await personal.locator('input[name="timeZone"]').fill("America/New_York");
  await personal.getByRole("button", { name: "Сохранить" }).click();
  await expect(personal.getByText("Сохранено.")).toBeVisible();
  await page.goto(`/ru/t/${slug}/audit`);
  await expect(page.getByText(/Время: .*\(UTC−5\)/)).toBeVisible();
  const newYork = nbsp(await page.locator("tr", { hasText: "Europe/Moscow → Asia/Yekaterinburg" }).locator("td").first().innerText());
  expect([wallClock(before, -5), wallClock(after, -5)].map((t) => `${t} (UTC−5)`)).toContain(newYork);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/time-zones-audit-ru-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A Russian date box takes «06.12.2026» (and shows the page's format back); the URL may stay readable.
  await page.goto(`/ru/t/${slug}/funnel`);
  const from = page.locator('form[role="search"] input[name="from"]');
  await expect(from).toHaveAttribute("placeholder", "ДД.ММ.ГГГГ");
  await from.fill("01.12.2026");
  await page.locator('form[role="search"] input[name="to"]').fill("06.12.2026");
  await page.locator('form[role="search"] button[type="submit"]').click();
  await page.waitForURL(/to=06\.12\.2026/);
  await expect(page.getByText("01.12.2026 – 06.12.2026").first()).toBeVisible();
  await expect(page.locator('form[role="search"] input[name="to"]')).toHaveValue("06.12.2026");
});
