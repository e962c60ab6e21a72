// The owner handle: the raw client under a name that says what it is. NOT tenant-scoped and not
// under row-level security (docs/security.md, "Paths that run as the owner"). Only lib/auth imports
// this file, and lib/mail/outbox.ts its outbox handle (ESLint keeps it so): lib/auth's context
// factories look up the rows that make a context here (membership, partner seat, API key, the
// slug → tenant lookup), and hand the owner's client on only to UserContext (users, sessions,
// sign-in tokens) and SystemContext (webhooks, jobs, the seed).
import { prisma, type PrismaClient } from "./client";

export type OwnerDb = PrismaClient;

/** The owner's client. Tenant work never runs on it: contexts hand out `tenantDb(tenantId)` for that. */
export function ownerDb(): OwnerDb {
  return prisma;
}

/**
 * The part of the owner's client that identity code needs (users, sessions, sign-in tokens, the
 * memberships and partner seats of one user, the slug check of sign-up). Other tenant-owned data is
 * out of its reach by type (a `$transaction` callback still gets the whole client: sign-up creates
 * the tenant with its owner membership in one transaction).
 */
export type IdentityDb = Pick<OwnerDb, "user" | "account" | "session" | "verificationToken" | "membership" | "partner" | "tenant" | "$transaction">;

/**
 * The mail outbox's handle (lib/mail/outbox.ts): outbox rows are written as the owner — sign-in
 * links and system mail have no tenant, and the dev outbox lists every tenant's mail. Mail sits
 * below the features and lib/auth, so it gets this narrow handle here rather than a context.
 */
export type OutboxDb = Pick<OwnerDb, "outboxEmail">;

export function outboxDb(): OutboxDb {
  return prisma;
}
