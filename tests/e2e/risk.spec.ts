import { devices, expect, test } from "@playwright/test";
import { SHOTS, signIn, unique } from "./helpers";
import { startReceiver, verify } from "./webhook-receiver";

// Issue 16, part 1: a partner refers themselves (the referral's contact e-mail is their own), the deal
// is won through the real pipeline, the commission job puts the commission under review; the partner
// sees «На проверке» and nothing about the rule; staff find it in the risk review queue in Russian,
// confirm it with a note and suspend the partner; the commission is voided. A webhook receiver on
// localhost (issue 16, part 2) gets the whole story as signed events, in order.
test("a self-referral is held, reviewed in Russian and voided; a webhook receiver gets the signed events in order", async ({ page, browser }) => {
  test.setTimeout(process.env.E2E_DB === "embedded" ? 300_000 : 180_000);
  const email = `${unique("vera")}@vera-consulting.test`;
  const name = "Вера Самохина";
  const receiver = await startReceiver();
  try {
    // Staff register a webhook endpoint in Russian for the referral's and the commission's events.
    await signIn(page, "owner@northstar.test", "twoway-demo", "ru");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/ru/t/northstar/settings/webhooks");
    await page.fill('input[name="url"]', receiver.url);
    await page.fill('input[name="description"]', "Риск-проверка, e2e");
    for (const label of ["Рекомендация отправлена", "Изменён статус рекомендации", "Создана комиссия", "Комиссия аннулирована"]) {
      await page.getByLabel(label).check();
    }
    await page.getByRole("button", { name: "Добавить адрес" }).click();
    const secret = await page.getByTestId("webhook-secret").inputValue();

    // Staff invite a Russian-speaking partner into the closed program.
    await page.goto("/ru/t/northstar/partners/new");
    await page.fill('input[name="name"]', name);
    await page.fill('input[name="email"]', email);
    // A US-market partner who reads Russian: the program pays US partners $150 per close (no exchange rate involved).
    await page.selectOption('select[name="market"]', "US");
    await page.fill('input[name="country"]', "US");
    await page.selectOption('select[name="language"]', "ru");
    await page.getByLabel("US ⇄ RU Warm Intros").check();
    await page.getByRole("button", { name: "Отправить приглашение" }).click();
    await page.waitForURL(/\/ru\/t\/northstar\/partners\/(?!new)[^/?]+/);
    const partnerId = new URL(page.url()).pathname.split("/").pop()!;
    await page.goto("/en/dev/outbox");
    const mail = await page.getByTestId("outbox-mail").filter({ hasText: email }).first().locator("pre").innerText();
    const link = new URL(mail.match(/https?:\/\/\S+\/ru\/partner-invite\/\S+/)![0]);

    // She accepts on a phone and refers a brand whose contact e-mail is her own.
    const { defaultBrowserType: _ignored, ...pixel } = devices["Pixel 7"];
    const phone = await browser.newContext(pixel);
    const p = await phone.newPage();
    await p.goto(link.pathname);
    await p.getByRole("button", { name: "Принять и открыть кабинет" }).click();
    await p.waitForURL(/\/ru\/p\/northstar/);
    await p.goto("/ru/p/northstar/referrals/new");
    await p.fill('input[name="subjectName"]', "Самохина Косметика");
    await p.selectOption('select[name="market"]', "RU");
    await p.fill('input[name="country"]', "RU");
    await p.fill('input[name="website"]', `https://www.${unique("samokhina")}.ru/`);
    await p.selectOption('select[name="programId"]', { label: "US ⇄ RU Warm Intros" });
    await p.selectOption('select[name="targetMarket"]', "US");
    await p.getByLabel("Работали вместе").check();
    await p.fill('textarea[name="fitReason"]', "Натуральная косметика, хотят выйти на рынок США через авторов.");
    await p.fill('input[name="contactName"]', name);
    await p.selectOption('select[name="contactChannel"]', "email");
    await p.fill('input[name="contactValue"]', email);
    await p.locator('input[name="consent"]').check();
    await p.getByRole("button", { name: "Отправить рекомендацию" }).click();
    await p.waitForURL(/\/ru\/p\/northstar\/referrals\/[^/?]+\?submitted=1/);
    const referralId = new URL(p.url()).pathname.split("/").pop()!;

    // Staff qualify and win it.
    await page.goto(`/ru/t/northstar/referrals/${referralId}`);
    for (const to of ["in_review", "qualified"]) {
      await page.locator(`input[name="to"][value="${to}"]`).check();
      await page.locator('form:has(input[name="to"]) button[type="submit"]').click();
      await page.waitForURL(new RegExp(`moved=${to}`));
    }
    await page.locator('input[name="to"][value="won"]').check();
    await page.fill('input[name="dealValue"]', "1 000");
    await page.selectOption('select[name="dealCurrency"]', "USD");
    await page.locator('form:has(input[name="to"]) button[type="submit"]').click();
    await page.waitForURL(/moved=won/);

    // The partner sees the commission under review, without the rule or its details.
    const commission = /150,00[\u00a0\u202f ]\$/;
    await expect(async () => {
      await p.goto("/ru/p/northstar/earnings");
      await expect(p.locator("li, tr").filter({ hasText: commission }).filter({ hasText: "На проверке" }).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(p.getByText("Рекомендация самому себе")).toHaveCount(0);
    await expect(p.getByText(/риск-проверк/i)).toHaveCount(0);
    await p.screenshot({ path: `${SHOTS}/risk-portal-under-review-ru-phone.png`, fullPage: true });

    // Staff see it in the risk review queue, in Russian, on a desktop and on a phone.
    await page.goto("/ru/t/northstar/risk");
    const card = page.locator("section", { has: page.locator(`a:text-is("${name}")`) });
    await expect(card).toContainText("Рекомендация самому себе");
    await expect(card).toContainText(`Почта клиента ${email} — это почта самого партнёра.`);
    await expect(card).toContainText(/\d+ комисси\p{L}* на проверке/u);
    await expect(card).toContainText(commission);
    await page.screenshot({ path: `${SHOTS}/risk-queue-ru-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(card).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/risk-queue-ru-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Confirming without a reason is refused in Russian; with one, the commission is voided and she is suspended.
    await card.getByRole("button", { name: "Подтвердить и аннулировать" }).click();
    await expect(card.locator("[data-field-error]")).toHaveText("Не меньше 3 символов.");
    await card.getByLabel("Комментарий").fill("Партнёр порекомендовал сам себя");
    await card.getByLabel("Заодно приостановить партнёра").check();
    await card.getByRole("button", { name: "Подтвердить и аннулировать" }).click();
    // The review leaves the open queue.
    await expect(card).toHaveCount(0);

    await page.goto("/ru/t/northstar/risk?status=confirmed");
    const done = page.locator("section", { has: page.locator(`a:text-is("${name}")`) });
    await expect(done).toContainText("Партнёр приостановлен");
    await expect(done).toContainText("Аннулирована");
    await page.goto("/ru/t/northstar/commissions?status=void");
    await expect(page.locator("tbody tr", { hasText: name }).first()).toBeVisible();
    await phone.close();

    // The receiver got this referral's and this partner's commission's events, signed, in the order they happened.
    const mine = () => receiver.got.map((g) => ({ g, body: JSON.parse(g.body) })).filter(({ body }) => body.data?.referral?.id === referralId || body.data?.commission?.partner_id === partnerId);
    await expect.poll(() => mine().map(({ body }) => body.type), { timeout: 60_000 }).toEqual([
      "referral.submitted", "referral.status_changed", "referral.status_changed", "referral.status_changed", "commission.created", "commission.voided",
    ]);
    const events = mine();
    expect(events.slice(0, 4).map(({ body }) => body.data.referral.status)).toEqual(["submitted", "in_review", "qualified", "won"]);
    expect(events[5].body.data.commission.status).toBe("void");
    for (const { g, body } of events) {
      expect(verify(secret, String(g.headers["twoway-signature"]), g.body)).toBe(true);
      expect(g.headers["twoway-event-id"]).toBe(body.id);
    }

    // The endpoint is deleted again, so the specs after this one send nothing to a receiver that is gone.
    await page.goto("/ru/t/northstar/settings/webhooks");
    await page.getByRole("link", { name: receiver.url }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Удалить адрес" }).click();
    await page.waitForURL(/\/settings\/webhooks$/);
  } finally {
    await receiver.close();
  }
});
