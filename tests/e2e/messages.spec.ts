import { expect, test, type Page } from "@playwright/test";
import { open, shot, signIn, unique } from "./helpers";

// Issue 16, part 4: a manager (Russian) writes an announcement in Russian and English to a program;
// the Russian partner reads the Russian version in the portal (unread badge, read once opened) and
// gets it by e-mail in Russian, the English partner by e-mail in English; then a direct message, which
// the partner answers, and the manager sees the answer as a notification and in the thread.

const PROGRAM = "US ⇄ RU Warm Intros";

async function badge(page: Page): Promise<number> {
  const count = page.getByTestId("message-count").first();
  return (await count.count()) ? Number(await count.innerText()) : 0;
}

/** The newest outbox mail to `to` whose text contains `marker` (the job sends it within seconds). */
async function mailWith(page: Page, to: string, marker: string): Promise<string> {
  let text = "";
  await expect.poll(async () => {
    await page.goto("/en/dev/outbox");
    const mail = page.getByTestId("outbox-mail").filter({ hasText: to }).filter({ hasText: marker }).first();
    text = (await mail.count()) ? await mail.innerText() : "";
    return text;
  }, { timeout: 60_000 }).not.toBe("");
  return text;
}

test("an announcement reaches each partner in their language; a direct message gets a reply", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const tag = unique("m").slice(-6);
  const subjectRu = `Новые ставки ${tag}`;
  const subjectEn = `New rates ${tag}`;

  // The partner first: the badge before.
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signIn(partner, "partner.ru@northstar.test", "twoway-demo", "ru");
  await partner.goto("/ru/p/northstar");
  const before = await badge(partner);

  // Staff write the announcement in both languages, with a preview per language.
  await signIn(page, "manager@northstar.test", "twoway-demo", "ru");
  await page.goto("/ru/t/northstar/messages");
  await expect(page.getByRole("heading", { name: "Сообщения" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Новое сообщение" })).toHaveAttribute("href", "/ru/t/northstar/messages/new");
  await open(page, "/ru/t/northstar/messages/new");
  await expect(page.getByLabel("Всем активным партнёрам программы — объявление")).toBeChecked();
  await page.getByLabel("Программа", { exact: true }).selectOption({ label: `${PROGRAM} (4 партнёра)` });
  const ru = page.locator('section[lang="ru"]');
  const en = page.locator('section[lang="en"]');
  await ru.getByLabel("Тема").fill(subjectRu);
  await ru.getByLabel("Текст").fill("С января — 12 %.\n<b>Спасибо</b> за работу!");
  await en.getByLabel("Тема").fill(subjectEn);
  await en.getByLabel("Текст").fill("From January: 12%.\nThanks for your work!");
  await expect(page.getByTestId("preview-ru")).toContainText(subjectRu);
  await expect(page.getByTestId("preview-ru")).toContainText("<b>Спасибо</b> за работу!"); // plain text, not markup
  await expect(ru.getByText("На этом языке читают 2 партнёра.")).toBeVisible();
  await shot(page, "messages-compose-ru");
  await page.getByRole("button", { name: "Отправить сообщение" }).click();
  await page.waitForURL(/\/ru\/t\/northstar\/messages\/[^/?]+\?sent=1$/);
  await expect(page.getByText("Сообщение отправлено 4 партнёрам.")).toBeVisible();
  await expect(page.getByTestId("message-recipient")).toHaveCount(4);
  await expect(page.getByText("На объявления не отвечают: партнёры могут ответить только на личное сообщение.")).toBeVisible();

  // The Russian partner: the badge went up; the inbox and the message in Russian; opening reads it.
  await partner.goto("/ru/p/northstar");
  await expect(partner.getByTestId("message-count").first()).toHaveText(String(before + 1));
  await partner.goto("/ru/p/northstar/messages");
  const item = partner.getByTestId("message-list").locator("li").filter({ hasText: subjectRu });
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(partner.getByText(subjectEn)).toHaveCount(0);
  // Seeing it in the list (and whatever the browser prefetched) does not read it.
  await partner.waitForLoadState("networkidle");
  await partner.reload();
  await expect(item).toHaveAttribute("data-unread", "true");
  await item.getByRole("link", { name: subjectRu }).click();
  await partner.waitForURL(/\/ru\/p\/northstar\/messages\/[^/?]+$/);
  await expect(partner.getByRole("heading", { name: subjectRu })).toBeVisible();
  await expect(partner.getByTestId("message-body")).toContainText("<b>Спасибо</b> за работу!");
  await expect(partner.getByLabel("Ваш ответ")).toHaveCount(0); // an announcement takes no replies
  await expect.poll(() => badge(partner)).toBe(before);
  await shot(partner, "messages-portal-announcement-ru");

  // E-mail, through the job queue: Russian to her, English to the US partner; links to the portal.
  const ruMail = await mailWith(page, "partner.ru@northstar.test", subjectRu);
  expect(ruMail).toContain("Здравствуйте, Екатерина Иванова!");
  expect(ruMail).toContain("С января — 12 %.");
  expect(ruMail).not.toContain(subjectEn);
  expect(ruMail).toMatch(/http:\/\/localhost:\d+\/ru\/p\/northstar\/messages\/\S+/);
  const enMail = await mailWith(page, "partner.us@northstar.test", subjectEn);
  expect(enMail).toContain("From January: 12%.");
  expect(enMail).not.toContain(subjectRu);

  // A direct message, in Russian only, to her.
  const directSubject = `Вопрос ${tag}`;
  await open(page, "/ru/t/northstar/messages/new");
  await page.getByLabel("Одному партнёру — личное сообщение, на него можно ответить").check();
  await page.getByLabel("Партнёр", { exact: true }).selectOption({ label: "Екатерина Иванова" });
  await page.locator('section[lang="ru"]').getByLabel("Тема").fill(directSubject);
  await page.locator('section[lang="ru"]').getByLabel("Текст").fill("Сможете познакомить нас с брендом?");
  await page.getByRole("button", { name: "Отправить сообщение" }).click();
  await page.waitForURL(/\/ru\/t\/northstar\/messages\/[^/?]+\?sent=1$/);
  await expect(page.getByText("Сообщение отправлено 1 партнёру.")).toBeVisible();
  const threadUrl = page.url().replace(/\?sent=1$/, "");
  await page.goto("/ru/t/northstar");
  const bell = page.getByTestId("notification-count");
  const unreadBefore = (await bell.count()) ? Number(await bell.innerText()) : 0;

  // She answers in the portal.
  await partner.goto("/ru/p/northstar/messages");
  const directHref = await partner.getByRole("link", { name: directSubject }).getAttribute("href");
  await open(partner, directHref!);
  await expect(partner.getByText("Личное сообщение", { exact: false }).first()).toBeVisible();
  await partner.getByLabel("Ваш ответ").fill("Да, напишу им сегодня.\nВернусь с ответом.");
  await partner.getByRole("button", { name: "Ответить" }).click();
  await expect(partner.getByText("Ответ отправлен.")).toBeVisible();
  await expect(partner.getByTestId("message-replies")).toContainText("Да, напишу им сегодня.");
  await shot(partner, "messages-portal-direct-ru");

  // Staff: a notification, and the reply in the thread.
  await page.goto("/ru/t/northstar");
  await expect(page.getByTestId("notification-count")).toHaveText(String(unreadBefore + 1));
  await page.goto("/ru/t/northstar/notifications");
  await page.getByRole("link", { name: `Ответ от партнёра Екатерина Иванова: ${directSubject}` }).click();
  await page.waitForURL(threadUrl);
  await open(page, threadUrl);
  const replies = page.getByTestId("message-replies");
  await expect(replies.locator('li[data-author="partner"]')).toContainText("Да, напишу им сегодня.");
  await page.getByLabel("Ваш ответ").fill("Спасибо!");
  await page.getByRole("button", { name: "Ответить" }).click();
  await expect(replies.locator('li[data-author="staff"]')).toContainText("Спасибо!");
  await shot(page, "messages-thread-ru");
  await partnerContext.close();
});
