// Staff notifications are tenant-owned and personal: another tenant can never list, read or mark
// them — through the tenant client (first wall) nor raw SQL that forgets the tenant (RLS, second
// wall) — and within a tenant a staff member sees and marks only their own.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { tenantDb } from "@/lib/db/tenant-client";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from "@/lib/notifications/inbox";
import { sendStaffMail } from "@/lib/notifications/mail";
import { notifyStaff } from "@/lib/notifications/notify-staff";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";

vi.mock("server-only", () => ({}));

type Side = { fixture: TenantFixture; owner: TenantContext; manager: TenantContext; ownerItem: string; managerItem: string };
let a: Side;
let b: Side;
/** A member of both tenants, as staff of agencies often are. */
let both: { inA: TenantContext; inB: TenantContext };

async function side(name: string): Promise<Side> {
  const { fixture, ctx: owner } = await tenantWithOwner(name);
  const manager = await memberContext(fixture, "manager");
  await notifyStaff(owner.db, {
    tenantId: fixture.tenantId, kind: "referral_submitted", dedupeKey: `referral_submitted:${name}`,
    params: { referralId: `ref-${name}`, subjectName: `${name} Brand`, partnerName: `${name} Partner` },
  });
  const item = (userId: string) => prisma.staffNotification.findFirstOrThrow({ where: { tenantId: fixture.tenantId, userId } }).then((n) => n.id);
  return { fixture, owner, manager, ownerItem: await item(owner.userId), managerItem: await item(manager.userId) };
}

beforeAll(async () => {
  a = await side(`Inbox A ${randomBytes(2).toString("hex")}`);
  b = await side(`Inbox B ${randomBytes(2).toString("hex")}`);
  const user = await prisma.user.create({ data: { email: `both-${randomBytes(4).toString("hex")}@staff.test` } });
  await prisma.membership.createMany({ data: [{ tenantId: a.fixture.tenantId, userId: user.id, role: "admin" }, { tenantId: b.fixture.tenantId, userId: user.id, role: "admin" }] });
  const { resolveTenantContext } = await import("@/lib/auth/contexts/tenant");
  both = { inA: (await resolveTenantContext(user.id, a.fixture.slug))!, inB: (await resolveTenantContext(user.id, b.fixture.slug))! };
  await notifyStaff(a.owner.db, {
    tenantId: a.fixture.tenantId, kind: "webhook_failing", dedupeKey: "webhook_failing:a", params: { endpointUrl: "https://a.test/hook", failures: 5 },
  });
});

describe("between tenants", () => {
  it("another tenant's client neither lists, finds, counts nor marks them", async () => {
    const asB = tenantDb(b.fixture.tenantId);
    const ids = (await asB.staffNotification.findMany()).map((n) => n.id);
    expect(ids).toContain(b.ownerItem);
    expect(ids).not.toContain(a.ownerItem);
    expect(await asB.staffNotification.findFirst({ where: { id: a.ownerItem } })).toBeNull();
    expect(await asB.staffNotification.count({ where: { userId: a.owner.userId } })).toBe(0);
    expect((await asB.staffNotification.updateMany({ where: { id: a.ownerItem }, data: { readAt: new Date() } })).count).toBe(0);
    expect(await markNotificationRead(b.owner, a.ownerItem)).toBe(false);
    expect((await prisma.staffNotification.findUniqueOrThrow({ where: { id: a.ownerItem } })).readAt).toBeNull();
  });

  it("raw SQL without a tenant filter sees only its own tenant's rows, and cannot write into another (RLS)", async () => {
    const asB = tenantDb(b.fixture.tenantId);
    const rows = await asB.$queryRaw<{ tenantId: string }[]>`SELECT "tenantId" FROM "StaffNotification"`;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.tenantId))).toEqual(new Set([b.fixture.tenantId]));
    expect(await asB.$executeRaw`UPDATE "StaffNotification" SET "readAt" = now() WHERE "id" = ${a.ownerItem}`).toBe(0);
    await expect(asB.$executeRaw`INSERT INTO "StaffNotification" ("id", "tenantId", "userId", "kind", "dedupeKey")
      VALUES (${`x-${randomBytes(4).toString("hex")}`}, ${a.fixture.tenantId}, ${a.owner.userId}, 'referral_submitted', 'forged')`).rejects.toThrow(/row-level security/);
  });

  it("a member of both agencies sees each agency's items only in that agency, and marking all read in one leaves the other", async () => {
    expect((await listNotifications(both.inA)).map((n) => n.kind)).toEqual(["webhook_failing"]);
    expect(await listNotifications(both.inB)).toEqual([]);
    await notifyStaff(b.owner.db, {
      tenantId: b.fixture.tenantId, kind: "webhook_failing", dedupeKey: "webhook_failing:b", params: { endpointUrl: "https://b.test/hook", failures: 3 },
    });
    await markAllNotificationsRead(both.inA);
    expect(await unreadCount(both.inA)).toBe(0);
    expect(await unreadCount(both.inB)).toBe(1);
  });

  it("B's scope asked to mail A's staff member claims and mails nothing", async () => {
    const far = new Date(Date.now() + 3_600_000);
    expect(await sendStaffMail(b.fixture.tenantId, a.owner.userId, { now: far, cutoff: far, appUrl: "https://app.test" })).toBeNull();
    expect((await prisma.staffNotification.findUniqueOrThrow({ where: { id: a.ownerItem } })).mailedAt).toBeNull();
  });
});

describe("within a tenant", () => {
  it("each staff member lists and marks only their own items", async () => {
    expect((await listNotifications(a.manager)).map((n) => n.id)).toEqual([a.managerItem]);
    expect((await listNotifications(a.owner)).map((n) => n.id)).toContain(a.ownerItem);
    expect((await listNotifications(a.owner)).map((n) => n.id)).not.toContain(a.managerItem);
    expect(await markNotificationRead(a.manager, a.ownerItem)).toBe(false);
    await markAllNotificationsRead(a.manager);
    expect((await prisma.staffNotification.findUniqueOrThrow({ where: { id: a.ownerItem } })).readAt).toBeNull();
    expect((await prisma.staffNotification.findUniqueOrThrow({ where: { id: a.managerItem } })).readAt).not.toBeNull();
  });
});
