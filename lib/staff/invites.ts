// Accepting an invite happens before the person has a membership, so the invite is found by
// the hash of its secret token (not by tenant): owner work through a SystemContext, like every
// secret-token lookup (docs/security.md). Single use and expiry are enforced atomically.
import { systemContext } from "@/lib/auth/contexts/system";

const system = () => systemContext("staff-invite");

export function findInviteByTokenHash(tokenHash: string) {
  return system().db.staffInvite.findUnique({ where: { tokenHash }, include: { tenant: { select: { name: true, slug: true } } } });
}

export type AcceptResult = { ok: true; tenantSlug: string } | { ok: false; code: "invite_invalid" | "invite_email_mismatch" };

/**
 * Marks the invite used and creates the membership in one transaction. The conditional update
 * (acceptedAt IS NULL AND not expired) makes a second, concurrent acceptance fail cleanly.
 */
export async function acceptInvite(tokenHash: string, user: { id: string; email: string }): Promise<AcceptResult> {
  return system().db.$transaction(async (tx) => {
    const invite = await tx.staffInvite.findUnique({ where: { tokenHash }, include: { tenant: true } });
    if (!invite) return { ok: false, code: "invite_invalid" } as const;
    if (invite.email !== user.email.toLowerCase()) return { ok: false, code: "invite_email_mismatch" } as const;
    const { count } = await tx.staffInvite.updateMany({
      where: { id: invite.id, acceptedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (count === 0) return { ok: false, code: "invite_invalid" } as const;
    await tx.membership.upsert({
      where: { tenantId_userId: { tenantId: invite.tenantId, userId: user.id } },
      create: { tenantId: invite.tenantId, userId: user.id, role: invite.role },
      update: {},
    });
    await tx.auditLog.create({
      data: { tenantId: invite.tenantId, actorUserId: user.id, action: "staff.joined", entityType: "StaffInvite", entityId: invite.id },
    });
    return { ok: true, tenantSlug: invite.tenant.slug } as const;
  });
}

/** New person accepting an invite: creates the user with a password, then accepts. */
export async function createUserForInvite(input: { email: string; name: string; passwordHash: string; locale: string }) {
  return system().db.user.create({ data: { email: input.email, name: input.name, passwordHash: input.passwordHash, locale: input.locale } });
}
