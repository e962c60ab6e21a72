import { expect, test, type Page } from "@playwright/test";
import { magicLinkSignIn, shot, signIn } from "./helpers";

/** Reloads until the payouts table row of `partner` shows `status` (Stripe's webhook arrives on its own time). */
async function waitForRowStatus(page: Page, partner: string, status: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.locator("tr", { hasText: partner }).first()).toContainText(status, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

// Issue 6: staff approve the commissions still inside their hold, run a payout with one US partner
// (Stripe Connect through the local stand-in, settled by its signed webhook) and one Russian partner
// (bank registry: exported, marked sent, reconciled from the bank statement); the Russian partner
// then sees the payout as paid, in Russian.
test("payouts: approve → run → Stripe transfer paid by webhook, RUB registry reconciled → partner sees «Выплачено»", async ({ page, browser }) => {
  await signIn(page, "owner@northstar.test");

  // Approve Jessica's pending commissions now (staff override of the hold).
  await page.goto("/en/t/northstar/commissions?status=pending");
  const ledgerRow = (name: string) => page.locator("tbody tr", { hasText: name, has: page.locator('input[type="checkbox"]') });
  const pending = ledgerRow("Jessica Moore");
  expect(await pending.count()).toBeGreaterThan(0);
  for (const row of await pending.all()) await row.locator('input[type="checkbox"]').check();
  await page.getByRole("button", { name: "Approve selected now" }).click();
  await expect(ledgerRow("Jessica Moore")).toHaveCount(0);
  // Approved by staff means payable now: her whole approved balance goes into the run.
  await page.goto("/en/t/northstar/commissions");
  const balance = page.locator("tbody tr", { hasText: "Jessica Moore", hasNot: page.locator('input[type="checkbox"]') }).first();
  await expect(balance.locator("td").nth(2)).toHaveText("$0.00");
  const approved = (await balance.locator("td").nth(3).innerText()).trim();
  await shot(page, "payouts-01-commissions-approved");

  // Preview and create the run.
  await page.goto("/en/t/northstar/payouts");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Jessica Moore").first()).toBeVisible();
  await expect(page.getByText("Екатерина Иванова").first()).toBeVisible();
  await shot(page, "payouts-02-preview");
  await page.getByRole("button", { name: "Create run" }).click();
  await page.waitForURL(/\/en\/t\/northstar\/payouts\/[^/?]+$/);
  const runUrl = new URL(page.url()).pathname;

  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Approve run" }).click();
  await expect(page.getByRole("button", { name: "Execute" })).toBeVisible();
  await page.getByRole("button", { name: "Execute" }).click();

  // The Stripe payout: transfer created at the stand-in, whose signed transfer.created webhook marks it paid.
  await waitForRowStatus(page, "Jessica Moore", "Paid");
  await expect(page.locator("tr", { hasText: "Jessica Moore" }).first()).toContainText(approved);
  await shot(page, "payouts-03-run-stripe-paid");

  // The RUB registry: the exported CSV carries Ekaterina's payment with its unique reference.
  const csv = await (await page.request.get(`${runUrl}/registry.csv`)).text();
  const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0].split(";")).toEqual(["Референс платежа", "Получатель", "ИНН", "Банк", "БИК", "Счёт получателя", "Корр. счёт", "Сумма", "Валюта", "Назначение платежа"]);
  const row = lines.find((l) => l.includes("Иванова Екатерина"))!.split(";");
  const [reference, , inn, , bic] = row;
  const amount = row[7];
  expect(reference).toMatch(/^TW-\d+-[A-Z0-9]+$/);
  expect(inn).toBe("500100732259");
  expect(bic).toBe("044525700");
  expect(row[9]).toContain(reference);

  await page.getByRole("button", { name: /Mark registry as sent/ }).click();
  await waitForRowStatus(page, "Екатерина Иванова", "Sent");

  // The bank statement comes back: one line for the payment, matched by its reference.
  const statement = `Дата;Сумма;Валюта;Получатель;Назначение платежа\r\n27.11.2026;${amount.replace(".", ",")};RUB;Иванова Екатерина Сергеевна;Выплата вознаграждения по договору, ref ${reference}, НДС не облагается\r\n`;
  await page.locator('input[type="file"][name="file"]').setInputFiles({ name: "statement.csv", mimeType: "text/csv", buffer: Buffer.from(statement, "utf8") });
  await page.getByRole("button", { name: "Import statement" }).click();
  await waitForRowStatus(page, "Екатерина Иванова", "Paid");
  await shot(page, "payouts-04-run-reconciled");

  // The Russian partner sees the payout as paid, in Russian.
  const partnerCtx = await browser.newContext();
  const partner = await partnerCtx.newPage();
  await magicLinkSignIn(partner, "partner.ru@northstar.test", "ru");
  await partner.goto("/ru/p/northstar/earnings");
  const payoutRow = partner.locator("li, tr", { hasText: reference }).first();
  await expect(payoutRow).toContainText("Выплачено");
  await shot(partner, "payouts-05-partner-ru-paid");
  await partnerCtx.close();
});
