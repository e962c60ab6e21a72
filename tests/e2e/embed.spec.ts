import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signUp, unique } from "./helpers";

// Issue 16, part 6 (docs/embedding.md): an agency lists its site, pastes the snippet from Settings, and
// a visitor of that site sees the board and an application form in frames that grow with their
// content, in the visitor's language. The same snippet on a site the agency did not list is refused by
// the browser (frame-ancestors). Both "sites" are small servers this test runs on localhost (the e2e
// server allows http://localhost origins: EMBED_ALLOW_LOCALHOST=1 in scripts/e2e-server.ts).

function hostServer(html: () => string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html());
  });
  return new Promise<{ origin: string; close: () => void }>((resolve) => {
    server.listen(0, () => resolve({ origin: `http://localhost:${(server.address() as AddressInfo).port}`, close: () => server.close() }));
  });
}

const frameHeight = (page: Page, kind: string) => page.locator(`iframe[data-twoway-embed="${kind}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().height));
/** The height of the embedded page's content, as its resizer measures it. */
const contentHeight = async (page: Page, path: RegExp) => {
  const frame = page.frames().find((f) => path.test(f.url()));
  if (!frame) return -1;
  return frame.evaluate(() => Math.ceil(document.querySelector<HTMLElement>(".flow-root")?.getBoundingClientRect().height ?? -1)).catch(() => -1);
};

test("the board and an application form embed on a listed site, resize, follow the visitor's language, and are refused elsewhere", async ({ page, browser, baseURL, request }) => {
  const app = new URL(baseURL!).origin;
  let snippet = "";
  const page$ = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency site</title></head><body style="margin:0;font:16px sans-serif"><h1>Agency site</h1>${snippet}<p>Footer</p></body></html>`;
  const allowed = await hostServer(page$);
  const other = await hostServer(page$);
  try {
    const slug = await signUp(page, "Embed Agency", `${unique("embed")}@e2e.test`);
    await page.goto(`/en/t/${slug}/programs`);
    await page.fill('input[name="name"]', "Open Partners");
    await page.selectOption('select[name="access"]', "open");
    await page.locator('input[name="markets[]"][value="US"]').check();
    await page.locator('input[name="markets[]"][value="RU"]').check();
    await page.getByRole("button", { name: "Create program" }).click();
    await expect(page.getByRole("heading", { name: "Open Partners" })).toBeVisible();

    // Settings: https only — an http site is refused — then the local "site" (allowed outside production).
    await page.goto(`/en/t/${slug}/settings`);
    await page.fill('textarea[name="boardEmbedOrigins"]', "http://agency.example");
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect(page.getByText("Enter an address like https://agency.example")).toBeVisible();
    await page.fill('textarea[name="boardEmbedOrigins"]', allowed.origin);
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect(page.getByText(/Settings saved|Saved\./).first()).toBeVisible();
    await page.reload();
    const snippets = page.getByTestId("embed-snippets");
    await expect(snippets).toContainText(allowed.origin);
    const [boardTag, applyTag] = await snippets.locator("pre").allInnerTexts();
    expect(boardTag).toBe(`<script src="${app}/embed.js" data-tenant="${slug}" async></script>`);
    expect(applyTag).toMatch(new RegExp(`data-tenant="${slug}" data-program="[^"]+" async`));

    const headers = (await request.get(`/en/embed/${slug}/board`)).headers();
    expect(headers["content-security-policy"]).toMatch(new RegExp(`frame-ancestors 'self' ${allowed.origin}$`));
    expect(headers["x-frame-options"]).toBeUndefined();
    expect((await request.get(`/en/o/${slug}/no-such-page`)).headers()["x-frame-options"]).toBeUndefined();
    expect((await request.get("/en/sign-in")).headers()["x-frame-options"]).toBe("DENY");

    // A Russian-speaking visitor of the agency's site: the board in Russian (no data-locale), the form as the tag says.
    snippet = `${boardTag.replace("async>", 'data-height="150" async>')}\n${applyTag.replace("async>", 'data-locale="en" data-height="150" async>')}`;
    const visitor = await browser.newContext({ locale: "ru-RU" });
    const v = await visitor.newPage();
    await v.goto(`${allowed.origin}/`);
    const board = v.frameLocator('iframe[data-twoway-embed="board"]');
    await expect(board.getByRole("heading", { level: 1 })).toHaveText("Открытые предложения");
    await expect(board.locator("html")).toHaveAttribute("lang", "ru");
    await expect(board.getByRole("banner")).toHaveCount(0); // chrome-less: no header of Twoway's own
    const apply = v.frameLocator('iframe[data-twoway-embed="apply"]');
    await expect(apply.getByRole("heading", { level: 1 })).toContainText("Open Partners");
    await expect(apply.locator("html")).toHaveAttribute("lang", "en");

    // Each frame takes its content's height (it started at 150 px).
    const boardPath = new RegExp(`/ru/embed/${slug}/board$`);
    const applyPath = new RegExp(`/en/embed/${slug}/apply/`);
    await expect.poll(async () => (await frameHeight(v, "board")) - (await contentHeight(v, boardPath))).toBe(0);
    expect(await frameHeight(v, "board")).not.toBe(150);
    await expect.poll(async () => (await frameHeight(v, "apply")) - (await contentHeight(v, applyPath))).toBe(0);
    const before = await frameHeight(v, "apply");
    expect(before).toBeGreaterThan(150);

    // The form grows (error messages under the fields): the frame follows.
    await apply.getByRole("button", { name: /apply|submit|send/i }).first().click();
    await expect(apply.locator("[data-field-error]").first()).toBeVisible();
    await expect.poll(async () => (await frameHeight(v, "apply")) - (await contentHeight(v, applyPath))).toBe(0);
    expect(await frameHeight(v, "apply")).toBeGreaterThan(before);

    // A resize message from anyone but the frame's own page (here: the host page itself) is ignored.
    const held = await frameHeight(v, "board");
    await v.evaluate(() => window.postMessage({ type: "twoway:embed-resize", height: 3000 }, "*"));
    await v.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await frameHeight(v, "board")).toBe(held);

    // The same snippet on a site the agency did not list: the browser refuses to show the page.
    const refused: string[] = [];
    v.on("console", (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
    await v.goto(`${other.origin}/`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(refused[0]).toContain(`frame-ancestors 'self' ${allowed.origin}`);
    await expect(v.frameLocator('iframe[data-twoway-embed="board"]').getByRole("heading", { name: "Открытые предложения" })).toHaveCount(0);
    expect(await frameHeight(v, "board")).toBe(150);
    await visitor.close();
  } finally {
    allowed.close();
    other.close();
  }
});
