import { expect, test } from "@playwright/test";
import { magicLinkSignIn, shot, signIn, unique } from "./helpers";
import { startReceiver, verify } from "./webhook-receiver";

// Issue 16, part 2: staff register a webhook endpoint pointing at a receiver this test runs on
// 127.0.0.1 (the e2e server allows loopback, scripts/e2e-server.ts), a partner submits a referral,
// staff move it, and the receiver gets the signed events in order.

test("a receiver on localhost gets a referral's signed events in order", async ({ page, browser }) => {
  const { got, url, close } = await startReceiver();
  try {
    // Staff (owner) register the endpoint; the signing secret is shown once.
    await signIn(page, "owner@northstar.test");
    await page.goto("/en/t/northstar/settings");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL(/\/settings\/webhooks$/);
    await page.fill('input[name="url"]', url);
    await page.fill('input[name="description"]', "Local receiver");
    await page.getByLabel("Referral submitted").check();
    await page.getByLabel("Referral status changed").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await page.getByTestId("webhook-secret").inputValue();
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    await expect(page.getByRole("link", { name: url })).toBeVisible();
    await shot(page, "webhooks-en");

    // A partner submits a referral from the portal.
    const partnerContext = await browser.newContext();
    const p = await partnerContext.newPage();
    await magicLinkSignIn(p, "partner.us@northstar.test", "en");
    const subject = unique("Hook Brand");
    await p.goto("/en/p/northstar/referrals/new");
    await p.fill('input[name="subjectName"]', subject);
    await p.selectOption('select[name="market"]', "US");
    await p.fill('input[name="country"]', "US");
    await p.fill('input[name="website"]', `https://www.${unique("hookbrand")}.com/`);
    await p.selectOption('select[name="programId"]', { label: "US ⇄ RU Warm Intros" });
    await p.selectOption('select[name="targetMarket"]', "RU");
    await p.getByLabel("We have worked together").check();
    await p.fill('textarea[name="fitReason"]', "Clean skincare brand that wants Russian-speaking creators for a launch.");
    await p.fill('input[name="contactName"]', "Dana Hill");
    await p.selectOption('select[name="contactChannel"]', "email");
    await p.fill('input[name="contactValue"]', `dana@${unique("hook")}.com`);
    await p.locator('input[name="consent"]').check();
    await p.getByRole("button", { name: "Submit referral" }).click();
    await p.waitForURL(/\/en\/p\/northstar\/referrals\/[^/?]+\?submitted=1/);
    const referralId = new URL(p.url()).pathname.split("/").pop()!;
    await partnerContext.close();

    // Staff move it: in review → qualified.
    await page.goto(`/en/t/northstar/referrals/${referralId}`);
    for (const to of ["in_review", "qualified"]) {
      await page.locator(`input[name="to"][value="${to}"]`).check();
      await page.locator('form:has(input[name="to"]) button[type="submit"]').click();
      await page.waitForURL(new RegExp(`moved=${to}`));
    }

    // The receiver gets three signed events for this referral, in order.
    const mine = () => got.filter((g) => g.body.includes(referralId));
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(3);
    const events = mine().map((g) => ({ g, body: JSON.parse(g.body) }));
    expect(events.map((e) => [e.body.type, e.body.data.referral.status])).toEqual([
      ["referral.submitted", "submitted"],
      ["referral.status_changed", "in_review"],
      ["referral.status_changed", "qualified"],
    ]);
    for (const { g, body } of events) {
      expect(verify(secret, String(g.headers["twoway-signature"]), g.body)).toBe(true);
      expect(verify("whsec_wrong", String(g.headers["twoway-signature"]), g.body)).toBe(false);
      expect(g.headers["twoway-event-id"]).toBe(body.id);
      expect(body.data.referral.subject_name).toBe(subject);
    }
    expect(new Set(events.map((e) => e.body.id)).size).toBe(3);

    // The delivery log shows them delivered; a test event arrives signed too; the Russian page reads.
    await page.goto("/en/t/northstar/settings/webhooks");
    await page.getByRole("link", { name: url }).click();
    await page.waitForURL(/\/settings\/webhooks\/[^/]+$/);
    // The receiver answers before the worker commits each success: reload until the log shows all three.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("webhook-delivery").filter({ hasText: "Delivered" })).toHaveCount(3, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText(/Test event delivered \(HTTP 200\)/)).toBeVisible();
    const test = got.find((g) => JSON.parse(g.body).type === "webhook.test");
    expect(test && verify(secret, String(test.headers["twoway-signature"]), test.body)).toBe(true);
    await page.goto(page.url().replace("/en/", "/ru/"));
    await expect(page.getByText("Журнал доставки")).toBeVisible();
    await shot(page, "webhook-endpoint-ru");

    // Deleted again, so the specs after this one send nothing to a receiver that is gone.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Удалить адрес" }).click();
    await page.waitForURL(/\/settings\/webhooks$/);
    await expect(page.getByRole("link", { name: url })).toHaveCount(0);
  } finally {
    await close();
  }
});
