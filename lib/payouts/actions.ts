"use server";
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import type { RowError } from "@/lib/imports/row-error";
import { createPayoutRun } from "./create-run";
import { executePayoutRun, startPayoutRun } from "./execute-run";
import { approveHoldRelease, requestHoldRelease } from "./holds";
import { markPayoutFailedManually, markPayoutPaidManually, setPayoutReceipt } from "./manual";
import { updatePayoutMinimums } from "./minimums";
import { importStatement } from "./reconcile";
import { markRegistrySent } from "./registry-sent";
import { approvePayoutRun, cancelPayoutRun } from "./run-status";
import { createRunInput, externalIdInput, failureInput, minimumsFromInput, minimumsInput, receiptInput, releaseNoteInput } from "./schemas";
import { decodeStatement, MAX_STATEMENT_BYTES } from "./statement-csv";

type Target = { locale: string; tenant: string };
type RunTarget = Target & { runId: string };
type PayoutTarget = RunTarget & { payoutId: string };

const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");
const listPath = (t: Target) => `/${t.locale}/t/${t.tenant}/payouts`;
const runPath = (t: RunTarget) => `${listPath(t)}/${t.runId}`;
const manage = (t: Target) => requireTenant(loc(t), t.tenant, "payouts:manage");

export async function createRunAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let runId: string | null = null;
  const result = await handleFormErrors(async () => {
    const ctx = await manage(target);
    const parsed = parseForm(createRunInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    runId = (await createPayoutRun(ctx, { cutoffAt: parsed.data.cutoff })).id;
    return { ok: true };
  }, values);
  if (!result.ok || !runId) return result;
  revalidatePath(listPath(target));
  redirect(runPath({ ...target, runId }));
}

export async function saveMinimumsAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await manage(target);
    const parsed = parseForm(minimumsInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const minimums = minimumsFromInput(parsed.data);
    if (!(minimums instanceof Map)) return { ok: false, fieldErrors: { [minimums.field]: { key: "payouts.minimum_invalid" } }, values };
    await updatePayoutMinimums(ctx, minimums);
    return { ok: true, message: { key: "payouts.minimums_saved" } };
  }, values);
  if (result.ok) revalidatePath(listPath(target));
  return result;
}

function runAction(body: (ctx: Awaited<ReturnType<typeof manage>>, target: RunTarget) => Promise<void>, success: string) {
  return async (target: RunTarget): Promise<FormState> => {
    const result = await handleFormErrors(async () => {
      const ctx = await manage(target);
      await body(ctx, target);
      return { ok: true, message: { key: success } };
    });
    if (result.ok) revalidatePath(runPath(target));
    return result;
  };
}

const approve = runAction((ctx, t) => approvePayoutRun(ctx, t.runId), "payouts.run_approved");
const cancel = runAction((ctx, t) => cancelPayoutRun(ctx, t.runId), "payouts.run_cancelled_done");
const sendRegistry = runAction(async (ctx, t) => void (await markRegistrySent(ctx, t.runId)), "payouts.registry_marked_sent");
const execute = runAction(async (ctx, t) => {
  // The state change happens now (the page shows "executing" at once); the transfers run after the
  // response, and the run page polls the progress counter.
  await startPayoutRun(ctx, t.runId);
  after(async () => {
    try {
      await executePayoutRun(ctx, t.runId);
    } catch (error) {
      console.error("payout run execution failed", t.runId, error);
    }
  });
}, "payouts.run_executing");

export async function approveRunAction(target: RunTarget, _prev: FormState): Promise<FormState> {
  return approve(target);
}
export async function cancelRunAction(target: RunTarget, _prev: FormState): Promise<FormState> {
  return cancel(target);
}
export async function executeRunAction(target: RunTarget, _prev: FormState): Promise<FormState> {
  return execute(target);
}
export async function markRegistrySentAction(target: RunTarget, _prev: FormState): Promise<FormState> {
  return sendRegistry(target);
}

