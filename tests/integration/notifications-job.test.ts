// The staff-mail job is idempotent: a run killed after storing the mail but before its commit leaves
// no mail and nothing marked; the rerun mails each item once. The tasks are registered in the worker.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { crontab, makeTasks } from "@/lib/jobs/tasks";
import { STAFF_MAIL_TASK, sweepStaffNotifications } from "@/lib/notifications/mail";
import { notifyStaff } from "@/lib/notifications/notify-staff";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";

vi.mock("server-only", () => ({}));
// The first storeEmail of a tenant transaction "crashes" right after writing the row (the process
// dying mid-transaction looks the same to the database: the transaction never commits).
const crash = vi.hoisted(() => ({ armed: false, to: "" }));
vi.mock("@/lib/mail/outbox", async (original) => {
  const real = await original<typeof import("@/lib/mail/outbox")>();
  return {
    ...real,
    storeEmail: async (...args: Parameters<typeof real.storeEmail>) => {
      const row = await real.storeEmail(...args);
      if (crash.armed && args[0].to === crash.to) {
        crash.armed = false;
        throw new Error("killed mid-way");
      }
      return row;
    },
  };
});

let owner: TenantContext;
let email: string;

beforeAll(async () => {
  ({ ctx: owner } = await tenantWithOwner(`Job Agency ${randomBytes(2).toString("hex")}`));
  email = (await prisma.user.findUniqueOrThrow({ where: { id: owner.userId } })).email;
  for (const n of [1, 2]) {
    await notifyStaff(owner.db, {
      tenantId: owner.tenantId, kind: "webhook_failing", dedupeKey: `webhook_failing:job-${n}`, params: { endpointUrl: `https://crm-${n}.test/hook`, failures: 5 },
    });
  }
});

describe("mail:staff-notifications", () => {
  it("is in the crontab and the task list", () => {
    expect(crontab).toContain(`* * * * * ${STAFF_MAIL_TASK} `);
    expect(crontab).toContain("notifications:stale-referrals");
    const tasks = makeTasks(() => false);
    expect(typeof tasks[STAFF_MAIL_TASK]).toBe("function");
    expect(typeof tasks["notifications:stale-referrals"]).toBe("function");
  });

  it("killed mid-way, then rerun: one mail with both items", async () => {
    const later = new Date(Date.now() + 61_000);
    Object.assign(crash, { armed: true, to: email });
    await sweepStaffNotifications({ appUrl: "https://app.test", now: later });
    expect(crash.armed).toBe(false); // it did crash
    expect(await prisma.outboxEmail.count({ where: { to: email } })).toBe(0);
    expect(await prisma.staffNotification.count({ where: { userId: owner.userId, mailedAt: null } })).toBe(2);

    await sweepStaffNotifications({ appUrl: "https://app.test", now: later });
    await sweepStaffNotifications({ appUrl: "https://app.test", now: later });
    const mails = await prisma.outboxEmail.findMany({ where: { to: email } });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/^2 new notifications — Job Agency/);
    expect(mails[0].text).toContain("https://crm-1.test/hook");
    expect(mails[0].text).toContain("https://crm-2.test/hook");
  });
});
