// Regression tests for the security findings of issue 11 that live below HTTP (the HTTP-level
// ones — forwarded headers, the outbox, response headers, 413, sign-out — are in
// tests/e2e/security.spec.ts against the built server).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { sendMagicLink } from "@/lib/auth/magic-link";
import { checkSessionToken } from "@/lib/auth/session-token";
import { sendSignUpMail, signUp } from "@/lib/auth/sign-up";
import { createFrameOriginsLookup } from "@/lib/http/board-frame-origins";
import { postgresLimiter } from "@/lib/db/rate-limit-store";
import { bumpSessionVersion } from "@/lib/auth/users";
import { prisma } from "../helpers/db";

const email = (p: string) => `${p}-${randomBytes(4).toString("hex")}@security.test`;
const mailsTo = (to: string) => prisma.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

const savedUrl = process.env.APP_URL;
beforeAll(() => {
  process.env.APP_URL = "https://app.twoway.example";
});
afterAll(() => {
  if (savedUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = savedUrl;
});

describe("magic links", () => {
  const poisoned = (to: string) => `https://evil.example/api/auth/callback/email?callbackUrl=%2Fen&token=tok123&email=${encodeURIComponent(to)}`;

  it("are built on the configured base URL, whatever host the request claimed", async () => {
    const to = email("partner");
    await prisma.user.create({ data: { email: to, locale: "ru" } });
    expect(await sendMagicLink({ email: to, url: poisoned(to), ip: "203.0.113.1" })).toBe("sent");
    const [mail] = await mailsTo(to);
    expect(mail.text).toContain("https://app.twoway.example/api/auth/callback/email?callbackUrl=%2Fen&token=tok123");
    expect(mail.text).not.toContain("evil.example");
  });

  it("never reach a staff account with a password unless its owner turned them on", async () => {
    const to = email("staff");
    const user = await prisma.user.create({ data: { email: to, passwordHash: await hashPassword("a staff password") } });
    // A partner with a password still gets links (that is how partners sign in)…
    expect(await sendMagicLink({ email: to, url: poisoned(to), ip: "203.0.113.2" })).toBe("sent");
    await prisma.outboxEmail.deleteMany({ where: { to } });
    // …staff do not.
    const tenant = await prisma.tenant.create({ data: { slug: `staff-${randomBytes(3).toString("hex")}`, name: "Staff" } });
    await prisma.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "manager" } });
    expect(await sendMagicLink({ email: to, url: poisoned(to), ip: "203.0.113.2" })).toBe("not_allowed");
    expect(await mailsTo(to)).toHaveLength(0);
    await prisma.user.update({ where: { id: user.id }, data: { magicLinkSignIn: true } });
    expect(await sendMagicLink({ email: to, url: poisoned(to), ip: "203.0.113.2" })).toBe("sent");
    expect(await mailsTo(to)).toHaveLength(1);
  });

  it("send nothing for unknown addresses and stop after 5 per hour per address", async () => {
    expect(await sendMagicLink({ email: email("nobody"), url: poisoned("x"), ip: "203.0.113.3" })).toBe("no_account");
    const to = email("flood");
    await prisma.user.create({ data: { email: to } });
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await sendMagicLink({ email: to, url: poisoned(to), ip: `198.51.100.${i}` }));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(5);
    expect(outcomes.slice(5)).toEqual(["rate_limited", "rate_limited"]);
  });
});

describe("session versions", () => {
  it("void every token of a user once the version is bumped (sign-out, sign-out everywhere)", async () => {
    const user = await prisma.user.create({ data: { email: email("session") } });
    const issued = await checkSessionToken({ sub: user.id }, user.id);
    expect(issued).toMatchObject({ sub: user.id, sv: 0 });
    expect(await checkSessionToken(issued!)).toEqual(issued);
    await bumpSessionVersion(user.id);
    expect(await checkSessionToken(issued!)).toBeNull();
    // A fresh sign-in gets the new version and works.
    const again = await checkSessionToken({ sub: user.id }, user.id);
    expect(await checkSessionToken(again!)).toMatchObject({ sv: 1 });
  });

  it("refuse tokens without a version or for deleted users", async () => {
    const user = await prisma.user.create({ data: { email: email("gone") } });
    expect(await checkSessionToken({ sub: user.id })).toBeNull();
    const token = await checkSessionToken({ sub: user.id }, user.id);
    await prisma.user.delete({ where: { id: user.id } });
    expect(await checkSessionToken(token!)).toBeNull();
  });
});

describe("sign-up", () => {
  it("answers an existing e-mail like a new one and tells the address's owner by mail", async () => {
    const input = { agencyName: "Ромашка", name: "Анна", email: email("founder"), password: "long enough pw" };
    const created = await signUp(input, "ru");
    await sendSignUpMail(input, created, "ru");
    const again = await signUp({ ...input, agencyName: "Другое" }, "ru");
    expect(again).toEqual({ created: false });
    await sendSignUpMail(input, again, "ru");
    const mails = await mailsTo(input.email);
    expect(mails.map((m) => m.subject)).toEqual(["Ваше пространство в Twoway готово", "Кто-то пытался зарегистрироваться с вашим адресом"]);
    expect(mails[0].text).toMatch(/^Здравствуйте, Анна!/);
    expect(mails[0].text).toContain("https://app.twoway.example/ru/sign-in?next=");
    expect(mails[1].text).toContain("https://app.twoway.example/ru/sign-in");
  });
});

describe("rate limits in PostgreSQL", () => {
  it("are shared between limiter instances (as between app processes)", async () => {
    const name = `shared-${randomBytes(3).toString("hex")}`;
    const a = postgresLimiter(name, 3, 60);
    const b = postgresLimiter(name, 3, 60);
    expect((await a.consume("k")).ok).toBe(true);
    expect((await b.consume("k")).ok).toBe(true);
    expect((await a.consume("k")).ok).toBe(true);
    const refused = await b.consume("k");
    expect(refused.ok).toBe(false);
    expect(await a.isBlocked("k")).toBe(true);
    await a.reset("k");
    expect(await b.isBlocked("k")).toBe(false);
  });

  it("hash keys too long for the column", async () => {
    const l = postgresLimiter(`long-${randomBytes(3).toString("hex")}`, 1, 60);
    expect((await l.consume("x".repeat(5000))).ok).toBe(true);
    expect((await l.consume("x".repeat(5000))).ok).toBe(false);
  });
});

describe("board frame origins", () => {
  it("come from the tenant's settings by public slug, nothing for others", async () => {
    const slug = `frame-${randomBytes(3).toString("hex")}`;
    await prisma.tenant.create({ data: { slug, name: "Frame", boardEmbedOrigins: ["https://agency.example", "javascript:alert(1)"] } });
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    try {
      const lookup = createFrameOriginsLookup(pool);
      expect(await lookup(slug)).toEqual(["https://agency.example"]);
      expect(await lookup("no-such-tenant")).toEqual([]);
    } finally {
      await pool.end();
    }
  });
});
