import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { magicLinkSignIn, shot, signIn } from "./helpers";
import { LOCALES, PUBLIC_PAGES, STAFF_PAGES, allPortalPages, allStaffPages, embeddedPath, type Locale } from "./pages";

// Accessible (issue 15, part 9): axe-core over every staff, portal and public page (tests/e2e/pages.ts)
// in English and Russian, plus the dialogs and menus that open on them (the ⌘K search palette, the
// pipeline board's move dialog, the portal's phone menu). The WCAG 2.0/2.1 A and AA rules run; a
// violation of impact serious or critical fails, with its rule, impact, target selectors and page.
// Minor and moderate findings are printed (not failed) so they stay visible.
// Collapsed <details> (edit forms, filters, disclosures) are opened first, so the fields inside them
// are checked too. Each page is also checked for duplicate ids (axe 4.x no longer reports them for
// elements that are neither focusable nor referenced by ARIA, but a duplicate id on a field breaks its
// <label for>: two «ИНН» fields once shared one).
// One sign-in per role and language; pages are loaded once each.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING = new Set(["serious", "critical"]);

/** The partner's signed-in session, shared by the portal tests of both languages (see layout-overflow.spec.ts). */
let portalSession: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;
/** The public application page of the demo agency's open program, found on the staff programs page. */
let applyPath: string | undefined;

/** Time spent inside axe, printed per test (the rest is loading pages). */
let axeMs = 0;

type Finding = { where: string; rule: string; impact: string; targets: string[]; help: string };

async function check(page: Page, where: string, include?: Locator): Promise<Finding[]> {
  // Open every collapsed disclosure so the forms inside are checked as well.
  await page.evaluate(() => document.querySelectorAll("details:not([open])").forEach((d) => d.setAttribute("open", "")));
  // Only violations are needed: axe then keeps one node per passed/incomplete rule, which is faster.
  let builder = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ["violations"] });
  if (include) builder = builder.include(await selectorOf(include));
  const started = Date.now();
  const { violations } = await builder.analyze();
  axeMs += Date.now() - started;
  const found: Finding[] = violations.flatMap((v) => v.nodes.map((n) => ({
    where, rule: v.id, impact: n.impact ?? v.impact ?? "unknown", targets: n.target.map(String), help: v.help,
  })));
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) if (el.id) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `#${id} ×${n}`);
  });
  if (!include) for (const d of duplicates) found.push({ where, rule: "duplicate-id (own check)", impact: "serious", targets: [d], help: "an id is used by more than one element" });
  return found;
}

/** A CSS selector for the element a locator points to (axe takes selectors, not locators). */
async function selectorOf(locator: Locator) {
  const mark = `m${Math.random().toString(36).slice(2)}`;
  await locator.evaluate((el, mark) => el.setAttribute("data-axe-include", mark), mark);
  return `[data-axe-include="${mark}"]`;
}

