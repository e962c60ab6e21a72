import { chromium, type Page } from "@playwright/test";

const BASE = "http://localhost:3191";
const only = process.argv[2];

async function signIn(page: Page, email: string, locale = "en") {
  await page.goto(`${BASE}/${locale}/sign-in`);
  await page.locator("form").first().locator('input[name="email"]').fill(email);
  await page.fill('input[name="password"]', "twoway-demo");
  await page.locator("form").first().getByRole("button").click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), { timeout: 60_000 });
}

async function shot(page: Page, path: string, name: string) {
  const res = await page.goto(`${BASE}${path}`, { timeout: 120_000 });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log(name, res?.status());
}

async function main() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  if (!only || only === "staff") {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, "manager@northstar.test");
    await shot(page, "/en/t/northstar/referrals", "staff-list-en");
    const links = await page.locator("tbody a").evaluateAll((as) => as.map((a) => [(a as HTMLAnchorElement).textContent, (a as HTMLAnchorElement).getAttribute("href")]));
    console.log(JSON.stringify(links));
    const byName = (n: string) => links.find(([t]) => t === n)?.[1] ?? "";
    await shot(page, byName("GlowLab"), "staff-duplicate-en");
    await shot(page, byName("Glow Lab"), "staff-review-en");
    await shot(page, byName("Сфера Финанс"), "staff-negotiation-en");
    await shot(page, byName("Glow Lab").replace("/en/", "/ru/"), "staff-review-ru");
    await shot(page, "/ru/t/northstar/referrals?pair=RU-US&sort=name", "staff-list-ru");
  }
  if (!only || only === "portal") {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })).newPage();
    await signIn(page, "partner.ru@northstar.test", "ru");
    await shot(page, "/ru/p/northstar", "portal-home-ru");
    await shot(page, "/ru/p/northstar/referrals", "portal-list-ru");
    await shot(page, "/ru/p/northstar/referrals/new", "portal-new-ru");
    const links = await page.locator("main ul a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
    console.log(JSON.stringify(links));
  }
  if (!only || only === "jessica") {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await signIn(page, "partner.us@northstar.test");
    await page.goto(`${BASE}/en/p/northstar/referrals`);
    const href = await page.locator("main ul a", { hasText: "GlowLab" }).first().getAttribute("href");
    await shot(page, href!, "portal-duplicate-en");
    await shot(page, "/en/p/northstar/referrals/new", "portal-new-en");
  }
  await browser.close();
}
void main();
