import { devices, expect, test, type Page } from "@playwright/test";
import { shot, signIn, unique } from "./helpers";

// Issue 15, part 2: a partner submits a referral in the portal → the staff member sees the unread
// badge go up and the item in the inbox, in Russian, on desktop and on a phone → marks it read.
// Password sign-in for both (no magic link: the partner's links per hour are limited).

async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  return (await badge.count()) ? Number(await badge.innerText()) : 0;
}

test("a partner's referral reaches staff as a Russian notification they can mark read", async ({ page, browser }) => {
  // The manager reads Russian; remember the badge before.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "manager@northstar.test", "twoway-demo", "ru");
  await staff.goto("/ru/t/northstar");
  const before = await unread(staff);

  // The partner submits a referral in the portal.
  const subject = `Сибирские травы ${unique("n").slice(-6)}`;
  await signIn(page, "partner.ru@northstar.test", "twoway-demo", "ru");
  await page.goto("/ru/p/northstar/referrals/new");
  await page.fill('input[name="subjectName"]', subject);
  await page.selectOption('select[name="market"]', "RU");
  await page.fill('input[name="country"]', "RU");
  await page.fill('input[name="website"]', `https://www.${unique("herbs")}.ru/`);
  await page.selectOption('select[name="programId"]', { label: "US ⇄ RU Warm Intros" });
  await page.selectOption('select[name="targetMarket"]', "US");
  await page.getByLabel("Работали вместе").check();
  await page.fill('textarea[name="fitReason"]', "Натуральная косметика, ищут авторов в США.");
  await page.fill('input[name="contactName"]', "Ирина Соколова");
  await page.selectOption('select[name="contactChannel"]', "telegram");
  await page.fill('input[name="contactValue"]', "@irina_herbs");
  await page.locator('input[name="consent"]').check();
  await page.getByRole("button", { name: "Отправить рекомендацию" }).click();
  await page.waitForURL(/\/ru\/p\/northstar\/referrals\/[^/?]+\?submitted=1/);
  const referralId = new URL(page.url()).pathname.split("/").pop()!;

  // The partner's own choice for status e-mails, on their account page: instant by default.
  await page.goto("/ru/p/northstar/account");
  // Folded to its title and the current choice (a short account page on a phone): open it.
  const mailSettings = page.locator("summary", { hasText: "Письма о статусах" });
  await expect(mailSettings).toContainText("Сразу");
  await mailSettings.click();
  const choice = page.locator("form").filter({ has: page.getByLabel("Одна сводка в день в 08:00 по времени агентства") });
  await expect(choice.getByLabel("Через несколько минут после изменения")).toBeChecked();
  await choice.getByLabel("Одна сводка в день в 08:00 по времени агентства").check();
  await choice.getByRole("button", { name: "Сохранить" }).click();
  await expect(choice.getByText("Настройки сохранены")).toBeVisible();
  await page.reload();
  await expect(mailSettings).toContainText("Сводка раз в день");
  await mailSettings.click();
  await expect(choice.getByLabel("Одна сводка в день в 08:00 по времени агентства")).toBeChecked();
  // Back to instant: later specs expect this partner's status e-mails within minutes.
  await choice.getByLabel("Через несколько минут после изменения").check();
  await choice.getByRole("button", { name: "Сохранить" }).click();
  await expect(choice.getByText("Настройки сохранены")).toBeVisible();

  // Staff: the badge counts it, the inbox shows it in Russian with a link to the referral.
  await staff.goto("/ru/t/northstar");
  await expect(staff.getByTestId("notification-count")).toHaveText(String(before + 1));
  await expect(staff.getByTestId("notification-bell")).toHaveAttribute("aria-label", /^Уведомления: \d+ непрочитанн/);
  await staff.getByTestId("notification-bell").click();
  await staff.waitForURL("**/ru/t/northstar/notifications");
  await expect(staff.getByRole("heading", { name: "Уведомления" })).toBeVisible();
  const item = staff.getByTestId("notification-list").locator("li").filter({ hasText: subject });
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item.getByRole("link", { name: `Новая рекомендация: ${subject}` })).toHaveAttribute("href", `/ru/t/northstar/referrals/${referralId}`);
  await expect(item).toContainText("От партнёра Екатерина Иванова.");
  await expect(item.getByText("Новое")).toBeVisible();
  await staff.setViewportSize({ width: 1440, height: 900 });
  await shot(staff, "notifications-inbox-ru-desktop");

  // On a phone (390 px) the same inbox, the bell in the header.
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  const phoneContext = await browser.newContext({ ...iphone, storageState: await staffContext.storageState() });
  const phone = await phoneContext.newPage();
  await phone.goto("/ru/t/northstar/notifications?unread=1");
  await expect(phone.getByTestId("notification-bell")).toBeVisible();
  await expect(phone.getByTestId("notification-list").locator("li").filter({ hasText: subject })).toBeVisible();
  await shot(phone, "notifications-inbox-ru-phone");
  // The e-mail choice: instant by default; the daily digest is saved.
  await phone.getByRole("link", { name: "Настройки почты" }).click();
  await phone.waitForURL("**/ru/t/northstar/notifications/settings");
  await expect(phone.getByLabel("Сразу (новые уведомления за минуту — одним письмом)")).toBeChecked();
  await phone.getByLabel("Раз в день в 08:00 по времени агентства").check();
  await phone.getByRole("button", { name: "Сохранить" }).first().click();
  await expect(phone.getByText("Настройки сохранены")).toBeVisible();
  await shot(phone, "notifications-settings-ru-phone");
  await phone.reload();
  await expect(phone.getByLabel("Раз в день в 08:00 по времени агентства")).toBeChecked();
  await phone.getByLabel("Сразу (новые уведомления за минуту — одним письмом)").check(); // as other specs expect
  await phone.getByRole("button", { name: "Сохранить" }).first().click();
  await expect(phone.getByText("Настройки сохранены")).toBeVisible();
  await phoneContext.close();

  // Marked read: the item no longer stands out and the badge goes down.
  await item.getByRole("button", { name: `Прочитано: Новая рекомендация: ${subject}` }).click();
  await expect(item).toHaveAttribute("data-unread", "false");
  await expect.poll(() => unread(staff)).toBe(before);
  await staff.goto("/ru/t/northstar/notifications?unread=1");
  await expect(staff.getByTestId("notification-list").locator("li").filter({ hasText: subject })).toHaveCount(0);
  await staffContext.close();
});
