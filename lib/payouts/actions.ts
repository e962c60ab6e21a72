"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { StatementImportState } from "./action-states";
import { createPayoutRun } from "./create-run";
import { retryStuckPayout, startPayoutRun } from "./execute-run";
import { approveHoldRelease, requestHoldRelease } from "./holds";
import { markPayoutFailedManually, markPayoutPaidManually, setPayoutReceipt } from "./manual";
import { updatePayoutMinimums } from "./minimums";
import { importStatement } from "./reconcile";
import { enqueueRunExecution } from "./resume-runs";
import { markRegistrySent } from "./registry-sent";
import { approvePayoutRun, cancelPayoutRun } from "./run-status";
import { createRunInput, externalIdInput, failureInput, minimumsFromInput, minimumsInput, receiptInput, releaseNoteInput } from "./schemas";
import { decodeStatement, MAX_STATEMENT_BYTES } from "./statement-csv";
import { log } from "@/lib/ops/log";

const permission = "payouts:manage";
const run = { runId: z.string() };
const payout = { runId: z.string(), payoutId: z.string() };

export const createRunAction = tenantAction({
  permission,
  schema: createRunInput,
  run: async ({ ctx, input, paths, revalidate, redirect }) => {
    const { id } = await createPayoutRun(ctx, { cutoffAt: input.cutoff });
    revalidate(paths.staff("payouts"));
    redirect(paths.staff(`payouts/${id}`));
  },
});

export const saveMinimumsAction = tenantAction({
  permission,
  schema: minimumsInput,
  run: async ({ ctx, input, invalid, paths, revalidate }) => {
    const minimums = minimumsFromInput(input);
    if (!(minimums instanceof Map)) return invalid(minimums.field, "payouts.minimum_invalid");
    await updatePayoutMinimums(ctx, minimums);
    revalidate(paths.staff("payouts"));
    return { ok: true, message: { key: "payouts.minimums_saved" } };
  },
});

/** A button on the run page: one step of the run, then the page again with `success`. */
function runStep(step: (ctx: TenantContext, runId: string) => Promise<unknown>, success: string) {
  return tenantAction({
    permission,
    target: run,
    run: async ({ ctx, target, paths, revalidate }) => {
      await step(ctx, target.runId);
      revalidate(paths.staff(`payouts/${target.runId}`));
      return { ok: true, message: { key: success } };
    },
  });
}

export const approveRunAction = runStep(approvePayoutRun, "payouts.run_approved");
export const cancelRunAction = runStep(cancelPayoutRun, "payouts.run_cancelled_done");
export const markRegistrySentAction = runStep(markRegistrySent, "payouts.registry_marked_sent");
export const executeRunAction = runStep(async (ctx, runId) => {
  // The state change happens now (the page shows "executing" at once); the transfers run as a job
  // in a worker, and the run page polls the progress counter. Should the enqueue fail, the
  // every-minute resume job finds the executing run and enqueues it.
  await startPayoutRun(ctx, runId);
  try {
    await enqueueRunExecution(ctx.tenantId, runId, ctx.userId);
  } catch (error) {
    log().error({ err: error, runId }, "payout run job not enqueued; the resume job will pick the run up");
  }
}, "payouts.run_executing");

/** A form on one payout of a run: `step` with the parsed field, then the run's pages again with `success`. */
function payoutStep<S extends z.ZodType>(schema: S, step: (ctx: TenantContext, payoutId: string, input: z.output<S>) => Promise<unknown>, success: string) {
  return tenantAction({
    permission,
    target: payout,
    run: async ({ ctx, target, parse, paths, revalidate }) => {
      await step(ctx, target.payoutId, parse(schema));
      revalidate(paths.staff(`payouts/${target.runId}`), "layout");
      return { ok: true, message: { key: success } };
    },
  });
}

export const requestReleaseAction = payoutStep(releaseNoteInput, (ctx, id, p) => requestHoldRelease(ctx, id, p.note), "payouts.release_requested");
export const markPaidAction = payoutStep(externalIdInput, (ctx, id, p) => markPayoutPaidManually(ctx, id, p.externalId), "payouts.marked_paid");
export const markFailedAction = payoutStep(failureInput, (ctx, id, p) => markPayoutFailedManually(ctx, id, p.reason), "payouts.marked_failed");
export const retryPayoutAction = payoutStep(z.object({}), (ctx, id) => retryStuckPayout(ctx, id), "payouts.payout_retried");
export const saveReceiptAction = payoutStep(receiptInput, (ctx, id, p) => setPayoutReceipt(ctx, id, p.receiptRef), "payouts.receipt_saved");

export const approveReleaseAction = tenantAction({
  permission,
  target: payout,
  run: async ({ ctx, target, paths, revalidate }) => {
    await approveHoldRelease(ctx, target.payoutId);
    revalidate(paths.staff(`payouts/${target.runId}`), "layout");
    return { ok: true, message: { key: "payouts.release_approved" } };
  },
});

export const importStatementAction = tenantAction({
  permission,
  target: run,
  run: async ({ ctx, target, file, paths, revalidate }): Promise<StatementImportState> => {
    const upload = file("file", MAX_STATEMENT_BYTES, { required: "payouts.file_required", tooLarge: "payouts.file_too_large" });
    const csvText = decodeStatement(new Uint8Array(await upload.arrayBuffer()));
    const imported = await importStatement(ctx, { runId: target.runId, fileName: upload.name || "statement.csv", csvText });
    if (!imported.ok) {
      return { ok: false, message: { key: "payouts.statement_has_errors", values: { count: imported.errors.length } }, errors: imported.errors };
    }
    const s = imported.summary;
    revalidate(paths.staff(`payouts/${target.runId}`));
    return {
      ok: true,
      summary: {
        lineCount: s.lineCount, matched: s.matched, partial: s.partial, unknown: s.unknown, duplicate: s.duplicate, overpaid: s.overpaid,
        missing: s.missing.map((m) => ({ reference: m.reference, partnerName: m.partnerName, amountMinor: m.amountMinor.toString(), currency: m.currency })),
      },
    };
  },
});
