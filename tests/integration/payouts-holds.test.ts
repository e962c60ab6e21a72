import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, executePayoutRun } from "@/lib/payouts/execute-run";
import { approveHoldRelease, requestHoldRelease } from "@/lib/payouts/holds";
import { memberContext } from "../helpers/context";
import { prisma } from "../helpers/db";
import { approved, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

let w: World;
let admin: TenantContext;
let manager: TenantContext;
let runId: string;
const payoutOf: Record<string, string> = {};

beforeAll(async () => {
  w = await payoutWorld("Payout Holds");
  admin = await memberContext(w.fixture, "admin");
  manager = await memberContext(w.fixture, "manager");
  const possible = await payee(w, { name: "Possible Match", rail: "manual", screening: "possible_match" });
  const blocked = await payee(w, { name: "Blocked Payee", rail: "manual", screening: "blocked" });
  const clear = await payee(w, { name: "Clear Payee", rail: "manual" });
  await approved(w, possible, [[10000n, "USD"]]);
  await approved(w, blocked, [[10000n, "USD"]]);
  await approved(w, clear, [[10000n, "USD"]]);
  const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
  runId = run.id;
  const payouts = await w.ctx.db.payout.findMany({ where: { runId } });
  payoutOf.possible = payouts.find((p) => p.partnerId === possible)!.id;
  payoutOf.blocked = payouts.find((p) => p.partnerId === blocked)!.id;
  payoutOf.clear = payouts.find((p) => p.partnerId === clear)!.id;
});

describe("releasing a held payout", () => {
  it("the gate held the possible match and the blocked payee, not the clear one", async () => {
    const payouts = await w.ctx.db.payout.findMany({ where: { runId }, select: { id: true, status: true, holdReason: true } });
    const of = (id: string) => payouts.find((p) => p.id === id)!;
    expect(of(payoutOf.possible)).toMatchObject({ status: "held", holdReason: "sanctions_possible_match" });
    expect(of(payoutOf.blocked)).toMatchObject({ status: "held", holdReason: "sanctions_blocked" });
    expect(of(payoutOf.clear).status).toBe("ready");
  });

  it("needs a note, and a manager cannot request it", async () => {
    await expect(requestHoldRelease(w.ctx, payoutOf.possible, "   ")).rejects.toMatchObject({ code: "payouts.release_note_required" });
    await expect(requestHoldRelease(manager, payoutOf.possible, "Checked")).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveHoldRelease(admin, payoutOf.possible)).rejects.toMatchObject({ code: "payouts.release_not_requested" });
  });

  it("the requester cannot approve their own request; a second staff member can", async () => {
    await requestHoldRelease(w.ctx, payoutOf.possible, "Different date of birth than the SDN entry; passport checked");
    await expect(approveHoldRelease(w.ctx, payoutOf.possible)).rejects.toMatchObject({ code: "payouts.second_approver_required" });
    expect((await w.ctx.db.payout.findUniqueOrThrow({ where: { id: payoutOf.possible } })).status).toBe("held");
    await approveHoldRelease(admin, payoutOf.possible);
    const payout = await w.ctx.db.payout.findUniqueOrThrow({ where: { id: payoutOf.possible } });
    expect(payout).toMatchObject({ status: "ready", releaseRequestedById: w.fixture.userId, releasedById: admin.userId });
    expect(payout.releasedAt).toBeInstanceOf(Date);
    const audit = await w.ctx.db.auditLog.findMany({ where: { entityId: payoutOf.possible }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ["payouts.hold_release_requested", w.fixture.userId],
      ["payouts.hold_released", admin.userId],
    ]);
    await expect(approveHoldRelease(admin, payoutOf.possible)).rejects.toMatchObject({ code: "payouts.not_held" });
  });

  it("a payee blocked by sanctions cannot be released by anyone", async () => {
    await expect(requestHoldRelease(w.ctx, payoutOf.blocked, "Please")).rejects.toMatchObject({ code: "payouts.blocked_cannot_release" });
    await expect(approveHoldRelease(admin, payoutOf.blocked)).rejects.toMatchObject({ code: "payouts.blocked_cannot_release" });
    expect((await w.ctx.db.payout.findUniqueOrThrow({ where: { id: payoutOf.blocked } })).status).toBe("held");
  });

  it("a payee screened as blocked after the request cannot be released either", async () => {
    const late = await payee(w, { name: "Late Match", rail: "manual", screening: "possible_match" });
    await approved(w, late, [[10000n, "USD"]]);
    const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
    const payout = await w.ctx.db.payout.findFirstOrThrow({ where: { runId: run.id, partnerId: late } });
    await requestHoldRelease(w.ctx, payout.id, "Looks like a different person");
    await prisma.screening.create({ data: { tenantId: w.fixture.tenantId, partnerId: late, listId: w.listId, status: "blocked", reason: "address in Crimea" } });
    await expect(approveHoldRelease(admin, payout.id)).rejects.toMatchObject({ code: "payouts.blocked_cannot_release" });
    expect((await w.ctx.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).status).toBe("held");
  });

  it("held payouts are skipped by execution and do not keep the run open", async () => {
    await approvePayoutRun(w.ctx, runId);
    const summary = await executePayoutRun(w.ctx, runId, { stripe: null });
    expect(summary).toMatchObject({ held: 1, waiting: 2 });
    const blocked = await w.ctx.db.payout.findUniqueOrThrow({ where: { id: payoutOf.blocked } });
    expect(blocked.status).toBe("held");
    const commissions = await w.ctx.db.commission.findMany({ where: { payoutId: payoutOf.blocked } });
    expect(commissions.every((c) => c.status === "approved")).toBe(true);
  });
});
