import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { magicLinkSignIn, shot, signIn } from "./helpers";

// Each page sends the browser only the namespaces its layouts declare (lib/i18n/client-translations.tsx).
// A client component left without its namespace renders the key itself ("optIn.fields.market"), so
// every dotted key of the catalogue is looked for in what the page shows, after first loads and after
// client-side navigations (which bring a nested layout's namespaces in the RSC payload).
const rawKeys = [
  ...new Set(
    readdirSync("locales/en").flatMap((file) => {
      const flat = (obj: object, prefix = ""): string[] =>
        Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? flat(v, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(one|few|many|other)$/, "")]));
      return flat(JSON.parse(readFileSync(`locales/en/${file}`, "utf8")) as object).filter((k) => k.includes("."));
    }),
  ),
];

async function expectNoRawKeys(page: Page) {
  await page.waitForLoadState("networkidle");
  const shown = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll("[placeholder],[aria-label],[title]")].flatMap((el) => ["placeholder", "aria-label", "title"].map((a) => el.getAttribute(a) ?? ""));
    const options = [...document.querySelectorAll("option")].map((o) => o.textContent ?? "");
    return [document.body.innerText, ...attrs, ...options].join("\n");
  });
  const found = rawKeys.filter((key) => new RegExp(`(^|[^\\w.])${key.replace(/\./g, "\\.")}($|[^\\w.])`).test(shown));
  expect(found, `raw translation keys on ${page.url()}`).toEqual([]);
}

test("client components render their strings in Russian on the board, the portal and staff pages", async ({ browser }) => {
  // The public board: list, then an opportunity reached by a client-side navigation, its opt-in form
  // refused empty (errors namespace, Russian plural of the error count).
  const visitorCtx = await browser.newContext({ locale: "ru-RU" });
  const visitor = await visitorCtx.newPage();
  await visitor.goto("/ru/o/northstar");
  await expectNoRawKeys(visitor);
  await visitor.locator('a[href^="/ru/o/northstar/"]').first().click();
  await visitor.waitForURL(/\/ru\/o\/northstar\/[^/]+$/);
  await expect(visitor.getByRole("button", { name: "Отправить заявку" })).toBeVisible();
  await visitor.getByRole("button", { name: "Отправить заявку" }).click();
  await expect(visitor.getByText(/Исправьте \d+ (поле|поля|полей) ниже\./)).toBeVisible();
  await expectNoRawKeys(visitor);
  await shot(visitor, "i18n-board-opportunity-ru");
  await visitor.goto("/ru/sign-in");
  await expectNoRawKeys(visitor);
  await visitorCtx.close();

  // The partner portal in Russian: home, the referral form (refused empty), account, links.
  const partnerCtx = await browser.newContext({ locale: "ru-RU" });
  const partner = await partnerCtx.newPage();
  await magicLinkSignIn(partner, "partner.ru@northstar.test", "ru");
  await partner.goto("/ru/p/northstar");
  await expectNoRawKeys(partner);
  await shot(partner, "i18n-portal-home-ru");
  await partner.goto("/ru/p/northstar/referrals/new");
  await partner.getByRole("button", { name: "Отправить рекомендацию" }).click();
  await expect(partner.getByText(/Исправьте \d+ (поле|поля|полей) ниже\./)).toBeVisible();
  await expectNoRawKeys(partner);
  await shot(partner, "i18n-portal-referral-ru");
  for (const path of ["/ru/p/northstar/account", "/ru/p/northstar/links", "/ru/p/northstar/opportunities"]) {
    await partner.goto(path);
    await expectNoRawKeys(partner);
  }
  await partnerCtx.close();

  // Staff pages in Russian, reached by client-side navigation from the dashboard and by direct loads.
  const staffCtx = await browser.newContext({ locale: "ru-RU" });
  const staff = await staffCtx.newPage();
  await signIn(staff, "owner@northstar.test", "twoway-demo", "ru");
  await staff.goto("/ru/t/northstar");
  await expectNoRawKeys(staff);
  await staff.locator('a[href="/ru/t/northstar/referrals"]').first().click();
  await staff.waitForURL(/\/ru\/t\/northstar\/referrals$/);
  await expectNoRawKeys(staff);
  await shot(staff, "i18n-staff-referrals-ru");
  for (const section of ["settings", "settings/api-keys", "settings/fx", "commissions", "commissions/rules", "payouts", "compliance", "programs", "links", "partners/new", "brands/new", "creators/new", "opportunities/new", "funnel/import"]) {
    await staff.goto(`/ru/t/northstar/${section}`);
    await expectNoRawKeys(staff);
  }
  await staffCtx.close();
});
