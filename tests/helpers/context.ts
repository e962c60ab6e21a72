import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/db/generated/enums";
import { resolveTenantContext, type TenantContext } from "@/lib/auth/contexts/tenant";
import { createTenantFixture, prisma, type TenantFixture } from "./db";

/** A tenant plus a TenantContext for its owner, obtained the same way the guard obtains it. */
export async function tenantWithOwner(name: string): Promise<{ fixture: TenantFixture; ctx: TenantContext }> {
  const fixture = await createTenantFixture(name);
  const ctx = await resolveTenantContext(fixture.userId, fixture.slug);
  if (!ctx) throw new Error("owner has no context");
  return { fixture, ctx };
}

/** Adds a staff member with `role` to the tenant and returns their context. */
export async function memberContext(fixture: TenantFixture, role: Role): Promise<TenantContext> {
  const user = await prisma.user.create({ data: { email: `${role}-${randomBytes(4).toString("hex")}@staff.test` } });
  await prisma.membership.create({ data: { tenantId: fixture.tenantId, userId: user.id, role } });
  const ctx = await resolveTenantContext(user.id, fixture.slug);
  if (!ctx) throw new Error("member has no context");
  return ctx;
}
