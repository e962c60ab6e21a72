// Accepting a partner invite happens before the person can sign in, so the invite is found by
// the hash of its secret token — globally, not by tenant. A token resolves to its own tenant and
// partner row and to nothing else. Single use and expiry are enforced atomically. Owner work
// through a SystemContext (the user row and the sign-in token are global, and all of it is one
// transaction), like every secret-token lookup (docs/security.md).
import { systemContext } from "@/lib/auth/contexts/system";
import { createEmailSignInToken } from "@/lib/auth/sign-in-tokens";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";

const system = () => systemContext("partner-invite");

/** What the public invite page may show: the agency, the invitee and their programs. */
export function findPartnerInviteByTokenHash(tokenHash: string) {
  return system().db.partnerInvite.findUnique({
    where: { tokenHash },
    select: {
      expiresAt: true,
      acceptedAt: true,
      tenant: { select: { name: true, slug: true, timeZone: true } },
      partner: {
        select: {
          name: true,
          email: true,
          status: true,
          enrolments: {
            where: { program: { archivedAt: null } },
            orderBy: { createdAt: "asc" },
            select: { program: { select: { id: true, name: true, description: true, markets: true } } },
          },
        },
      },
    },
  });
}

export type AcceptPartnerInviteResult =
  | { ok: true; tenantSlug: string; partnerId: string; userId: string; email: string; signInToken: string }
  | { ok: false; code: "invite_invalid" };

/** Thrown inside the transaction to roll back everything it did so far. */
class Refused extends Error {}

/**
 * Marks the invite used, finds or creates the user for the partner's e-mail (no password), links
 * the partner row, makes it active, audits, and issues a one-time Auth.js sign-in token — all in
 * one transaction. The conditional update (acceptedAt IS NULL AND not expired) lets exactly one
 * of several concurrent acceptances win; a partner suspended or removed meanwhile is refused.
 */
export async function acceptPartnerInvite(tokenHash: string): Promise<AcceptPartnerInviteResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await acceptOnce(tokenHash);
    } catch (error) {
      if (error instanceof Refused) return { ok: false, code: "invite_invalid" };
      // Two agencies' invites for one new person accepted at the same moment: the user now exists.
      if (isUniqueViolation(error) && attempt < 2) continue;
      throw error;
    }
  }
}

function acceptOnce(tokenHash: string) {
  return system().db.$transaction(async (tx) => {
    const now = new Date();
    const invite = await tx.partnerInvite.findUnique({
      where: { tokenHash },
      include: { partner: true, tenant: { select: { slug: true } } },
    });
    if (!invite) throw new Refused();
    const used = await tx.partnerInvite.updateMany({
      where: { id: invite.id, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (used.count === 0) throw new Refused();
    const { partner } = invite;
    const user = await tx.user.upsert({
      where: { email: partner.email },
      create: { email: partner.email, name: partner.name, locale: partner.preferredLocale, emailVerified: now },
      update: {},
    });
    const linked = await tx.partner.updateMany({
      where: { id: partner.id, tenantId: invite.tenantId, status: { in: ["invited", "active"] } },
      data: { userId: user.id, status: "active" },
    });
    if (linked.count === 0) throw new Refused();
    await tx.auditLog.create({
      data: {
        tenantId: invite.tenantId, actorUserId: user.id, action: "partner.joined", entityType: "Partner",
        entityId: partner.id, data: { inviteId: invite.id },
      },
    });
    const signInToken = await createEmailSignInToken(user.email, tx);
    return { ok: true, tenantSlug: invite.tenant.slug, partnerId: partner.id, userId: user.id, email: user.email, signInToken } as const;
  });
}
