import type { Page } from "@playwright/test";

export const SHOTS = "test-results/screenshots";

export function unique(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Opens a page and waits until React has hydrated it (`<html data-hydrated>`, components/ui/hydration-mark.tsx). */
export async function open(page: Page, url: string) {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function signUp(page: Page, agencyName: string, email: string) {
  await page.goto("/en/sign-up");
  await page.fill('input[name="agencyName"]', agencyName);
  await page.fill('input[name="name"]', "Test Owner");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', "a long enough password");
  await page.getByRole("button", { name: "Create workspace" }).click();
  // Sign-up answers the same for every address ("check your e-mail"); the mail says what next.
  await page.waitForURL(/\/en\/check-email\?from=signup$/);
  const mail = await latestMailTo(page, email);
  if (!/workspace .* is ready/i.test(mail)) throw new Error(`unexpected sign-up mail: ${mail}`);
  const link = new URL(mail.match(/https?:\/\/\S+/)![0]);
  await page.goto(link.pathname + link.search);
  const form = page.locator("form").first();
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill("a long enough password");
  await form.getByRole("button").click();
  await page.waitForURL(/\/en\/t\/[^/]+\?welcome=1$/);
  return new URL(page.url()).pathname.split("/")[3];
}

/** The text of the newest mail to `to` in the development outbox (readable from this machine only). */
export async function latestMailTo(page: Page, to: string): Promise<string> {
  await page.goto("/en/dev/outbox");
  return page.getByTestId("outbox-mail").filter({ hasText: to }).first().locator("pre").innerText();
}

export async function signIn(page: Page, email: string, password = "twoway-demo", locale = "en") {
  await page.goto(`/${locale}/sign-in`);
  await page.locator("form").first().locator('input[name="email"]').fill(email);
  await page.fill('input[name="password"]', password);
  await page.locator("form").first().getByRole("button").click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

/** Signs a partner in through "e-mail me a link", following the link from the dev outbox. */
export async function magicLinkSignIn(page: Page, email: string, locale: "en" | "ru") {
  await page.goto(`/${locale}/sign-in`);
  const form = page.locator("form").nth(1);
  await form.locator('input[name="email"]').fill(email);
  await form.getByRole("button").click();
  await page.waitForURL(`**/${locale}/check-email`);
  await page.goto("/en/dev/outbox");
  const mail = page.getByTestId("outbox-mail").filter({ hasText: email }).first();
  const link = (await mail.locator("pre").innerText()).match(/https?:\/\/\S+/)![0];
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.waitForURL(/\/p\/northstar/);
}
