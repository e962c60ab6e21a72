import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, executePayoutRun, markRegistrySent } from "@/lib/payouts/execute-run";
import { importStatement } from "@/lib/payouts/reconcile";
import { REGISTRY_HEADER, registryCsv, registryXlsx } from "@/lib/payouts/registry";
import { parseStatementCsv } from "@/lib/payouts/statement-csv";
import { prisma } from "../helpers/db";
import { approved, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));

const statement = (name: string) => readFileSync(join(process.cwd(), "tests/fixtures", name), "utf8");

let w: World;
let runId: string;
const p: Record<string, string> = {};
const payoutOf: Record<string, string> = {};
const refs = { exact: "TW-1-EXACT001", partial: "TW-1-PARTIAL1", overpaid: "TW-1-OVERPAY1", missing: "TW-1-MISSING1" } as const;

beforeAll(async () => {
  w = await payoutWorld("Payout Registry");
  p.exact = await payee(w, { name: "Дмитрий Точный", rail: "registry" });
  p.partial = await payee(w, { name: "Павел Частичный", rail: "registry" });
  p.overpaid = await payee(w, { name: "Ольга Переплата", rail: "registry" });
  p.missing = await payee(w, { name: "Мария Пропавшая", rail: "registry" });
  p.manual = await payee(w, { name: "Manual Mike", rail: "manual" });
  await approved(w, p.exact, [[1000000n, "RUB"], [5000n, "RUB"]]);
  await approved(w, p.partial, [[200000n, "RUB"]]);
  await approved(w, p.overpaid, [[250000n, "RUB"]]);
  await approved(w, p.missing, [[150000n, "RUB"]]);
  await approved(w, p.manual, [[9000n, "USD"]]);
  const run = await createPayoutRun(w.ctx, { cutoffAt: new Date() });
  runId = run.id;
  // Fixed references so the committed statement fixtures can name them.
  for (const key of Object.keys(refs) as (keyof typeof refs)[]) {
    const payout = await prisma.payout.findFirstOrThrow({ where: { runId, partnerId: p[key] } });
    await prisma.payout.update({ where: { id: payout.id }, data: { reference: `${refs[key]}` } });
    payoutOf[key] = payout.id;
  }
});

describe("registry export", () => {
  it("CSV: BOM, ';' separated, Russian header, amount in rubles with a decimal point, purpose with the reference", async () => {
    const csv = await registryCsv(w.ctx, runId);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Референс платежа;Получатель;ИНН;Банк;БИК;Счёт получателя;Корр. счёт;Сумма;Валюта;Назначение платежа");
    expect(lines).toContain(
      "TW-1-EXACT001;Дмитрий Точный;500100732259;ПАО Сбербанк;044525225;40817810099910004312;30101810400000000225;10050.00;RUB;" +
        "Выплата вознаграждения по договору, ref TW-1-EXACT001, НДС не облагается",
    );
    // Four registry payouts, no manual one, and a trailing line end.
    expect(lines.filter(Boolean)).toHaveLength(5);
    expect(csv).not.toContain("Manual Mike");
  });

  it("XLSX: same columns, the amount a number cell with two decimals, account numbers as text", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await registryXlsx(w.ctx, runId)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...REGISTRY_HEADER]);
    const row = [2, 3, 4, 5].map((i) => sheet.getRow(i)).find((r) => r.getCell(1).value === "TW-1-EXACT001")!;
    expect(row.getCell(5).value).toBe("044525225");
    expect(row.getCell(6).value).toBe("40817810099910004312");
    expect(row.getCell(8).value).toBe(10050);
    expect(row.getCell(8).numFmt).toBe("0.00");
    expect(row.getCell(10).value).toBe("Выплата вознаграждения по договору, ref TW-1-EXACT001, НДС не облагается");
  });
});

