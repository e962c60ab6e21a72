import { describe, expect, inject, it } from "vitest";
import { createTenantFixture, prisma } from "../helpers/db";

describe("test database helpers", () => {
  it("points the shared Prisma client at the per-run test database", async () => {
    const url = inject("databaseUrl");
    expect(process.env.DATABASE_URL).toBe(url);
    const [{ db }] = await prisma.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
    expect(db).toBe(new URL(url).pathname.slice(1));
    expect(db).toMatch(/^twoway_test_\d+_[a-z0-9]+$/);
  });

  it("creates independent tenant fixtures", async () => {
    const [a, b] = await Promise.all([createTenantFixture("Acme Co"), createTenantFixture("Acme Co")]);
    expect(a.slug).not.toBe(b.slug);
    const membership = await prisma.membership.findUniqueOrThrow({
      where: { tenantId_userId: { tenantId: a.tenantId, userId: a.userId } },
    });
    expect(membership.role).toBe("owner");
  });
});
