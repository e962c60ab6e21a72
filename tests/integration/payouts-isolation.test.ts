import { beforeAll, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "@/lib/kernel/errors";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, cancelPayoutRun, executePayoutRun, markRegistrySent } from "@/lib/payouts/execute-run";
import { approveHoldRelease, requestHoldRelease } from "@/lib/payouts/holds";
import { markPayoutFailedManually, markPayoutPaidManually, setPayoutReceipt } from "@/lib/payouts/manual";
import { planPayoutRun } from "@/lib/payouts/plan";
import { getPayoutDetail, getPayoutRun, listPayoutRuns } from "@/lib/payouts/queries";
import { importStatement } from "@/lib/payouts/reconcile";
import { registryCsv, registryXlsx } from "@/lib/payouts/registry";
import { approved, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

let a: World;
let b: World;
let runId: string;
let registryPayout: { id: string; reference: string };
let heldPayout: string;

beforeAll(async () => {
  a = await payoutWorld("Payouts Tenant A");
  b = await payoutWorld("Payouts Tenant B");
  const ru = await payee(a, { name: "Анна Реестр", rail: "registry" });
  const held = await payee(a, { name: "Held Harry", rail: "manual", screening: "possible_match" });
  await approved(a, ru, [[500000n, "RUB"]]);
  await approved(a, held, [[9000n, "USD"]]);
  runId = (await createPayoutRun(a.ctx, { cutoffAt: new Date() })).id;
  const payouts = await a.ctx.db.payout.findMany({ where: { runId } });
  const reg = payouts.find((p) => p.rail === "registry")!;
  registryPayout = { id: reg.id, reference: reg.reference };
  heldPayout = payouts.find((p) => p.status === "held")!.id;
});

describe("tenant B cannot reach tenant A's payout runs", () => {
  it("lists and plans only its own", async () => {
    expect(await listPayoutRuns(b.ctx)).toEqual([]);
    expect((await listPayoutRuns(a.ctx)).map((r) => r.id)).toEqual([runId]);
    const plan = await planPayoutRun(b.ctx.db, { cutoffAt: new Date() });
    expect(plan.groups).toEqual([]);
    await expect(createPayoutRun(b.ctx, { cutoffAt: new Date() })).rejects.toMatchObject({ code: "payouts.nothing_to_pay" });
  });

  it("answers every foreign run and payout id with not found", async () => {
    const notFound = expect.any(NotFoundError);
    await expect(getPayoutRun(b.ctx, runId)).rejects.toEqual(notFound);
    await expect(getPayoutDetail(b.ctx, runId, registryPayout.id)).rejects.toEqual(notFound);
    await expect(approvePayoutRun(b.ctx, runId)).rejects.toEqual(notFound);
    await expect(cancelPayoutRun(b.ctx, runId)).rejects.toEqual(notFound);
    await expect(executePayoutRun(b.ctx, runId, { stripe: null })).rejects.toEqual(notFound);
    await expect(markRegistrySent(b.ctx, runId)).rejects.toEqual(notFound);
    await expect(registryCsv(b.ctx, runId)).rejects.toEqual(notFound);
    await expect(registryXlsx(b.ctx, runId)).rejects.toEqual(notFound);
    await expect(importStatement(b.ctx, { runId, fileName: "s.csv", csvText: "date;amount;purpose\n2026-11-27;5000.00;x" })).rejects.toEqual(notFound);
    await expect(requestHoldRelease(b.ctx, heldPayout, "note")).rejects.toEqual(notFound);
    await expect(approveHoldRelease(b.ctx, heldPayout)).rejects.toEqual(notFound);
    await expect(markPayoutPaidManually(b.ctx, heldPayout, "X-1")).rejects.toEqual(notFound);
    await expect(markPayoutFailedManually(b.ctx, heldPayout, "nope")).rejects.toEqual(notFound);
    await expect(setPayoutReceipt(b.ctx, registryPayout.id, "R-1")).rejects.toEqual(notFound);
    const run = await a.ctx.db.payoutRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("draft");
  });

  it("a statement in tenant B naming tenant A's reference is an unknown line and pays nothing", async () => {
    await approvePayoutRun(a.ctx, runId);
    await executePayoutRun(a.ctx, runId, { stripe: null });
    await markRegistrySent(a.ctx, runId);
    const csvText = `date;amount;currency;purpose\n2026-11-27;5000.00;RUB;ref ${registryPayout.reference}\n`;
    const result = await importStatement(b.ctx, { fileName: "foreign.csv", csvText });
    expect(result.summary).toMatchObject({ matched: 0, unknown: 1 });
    expect((await a.ctx.db.payout.findUniqueOrThrow({ where: { id: registryPayout.id } })).status).toBe("sent");
  });
});