describe("statement reconciliation", () => {
  beforeAll(async () => {
    await approvePayoutRun(w.ctx, runId);
    await executePayoutRun(w.ctx, runId, { stripe: null });
    expect(await markRegistrySent(w.ctx, runId)).toEqual({ sent: 4 });
  });

  it("a file with a bad line writes nothing and names every bad line", async () => {
    const before = await w.ctx.db.statementImport.count();
    const result = await importStatement(w.ctx, { runId, fileName: "statement-bad-lines.csv", csvText: statement("statement-bad-lines.csv") });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { row: 3, column: "date", code: "payouts.statement_date_invalid" },
      { row: 4, column: "amount", code: "payouts.statement_amount_invalid" },
      { row: 5, column: "currency", code: "payouts.statement_currency_invalid" },
    ]);
    expect(await w.ctx.db.statementImport.count()).toBe(before);
    expect(await w.ctx.db.payout.count({ where: { runId, status: "paid" } })).toBe(0);
    expect(() => parseStatementCsv("when;how much\n1;2")).toThrow("payouts.statement_header_invalid");
  });

  it("matches exact, flags partial, overpaid, unknown, duplicate and missing", async () => {
    const result = await importStatement(w.ctx, { runId, fileName: "statement-registry-ru.csv", csvText: statement("statement-registry-ru.csv") });
    if (!result.ok) throw new Error("import failed");
    expect(result.summary).toMatchObject({ lineCount: 5, matched: 1, partial: 2, unknown: 1, duplicate: 1, overpaid: [refs.overpaid] });
    expect(result.summary.missing.map((m) => m.reference)).toEqual([refs.missing]);
    expect(result.lines.map((l) => [l.lineNo, l.result])).toEqual([[2, "matched"], [3, "partial"], [4, "partial"], [5, "unknown"], [6, "duplicate"]]);

    const payouts = await w.ctx.db.payout.findMany({ where: { runId } });
    const of = (key: keyof typeof refs) => payouts.find((x) => x.id === payoutOf[key])!;
    expect(of("exact")).toMatchObject({ status: "paid", receivedAmountMinor: 1005000n });
    expect(of("partial")).toMatchObject({ status: "partial", receivedAmountMinor: 100000n });
    expect(of("overpaid")).toMatchObject({ status: "partial", receivedAmountMinor: 300000n });
    expect(of("missing").status).toBe("sent");
    const paid = await w.ctx.db.commission.findMany({ where: { payoutId: payoutOf.exact } });
    expect(paid.map((c) => c.status)).toEqual(["paid", "paid"]);
    const lines = await w.ctx.db.statementLine.findMany({ where: { importId: result.importId }, orderBy: { lineNo: "asc" } });
    expect(lines.map((l) => l.result)).toEqual(["matched", "partial", "partial", "unknown", "duplicate"]);
    expect(lines[0]).toMatchObject({ reference: refs.exact, amountMinor: 1005000n, currency: "RUB", payoutId: payoutOf.exact });
  });

  it("importing the same statement again pays nothing twice: every known line is a duplicate", async () => {
    const result = await importStatement(w.ctx, { runId, fileName: "again.csv", csvText: statement("statement-registry-ru.csv") });
    if (!result.ok) throw new Error("import failed");
    expect(result.summary).toMatchObject({ matched: 0, partial: 0, unknown: 1, duplicate: 4 });
    const paidTransitions = await w.ctx.db.commissionTransition.count({ where: { payoutId: payoutOf.exact, action: "paid" } });
    expect(paidTransitions).toBe(2);
    const partial = await w.ctx.db.payout.findUniqueOrThrow({ where: { id: payoutOf.partial } });
    expect(partial.receivedAmountMinor).toBe(100000n);
  });

  it("a second instalment completes a partial payment (comma-separated, English header)", async () => {
    const result = await importStatement(w.ctx, { fileName: "second.csv", csvText: statement("statement-second-instalment.csv") });
    if (!result.ok) throw new Error("import failed");
    expect(result.summary).toMatchObject({ matched: 1, partial: 0 });
    expect(result.summary.missing.map((m) => m.reference)).toEqual([refs.missing]);
    expect(await w.ctx.db.payout.findUniqueOrThrow({ where: { id: payoutOf.partial } })).toMatchObject({ status: "paid", receivedAmountMinor: 200000n });
  });
});