function payoutFormAction<S extends Parameters<typeof parseForm>[0]>(
  schema: S,
  body: (ctx: Awaited<ReturnType<typeof manage>>, target: PayoutTarget, data: ReturnType<typeof parseForm<S>> & { ok: true }) => Promise<void>,
  success: string,
) {
  return async (target: PayoutTarget, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    const result = await handleFormErrors(async () => {
      const ctx = await manage(target);
      const parsed = parseForm(schema, formData);
      if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
      await body(ctx, target, parsed);
      return { ok: true, message: { key: success } };
    }, values);
    if (result.ok) revalidatePath(runPath(target), "layout");
    return result;
  };
}

const requestRelease = payoutFormAction(releaseNoteInput, (ctx, t, p) => requestHoldRelease(ctx, t.payoutId, p.data.note), "payouts.release_requested");
const paidManually = payoutFormAction(externalIdInput, (ctx, t, p) => markPayoutPaidManually(ctx, t.payoutId, p.data.externalId), "payouts.marked_paid");
const failedManually = payoutFormAction(failureInput, (ctx, t, p) => markPayoutFailedManually(ctx, t.payoutId, p.data.reason), "payouts.marked_failed");
const receipt = payoutFormAction(receiptInput, (ctx, t, p) => setPayoutReceipt(ctx, t.payoutId, p.data.receiptRef), "payouts.receipt_saved");

export async function requestReleaseAction(target: PayoutTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  return requestRelease(target, formData);
}
export async function markPaidAction(target: PayoutTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  return paidManually(target, formData);
}
export async function markFailedAction(target: PayoutTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  return failedManually(target, formData);
}
export async function saveReceiptAction(target: PayoutTarget, _prev: FormState, formData: FormData): Promise<FormState> {
  return receipt(target, formData);
}

export async function approveReleaseAction(target: PayoutTarget, _prev: FormState): Promise<FormState> {
  const result = await handleFormErrors(async () => {
    const ctx = await manage(target);
    await approveHoldRelease(ctx, target.payoutId);
    return { ok: true, message: { key: "payouts.release_approved" } };
  });
  if (result.ok) revalidatePath(runPath(target), "layout");
  return result;
}

/** The reconciliation result as plain strings (amounts in minor units), safe to send to the browser. */
export type StatementSummaryView = {
  lineCount: number;
  matched: number;
  partial: number;
  unknown: number;
  duplicate: number;
  overpaid: string[];
  missing: { reference: string; partnerName: string; amountMinor: string; currency: string }[];
};
export type StatementImportState = FormState & { summary?: StatementSummaryView; errors?: RowError[] };

export async function importStatementAction(target: RunTarget, _prev: StatementImportState, formData: FormData): Promise<StatementImportState> {
  let summary: StatementSummaryView | undefined;
  let errors: RowError[] | undefined;
  const result = await handleFormErrors(async () => {
    const ctx = await manage(target);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: { key: "payouts.file_required" } } };
    if (file.size > MAX_STATEMENT_BYTES) return { ok: false, fieldErrors: { file: { key: "payouts.file_too_large" } } };
    const csvText = decodeStatement(new Uint8Array(await file.arrayBuffer()));
    const imported = await importStatement(ctx, { runId: target.runId, fileName: file.name || "statement.csv", csvText });
    if (!imported.ok) {
      errors = imported.errors;
      return { ok: false, message: { key: "payouts.statement_has_errors", values: { count: imported.errors.length } } };
    }
    const s = imported.summary;
    summary = {
      lineCount: s.lineCount, matched: s.matched, partial: s.partial, unknown: s.unknown, duplicate: s.duplicate, overpaid: s.overpaid,
      missing: s.missing.map((m) => ({ reference: m.reference, partnerName: m.partnerName, amountMinor: m.amountMinor.toString(), currency: m.currency })),
    };
    return { ok: true };
  });
  if (result.ok) revalidatePath(runPath(target));
  return { ...result, summary, errors };
}
