// Issue 11's HTTP-level findings, against the production build (scripts/e2e-server.ts: no
// TRUST_PROXY, APP_URL = the local URL, the development outbox on).
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";
import { latestMailTo, signUp, unique } from "./helpers";

const port = Number(process.env.E2E_PORT);

/** This machine's first non-loopback IPv4 address: requests to it do not come from 127.0.0.1. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return null;
}

test("forwarded headers are ignored without TRUST_PROXY: magic links keep the configured host", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.50" } });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  const form = page.locator("form").nth(1);
  await form.locator('input[name="email"]').fill("partner.us@northstar.test");
  await form.getByRole("button").click();
  await page.waitForURL("**/en/check-email");
  const mail = await latestMailTo(page, "partner.us@northstar.test");
  const link = mail.match(/https?:\/\/\S+/)![0];
  expect(new URL(link).origin).toBe(`http://localhost:${port}`);
  expect(mail).not.toContain("evil.example");
  await context.close();
});

test("the outbox answers only this machine, and no forwarded header makes a stranger local", async ({ request }) => {
  expect((await request.get("/en/dev/outbox")).status()).toBe(200);
  const lan = lanAddress();
  test.skip(!lan, "no non-loopback interface on this machine");
  const remote = await request.get(`http://${lan}:${port}/en/dev/outbox`, { headers: { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", "x-twoway-client-ip": "127.0.0.1" } });
  expect(remote.status()).toBe(404);
  expect(await remote.text()).not.toContain("/api/auth/callback/email");
});

test("a staff account with a password gets no magic link unless it turned them on", async ({ page }) => {
  const email = `${unique("staff")}@e2e.test`;
  await signUp(page, "Magic Link Agency", email);
  await page.context().clearCookies();
  await page.goto("/en/sign-in");
  await page.locator("form").nth(1).locator('input[name="email"]').fill(email);
  await page.locator("form").nth(1).getByRole("button").click();
  await page.waitForURL("**/en/check-email");
  await page.goto("/en/dev/outbox");
  const mails = page.getByTestId("outbox-mail").filter({ hasText: email });
  await expect(mails.filter({ hasText: "is ready" })).toHaveCount(1);
  await expect(mails.filter({ hasText: "sign-in link" })).toHaveCount(0);
});

test("failed sign-ins count per account, whatever X-Forwarded-For says; sign-out revokes the token", async ({ page, browser, request }) => {
  const email = `${unique("locked")}@e2e.test`;
  await signUp(page, "Lockout Agency", email);
  const workspace = new URL(page.url()).pathname;

  // Sign-out revokes: the cookie saved before signing out no longer opens the workspace.
  const saved = await page.context().storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/en/sign-in");
  const replay = await browser.newContext({ storageState: saved });
  const replayed = await replay.newPage();
  await replayed.goto(workspace);
  await expect(replayed).toHaveURL(/\/en\/sign-in/);
  await replay.close();

  // 10 wrong passwords through Auth.js's own endpoint, each with a new forged address.
  for (let i = 0; i < 10; i++) {
    const csrf = await request.get("/api/auth/csrf").then((r) => r.json());
    await request.post("/api/auth/callback/credentials", {
      headers: { "x-forwarded-for": `198.51.100.${i}` },
      form: { csrfToken: csrf.csrfToken, email, password: `wrong ${i}` },
      maxRedirects: 0,
    });
  }
  // Now even the right password on the sign-in page is refused: one counter for both paths.
  await page.goto("/en/sign-in");
  const form = page.locator("form").first();
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill("a long enough password");
  await form.getByRole("button").click();
  await expect(page.getByText("Too many attempts")).toBeVisible();
});

test("security headers on pages and API; the board can be framed only by origins the agency lists", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/ru/sign-in");
  const h = res!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["strict-transport-security"]).toBeUndefined(); // plain http, and X-Forwarded-Proto is not trusted
  // Hydrated under the CSP: the client-side form works and nothing was blocked.
  await page.locator("form").first().locator('input[name="email"]').fill("x");
  await page.locator("form").first().getByRole("button").click();
  await expect(page.getByText(/Неверная эл\. почта или пароль/).first()).toBeVisible();
  expect(violations).toEqual([]);

  const api = await request.post("/api/v1/events", { data: {} });
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");

  const email = `${unique("embed")}@e2e.test`;
  const slug = await signUp(page, "Embed Agency", email);
  await page.goto(`/en/t/${slug}/settings`);
  await page.fill('textarea[name="boardEmbedOrigins"]', "https://agency.example\nnot a url");
  await page.getByRole("button", { name: "Save" }).first().click();
  await expect(page.getByText("Enter an address like https://agency.example")).toBeVisible();
  await page.fill('textarea[name="boardEmbedOrigins"]', "https://agency.example");
  await page.getByRole("button", { name: "Save" }).first().click();
  await expect(page.getByText(/Settings saved|Saved\./).first()).toBeVisible();
  const board = await request.get(`/en/o/${slug}`, { headers: { "x-twoway-frame-origins": "https://evil.example" } });
  expect(board.headers()["content-security-policy"]).toContain("frame-ancestors 'self' https://agency.example");
  expect(board.headers()["content-security-policy"]).not.toContain("evil.example");
  const staff = await request.get(`/en/t/${slug}`, { headers: { "x-twoway-frame-origins": "https://evil.example" } });
  expect(staff.headers()["content-security-policy"] ?? "frame-ancestors 'none'").toContain("frame-ancestors 'none'");
});

test("a body over the limit is answered 413 with a message, not 500", async ({ request }) => {
  const res = await request.post("/ru/sign-in", { data: Buffer.alloc(22 * 1024 * 1024, 97), headers: { "content-type": "multipart/form-data; boundary=x" } });
  expect(res.status()).toBe(413);
  expect(await res.text()).toContain("Слишком большой запрос");
});
