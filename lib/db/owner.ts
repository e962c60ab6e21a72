// The owner handle: the raw client under a name that says what it is. NOT tenant-scoped and not
// under row-level security (docs/security.md, "Paths that run as the owner"). Only lib/auth imports
// this file (ESLint keeps it so): its context factories look up the rows that make a context here
// (membership, partner seat, API key, the slug → tenant lookup), and hand this handle on only to
// UserContext (users, sessions, sign-in tokens) and SystemContext (webhooks, jobs, the seed).
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
