// A UserContext proves a signed-in person (a session whose user still exists), before any tenant:
// choosing a workspace, accepting a staff invite, their own settings. Its `db` reaches only the
// identity tables (users, sessions, sign-in tokens, this user's memberships and partner seats) —
// global by nature, so it is the owner's client narrowed by type, not a tenant-scoped one.
import type { User } from "@/lib/db/generated/client";
import { ownerDb, type IdentityDb } from "@/lib/db/owner";

const brand: unique symbol = Symbol("UserContext");

export type UserContext = {
  readonly [brand]: true;
  readonly userId: string;
  readonly user: User;
  readonly db: IdentityDb;
};

/** The identity handle, for lib/auth's own user and sign-in-token queries (lib/auth/users.ts). */
export function identityDb(): IdentityDb {
  return ownerDb();
}

/** The context of the user with this id (from a verified session), or null when the user is gone. */
export async function resolveUserContext(userId: string): Promise<UserContext | null> {
  const user = await ownerDb().user.findUnique({ where: { id: userId } });
  if (!user) return null;
  return { [brand]: true, userId: user.id, user, db: identityDb() };
}
