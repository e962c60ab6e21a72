import { describe, expect, it } from "vitest";
import { acceptInvite } from "@/lib/staff/invites";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { hashToken } from "@/lib/staff/tokens";
import { prisma } from "../helpers/db";
import { tenantWithOwner } from "../helpers/context";

describe("staff invitations", () => {
  it("e-mails a single-use link in the chosen language; accepting creates the membership once", async () => {
    const { ctx } = await tenantWithOwner("Invite Agency");
    const { url } = await inviteStaff(ctx, { email: "olga@invite.test", role: "manager", language: "ru" }, "http://app.test");
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: "olga@invite.test" } });
    expect(mail.subject).toContain("Приглашение");
    expect(mail.text).toContain(url);
    expect(mail.tenantId).toBe(ctx.tenantId);

    const tokenHash = hashToken(url.split("/").pop()!);
    const user = await prisma.user.create({ data: { email: "olga@invite.test" } });
    const [one, two] = await Promise.all([acceptInvite(tokenHash, user), acceptInvite(tokenHash, user)]);
    expect([one.ok, two.ok].sort()).toEqual([false, true]);
    const memberships = await prisma.membership.findMany({ where: { userId: user.id } });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ tenantId: ctx.tenantId, role: "manager" });
  });

  it("refuses an expired invite and one meant for another address", async () => {
    const { ctx } = await tenantWithOwner("Expiry Agency");
    const { url, invite } = await inviteStaff(ctx, { email: "late@invite.test", role: "analyst", language: "en" }, "http://app.test");
    const tokenHash = hashToken(url.split("/").pop()!);
    const other = await prisma.user.create({ data: { email: "someone-else@invite.test" } });
    expect(await acceptInvite(tokenHash, other)).toEqual({ ok: false, code: "invite_email_mismatch" });
    await prisma.staffInvite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await prisma.user.create({ data: { email: "late@invite.test" } });
    expect(await acceptInvite(tokenHash, late)).toEqual({ ok: false, code: "invite_invalid" });
    expect(await prisma.membership.count({ where: { userId: late.id } })).toBe(0);
  });
});
