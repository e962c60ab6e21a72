// Users and memberships are global (one person can belong to several tenants), so they are
// read here on the identity handle (the owner's client, narrowed: lib/auth/contexts/user.ts),
// always keyed by the signed-in user's id or e-mail.
import type { Role } from "@/lib/db/generated/enums";
import { identityDb } from "./contexts/user";

const db = () => identityDb();

export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export function findUserById(id: string) {
  return db().user.findUnique({ where: { id } });
}

export function setUserLocale(userId: string, locale: string) {
  return db().user.update({ where: { id: userId }, data: { locale } });
}

export function listMemberships(userId: string) {
  return db().membership.findMany({
    where: { userId },
    include: { tenant: { select: { slug: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** Partner seats of this user across tenants (for the portal). */
export function listPartnerSeats(userId: string) {
  return db().partner.findMany({
    where: { userId, status: "active" },
    include: { tenant: { select: { slug: true, name: true } } },
  });
}

export function isSlugTaken(slug: string) {
  return db().tenant.findUnique({ where: { slug }, select: { id: true } }).then(Boolean);
}

/** Sign-up: a new user, a new agency tenant and the owner membership, atomically. */
export async function createUserWithTenant(input: {
  email: string;
  name: string;
  passwordHash: string;
  locale: string;
  tenantName: string;
  tenantSlug: string;
  /** The agency's IANA zone (validated by the caller); UTC when not given. */
  timeZone?: string;
}) {
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash: input.passwordHash, locale: input.locale },
    });
    const tenant = await tx.tenant.create({
      data: {
        name: input.tenantName,
        slug: input.tenantSlug,
        defaultLocale: input.locale,
        reportingCurrency: input.locale === "ru" ? "RUB" : "USD",
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      },
    });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
    await tx.auditLog.create({
      data: { tenantId: tenant.id, actorUserId: user.id, action: "tenant.created", entityType: "Tenant", entityId: tenant.id },
    });
    return { user, tenant };
  });
}

export function addMembership(tenantId: string, userId: string, role: Role) {
  return db().membership.upsert({
    where: { tenantId_userId: { tenantId, userId } },
    create: { tenantId, userId, role },
    update: {},
  });
}

/** The current session version (null for a deleted user): tokens carrying another one are void. */
export async function sessionVersionOf(userId: string): Promise<number | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user ? user.sessionVersion : null;
}

/** Ends every session of the user (sign-out, sign-out everywhere, password change, removal). */
export async function bumpSessionVersion(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Staff with a password choose whether a magic link may sign them in. */
export async function setMagicLinkSignIn(userId: string, enabled: boolean): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { magicLinkSignIn: enabled } });
}

/** A person's own time zone (IANA, validated by the caller's schema), or null to read times in each agency's zone. */
export async function setPersonalTimeZone(userId: string, timeZone: string | null): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { timeZone } });
}

/** Whether the user belongs to any agency as staff (has a membership). */
export async function isStaffMember(userId: string): Promise<boolean> {
  return (await db().membership.count({ where: { userId } })) > 0;
}
