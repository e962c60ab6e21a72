import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";

export { prisma };

export type TenantFixture = { tenantId: string; slug: string; userId: string; email: string; membershipId: string };

// A tenant with an owner. Slugs and e-mails are unique per call, so tests never collide.
export async function createTenantFixture(name = "Test Tenant"): Promise<TenantFixture> {
  const suffix = randomBytes(4).toString("hex");
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "tenant";
  const slug = `${base}-${suffix}`;
  const email = `owner-${suffix}@${base}.test`;
  const tenant = await prisma.tenant.create({ data: { slug, name } });
  const user = await prisma.user.create({ data: { email, name: `${name} Owner` } });
  const membership = await prisma.membership.create({
    data: { tenantId: tenant.id, userId: user.id, role: "owner" },
  });
  return { tenantId: tenant.id, slug, userId: user.id, email, membershipId: membership.id };
}