function report(kind: string, locale: Locale, pages: number, findings: Finding[]) {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.rule} (${f.impact})`, (counts.get(`${f.rule} (${f.impact})`) ?? 0) + 1);
  console.log(`a11y ${kind} [${locale}]: ${pages} pages checked (${(axeMs / 1000).toFixed(1)} s in axe); findings per rule: ${counts.size ? [...counts].map(([r, n]) => `${r} ×${n}`).join(", ") : "none"}`);
  axeMs = 0;
  for (const f of findings.filter((f) => !FAILING.has(f.impact))) console.log(`  (not failing) ${f.where}: ${f.rule} [${f.impact}] ${f.targets.join(" ")}`);
  return findings.filter((f) => FAILING.has(f.impact)).map((f) => `${f.where}: ${f.rule} [${f.impact}] ${f.targets.join(" ")} — ${f.help}`);
}

async function checkPages(page: Page, base: string, pages: string[]) {
  const findings: Finding[] = [];
  for (const rel of pages) {
    const url = rel ? `${base}/${rel}` : base;
    const response = await page.goto(url, { waitUntil: "load" });
    if (!rel.startsWith("no-such-") && !rel.includes("/no-such-")) expect(response?.status(), `${url} answers`).toBeLessThan(400);
    findings.push(...(await check(page, url)));
  }
  return findings;
}

/** Presses the shortcut until the palette opens (a press before hydration reaches no listener). */
async function openPalette(page: Page, name: RegExp) {
  const dialog = page.getByRole("dialog", { name });
  await expect(async () => {
    await page.keyboard.press("Control+K");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/** Each role's signed-in session per language, shared by that language's tests (workers: 1): one sign-in each. */
const staffSessions = new Map<Locale, Awaited<ReturnType<BrowserContext["storageState"]>>>();

async function staffContext(browser: Browser, locale: Locale) {
  const ctx = await browser.newContext({ locale: locale === "ru" ? "ru-RU" : "en-US", storageState: staffSessions.get(locale) });
  const page = await ctx.newPage();
  if (!staffSessions.has(locale)) {
    await signIn(page, "owner@northstar.test", "twoway-demo", locale);
    staffSessions.set(locale, await ctx.storageState());
  }
  return { ctx, page };
}

// Some 40 staff pages per language, each analysed by axe: minutes on a loaded machine.
test.describe.configure({ timeout: 600_000 });

for (const locale of LOCALES) {
  const ru = locale === "ru";

  test(`staff pages have no serious a11y violations [${locale}]`, async ({ browser }) => {
    const { ctx, page } = await staffContext(browser, locale);
    const base = `/${locale}/t/northstar`;
    const findings = await checkPages(page, base, STAFF_PAGES);
    await ctx.close();
    expect(report("staff", locale, STAFF_PAGES.length, findings), `serious or critical a11y violations on staff pages [${locale}]`).toEqual([]);
  });

  test(`staff detail pages, the search palette and the board's dialog have no serious a11y violations [${locale}]`, async ({ browser }) => {
    const { ctx, page } = await staffContext(browser, locale);
    const base = `/${locale}/t/northstar`;
    const pages = (await allStaffPages(page, base)).filter((p) => !STAFF_PAGES.includes(p));
    const findings = await checkPages(page, base, pages);
    await page.goto(`${base}/programs`);
    const apply = (await page.locator('a[href*="/apply/northstar/"]').first().getAttribute("href"))!;
    applyPath ??= new URL(apply, "http://x").pathname.replace(/^\/(en|ru)\//, "");

    // The ⌘K palette with results listed.
    await page.goto(`${base}/referrals`);
    const palette = await openPalette(page, ru ? /Поиск по агентству/ : /Search the agency/);
    await palette.getByRole("combobox").fill("jordan");
    await expect(palette.getByRole("option").first()).toBeVisible();
    findings.push(...(await check(page, `${base}/referrals (search palette)`, palette)));
    await page.keyboard.press("Escape");

    // The pipeline board and its move dialog, with a rejection's reason asked for.
    await page.goto(`${base}/referrals?view=board`);
    findings.push(...(await check(page, `${base}/referrals?view=board`)));
    await page.locator('button[aria-haspopup="dialog"]').first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    const reject = dialog.getByLabel(ru ? "Отклонить" : "Reject");
    if (await reject.count()) {
      await reject.check();
      await dialog.locator('button[type="submit"]').click();
      await expect(dialog.getByText(ru ? "Выберите причину отклонения." : "Choose a reason for the rejection.").first()).toBeVisible();
    }
    findings.push(...(await check(page, `${base}/referrals?view=board (move dialog)`, dialog)));

    await ctx.close();
    expect(report("staff details", locale, pages.length + 3, findings), `serious or critical a11y violations on staff detail pages [${locale}]`).toEqual([]);
  });

  test(`portal pages and the phone menu have no serious a11y violations [${locale}]`, async ({ browser }) => {
    const ctx = await browser.newContext({ locale: ru ? "ru-RU" : "en-US", storageState: portalSession });
    const page = await ctx.newPage();
    if (!portalSession) {
      await magicLinkSignIn(page, "partner.ru@northstar.test", "ru");
      portalSession = await ctx.storageState();
    }
    const base = `/${locale}/p/northstar`;
    const pages = await allPortalPages(page, base);
    const findings = await checkPages(page, base, pages);

    // The phone layout: bottom navigation with its "more" menu open.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(base);
    const more = page.locator("nav button[aria-expanded]").first();
    await expect(async () => {
      // A click before hydration does nothing; click again until the menu is open (never close it).
      if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
      await expect(more).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    findings.push(...(await check(page, `${base} @390px (menu open)`)));
    // The account page on a phone: its height is printed, the screenshot kept with the others.
    await page.goto(`${base}/account`);
    console.log(`portal account page @390px [${locale}]: ${await page.evaluate(() => document.documentElement.scrollHeight)} px tall`);
    await shot(page, `a11y-portal-account-phone-${locale}`);

    await ctx.close();
    expect(report("portal", locale, pages.length + 1, findings), `serious or critical a11y violations on portal pages [${locale}]`).toEqual([]);
  });

  test(`public pages have no serious a11y violations [${locale}]`, async ({ browser }) => {
    if (!applyPath) {
      // Run alone (--grep): find the application page as the staff test does.
      const { ctx: staff, page } = await staffContext(browser, locale);
      await page.goto(`/${locale}/t/northstar/programs`);
      const apply = (await page.locator('a[href*="/apply/northstar/"]').first().getAttribute("href"))!;
      applyPath = new URL(apply, "http://x").pathname.replace(/^\/(en|ru)\//, "");
      await staff.close();
    }
    const ctx = await browser.newContext({ locale: ru ? "ru-RU" : "en-US" });
    const page = await ctx.newPage();
    const base = `/${locale}`;
    await page.goto(`${base}/o/northstar`);
    const opportunity = await page.locator(`a[href^="${base}/o/northstar/"]`).first().getAttribute("href");
    const detail = opportunity ? [opportunity.slice(base.length + 1).split(/[?#]/)[0]] : [];
    // Each with its embedded copy (the chrome-less pages other sites frame).
    const pages = [...PUBLIC_PAGES, applyPath, ...detail, embeddedPath(applyPath), ...detail.map(embeddedPath)];
    const findings = await checkPages(page, base, pages);
    await ctx.close();
    expect(report("public", locale, pages.length, findings), `serious or critical a11y violations on public pages [${locale}]`).toEqual([]);
  });
}
