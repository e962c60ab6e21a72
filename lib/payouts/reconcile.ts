// Reconciling a bank statement against the registry by payment reference. For each line:
//   known reference, same amount       → matched: the payout and its commissions become paid
//   known reference, less than payout  → partial (staff follow up; commissions stay claimed)
//   known reference, more than payout  → partial too, flagged as overpaid in the summary
//   reference not ours / not found     → unknown
//   a payout already paid, or the same line (payout, amount, date) seen before → duplicate
// Sent registry payouts of the run that no line mentions are reported as missing. Importing the
// same statement twice pays nothing twice: settlement is conditional and repeated lines are duplicates.
import type { StatementLineResult } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { RowError } from "@/lib/kernel/row-error";
import { getRunOrThrow, refreshRunCompletion } from "./run-status";
import { markPayoutPartial, markPayoutSent, settlePayoutPaid } from "./settle";
import { parseStatementCsv, type StatementLineInput } from "./statement-csv";

export type ReconciledLine = {
  lineNo: number;
  reference: string | null;
  amountMinor: bigint;
  currency: string;
  result: StatementLineResult;
  payoutId: string | null;
  overpaid: boolean;
};

export type MissingPayout = { payoutId: string; reference: string; partnerName: string; amountMinor: bigint; currency: string };

export type ReconcileSummary = {
  lineCount: number;
  matched: number;
  partial: number;
  unknown: number;
  duplicate: number;
  overpaid: string[];
  missing: MissingPayout[];
};

export type ImportStatementResult =
  | { ok: true; importId: string; summary: ReconcileSummary; lines: ReconciledLine[]; errors?: undefined }
  | { ok: false; errors: RowError[]; summary?: undefined };

const fingerprint = (payoutId: string, amountMinor: bigint, bookedOn: Date | null) => `${payoutId}|${amountMinor}|${bookedOn?.toISOString().slice(0, 10) ?? ""}`;

export async function importStatement(
  ctx: TenantContext,
  input: { runId?: string | null; fileName: string; csvText: string },
): Promise<ImportStatementResult> {
  assertCan(ctx, "payouts:manage");
  if (input.runId) await getRunOrThrow(ctx.db, input.runId);
  const parsed = parseStatementCsv(input.csvText);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };

  return ctx.db.$transaction(async (tx) => {
    // Two imports at once would each read "partial, received X" and add to it; one at a time per tenant.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`statement:${ctx.tenantId}`}::text, 0))`;
    const refs = [...new Set(parsed.lines.map((l) => l.reference).filter((r): r is string => !!r))];
    const payouts = await tx.payout.findMany({
      where: { reference: { in: refs } },
      select: { id: true, runId: true, reference: true, status: true, amountMinor: true, currency: true, receivedAmountMinor: true },
    });
    const byRef = new Map(payouts.map((p) => [p.reference, { ...p }]));
    const prior = await tx.statementLine.findMany({
      where: { payoutId: { in: payouts.map((p) => p.id) }, result: { in: ["matched", "partial"] } },
      select: { payoutId: true, amountMinor: true, bookedOn: true },
    });
    const seen = new Set(prior.map((l) => fingerprint(l.payoutId!, l.amountMinor, l.bookedOn)));

    const statement = await tx.statementImport.create({
      data: { tenantId: ctx.tenantId, runId: input.runId ?? null, fileName: input.fileName.slice(0, 200), importedById: ctx.userId, lineCount: parsed.lines.length },
    });
    const results: ReconciledLine[] = [];
    const touchedRuns = new Set<string>(input.runId ? [input.runId] : []);
    const mentioned = new Set<string>();
    for (const line of parsed.lines) {
      const payout = line.reference ? byRef.get(line.reference) : undefined;
      const out = await applyLine(tx, actor, line, payout, seen);
      if (payout) {
        touchedRuns.add(payout.runId);
        mentioned.add(payout.id);
      }
      results.push(out);
    }
    await tx.statementLine.createMany({
      data: parsed.lines.map((line, i) => ({
        tenantId: ctx.tenantId, importId: statement.id, lineNo: line.lineNo, reference: line.reference, payeeName: line.payeeName,
        amountMinor: line.amountMinor, currency: line.currency, bookedOn: line.bookedOn, result: results[i].result, payoutId: results[i].payoutId,
      })),
    });

    const runs = [...touchedRuns];
    const unpaid = await tx.payout.findMany({
      where: { runId: { in: runs }, rail: "registry", status: "sent", id: { notIn: [...mentioned] } },
      select: { id: true, reference: true, amountMinor: true, currency: true, partner: { select: { name: true } } },
      orderBy: { reference: "asc" },
    });
    for (const runId of runs) await refreshRunCompletion(tx, runId);

    const count = (r: StatementLineResult) => results.filter((l) => l.result === r).length;
    const summary: ReconcileSummary = {
      lineCount: results.length, matched: count("matched"), partial: count("partial"), unknown: count("unknown"), duplicate: count("duplicate"),
      overpaid: results.filter((l) => l.overpaid).map((l) => l.reference!),
      missing: unpaid.map((p) => ({ payoutId: p.id, reference: p.reference, partnerName: p.partner.name, amountMinor: p.amountMinor, currency: p.currency })),
    };
    await auditIn(tx, actor, {
      action: "payouts.statement_imported", entityType: "StatementImport", entityId: statement.id,
      data: { fileName: statement.fileName, runId: input.runId ?? null, ...summary, overpaid: summary.overpaid, missing: summary.missing.map((m) => m.reference) },
    });
    return { ok: true as const, importId: statement.id, summary, lines: results };
  }, { timeout: 120_000, maxWait: 30_000 });
}

type PayoutState = { id: string; status: string; amountMinor: bigint; currency: string; receivedAmountMinor: bigint | null };
type Tx = Parameters<typeof markPayoutSent>[0];

async function applyLine(
  tx: Tx,
  actor: { tenantId: string; userId: string | null },
  line: StatementLineInput,
  payout: PayoutState | undefined,
  seen: Set<string>,
): Promise<ReconciledLine> {
  const base = { lineNo: line.lineNo, reference: line.reference, amountMinor: line.amountMinor, currency: line.currency, overpaid: false };
  if (!payout) return { ...base, result: "unknown", payoutId: null };
  const key = fingerprint(payout.id, line.amountMinor, line.bookedOn);
  if (payout.status === "paid" || seen.has(key)) return { ...base, result: "duplicate", payoutId: payout.id };
  // Money for a payout that is held, failed or cancelled, or in another currency: not ours to settle.
  if (!["ready", "processing", "sent", "partial"].includes(payout.status) || payout.currency !== line.currency) {
    return { ...base, result: "unknown", payoutId: payout.id };
  }
  seen.add(key);
  const received = (payout.status === "partial" ? payout.receivedAmountMinor ?? 0n : 0n) + line.amountMinor;
  if (received === payout.amountMinor) {
    await settlePayoutPaid(tx, actor, payout.id, { receivedAmountMinor: received, paidAt: line.bookedOn });
    payout.status = "paid";
    payout.receivedAmountMinor = received;
    return { ...base, result: "matched", payoutId: payout.id };
  }
  if (payout.status === "ready" || payout.status === "processing") await markPayoutSent(tx, payout.id);
  await markPayoutPartial(tx, payout.id, received);
  payout.status = "partial";
  payout.receivedAmountMinor = received;
  return { ...base, result: "partial", payoutId: payout.id, overpaid: received > payout.amountMinor };
}
