import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { SIGN_IN_FAILURES_PER_ACCOUNT } from "@/lib/auth/rate-limit";
import { signUp, slugify } from "@/lib/auth/sign-up";
import { prisma } from "../helpers/db";

async function userWithPassword(password: string) {
  const email = `user-${randomBytes(4).toString("hex")}@auth.test`;
  await prisma.user.create({ data: { email, passwordHash: await hashPassword(password) } });
  return email;
}

describe("password sign-in", () => {
  it("accepts the right password, case-insensitive e-mail", async () => {
    const email = await userWithPassword("correct horse battery");
    const result = await checkCredentials({ email: email.toUpperCase(), password: "correct horse battery" }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email } });
  });

  it("answers a wrong password and an unknown e-mail identically", async () => {
    const email = await userWithPassword("correct horse battery");
    const wrong = await checkCredentials({ email, password: "wrong" }, "10.0.0.2");
    const unknown = await checkCredentials({ email: "nobody@auth.test", password: "wrong" }, "10.0.0.2");
    expect(wrong).toEqual({ ok: false, code: "invalid_credentials" });
    expect(unknown).toEqual(wrong);
  });

  it("blocks an account after 10 failures from any mix of addresses, even with the right password", async () => {
    const email = await userWithPassword("right password 1");
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++) {
      // A new (forged) address per attempt must not reset the account's counter.
      expect(await checkCredentials({ email, password: `bad ${i}` }, `10.0.3.${i}`)).toEqual({ ok: false, code: "invalid_credentials" });
    }
    expect(await checkCredentials({ email, password: "right password 1" }, "10.0.0.3")).toEqual({ ok: false, code: "rate_limited" });
    expect(await checkCredentials({ email, password: "right password 1" }, "10.0.9.9")).toEqual({ ok: false, code: "rate_limited" });
    // The counter lives in PostgreSQL (shared by every app instance), not in this process.
    const row = await prisma.rateLimit.findUnique({ where: { key: `signin-account:${email}` } });
    expect(row?.points).toBe(SIGN_IN_FAILURES_PER_ACCOUNT);
  });

  it("rejects malformed input without touching the database", async () => {
    expect(await checkCredentials({ email: "not-an-email", password: "" }, "10.0.0.5")).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await checkCredentials(null, "10.0.0.5")).toEqual({ ok: false, code: "invalid_credentials" });
  });
});

describe("sign-up", () => {
  it("creates a tenant with its owner and a unique slug", async () => {
    const email = `founder-${randomBytes(4).toString("hex")}@agency.test`;
    const first = await signUp({ agencyName: "Мост Медиа", name: "Ольга", email, password: "long enough pw" }, "ru");
    if (!first.created) throw new Error("not created");
    expect(first.tenant).toMatchObject({ slug: expect.stringMatching(/^most-media/), reportingCurrency: "RUB", defaultLocale: "ru" });
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: first.user.id } });
    expect(membership).toMatchObject({ tenantId: first.tenant.id, role: "owner" });
    expect(await checkCredentials({ email, password: "long enough pw" }, "10.0.1.1")).toMatchObject({ ok: true });

    const second = await signUp({ agencyName: "Мост Медиа", name: "Ivan", email: `x-${email}`, password: "long enough pw" }, "en");
    if (!second.created) throw new Error("not created");
    expect(second.tenant.slug).not.toBe(first.tenant.slug);
    // An existing e-mail creates nothing; the caller answers exactly as for a new one.
    const tenants = await prisma.tenant.count();
    await expect(signUp({ agencyName: "Other", name: "O", email, password: "long enough pw" }, "en")).resolves.toEqual({ created: false });
    expect(await prisma.tenant.count()).toBe(tenants);
  });

  it("transliterates Cyrillic agency names into URL slugs", () => {
    expect(slugify("Агентство «Щука & Ёж»")).toBe("agentstvo-shchuka-ezh");
    expect(slugify("!!!")).toBe("agency");
  });
});
