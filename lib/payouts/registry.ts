// The RUB bank-transfer registry of a run: one row per registry payout (ready or already sent), for
// the agency's Russian bank or counterparty, who pay each row and put the reference in the purpose
// line. The statement that comes back is matched on that reference (reconcile.ts).
//
// Format (both files, same columns, header row in Russian because the reader is a Russian bank):
//   Референс платежа | Получатель | ИНН | Банк | БИК | Счёт получателя | Корр. счёт | Сумма | Валюта | Назначение платежа
// - CSV: UTF-8 with a BOM and ";" as separator, CRLF line ends — what Russian Excel opens correctly
//   (it expects ";" because "," is the decimal mark there, and needs the BOM to read UTF-8).
//   Amount in rubles with a decimal point and two decimals, no grouping: "12345.67".
// - XLSX: the amount is a number cell formatted "0.00"; every other cell is text (so leading zeros of
//   BIC and account numbers survive).
import ExcelJS from "exceljs";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan } from "@/lib/auth/permissions";
import { minorToDecimal } from "@/lib/kernel/money";
import type { PayeeSnapshot } from "./create-run";
import { getRunOrThrow } from "./run-status";

export const REGISTRY_HEADER = [
  "Референс платежа", "Получатель", "ИНН", "Банк", "БИК", "Счёт получателя", "Корр. счёт", "Сумма", "Валюта", "Назначение платежа",
] as const;

export type RegistryRow = {
  reference: string;
  payee: string;
  inn: string;
  bankName: string;
  bic: string;
  account: string;
  corrAccount: string;
  amountMinor: bigint;
  currency: string;
};

export function registryPurpose(reference: string): string {
  return `Выплата вознаграждения по договору, ref ${reference}, НДС не облагается`;
}

/** The registry payouts of a run (ready or sent), oldest first. Another tenant's run is not found. */
export async function registryRows(ctx: TenantContext, runId: string): Promise<RegistryRow[]> {
  assertCan(ctx, "payouts:read");
  await getRunOrThrow(ctx.db, runId);
  const payouts = await ctx.db.payout.findMany({
    where: { runId, rail: "registry", status: { in: ["ready", "sent"] } },
    orderBy: [{ createdAt: "asc" }, { reference: "asc" }],
    select: { reference: true, amountMinor: true, currency: true, payee: true },
  });
  return payouts.map((p) => {
    const payee = (p.payee ?? {}) as Partial<PayeeSnapshot>;
    return {
      reference: p.reference, payee: payee.name ?? "", inn: payee.inn ?? "", bankName: payee.bankName ?? "",
      bic: payee.bic ?? "", account: payee.accountNumber ?? "", corrAccount: payee.corrAccount ?? "",
      amountMinor: p.amountMinor, currency: p.currency,
    };
  });
}

function rowCells(row: RegistryRow): string[] {
  return [row.reference, row.payee, row.inn, row.bankName, row.bic, row.account, row.corrAccount,
    minorToDecimal(row.amountMinor, row.currency), row.currency, registryPurpose(row.reference)];
}

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV text (BOM included) for rows. */
export function registryCsvText(rows: RegistryRow[]): string {
  const lines = [REGISTRY_HEADER.join(";"), ...rows.map((row) => rowCells(row).map(csvCell).join(";"))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function registryXlsxBuffer(rows: RegistryRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Реестр");
  sheet.addRow([...REGISTRY_HEADER]).font = { bold: true };
  for (const row of rows) {
    const cells: (string | number)[] = rowCells(row);
    // A spreadsheet number is a double; kopecks of any real payout are exact in it.
    cells[7] = Number(minorToDecimal(row.amountMinor, row.currency));
    sheet.addRow(cells);
  }
  sheet.getColumn(8).numFmt = "0.00";
  for (const col of [3, 5, 6, 7]) sheet.getColumn(col).numFmt = "@";
  sheet.columns.forEach((column, i) => { column.width = [18, 32, 14, 28, 12, 24, 24, 14, 8, 70][i]; });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function registryCsv(ctx: TenantContext, runId: string): Promise<string> {
  return registryCsvText(await registryRows(ctx, runId));
}

export async function registryXlsx(ctx: TenantContext, runId: string): Promise<Uint8Array> {
  return registryXlsxBuffer(await registryRows(ctx, runId));
}

export function registryFileName(runNumber: number, ext: "csv" | "xlsx"): string {
  return `payout-run-${runNumber}-registry.${ext}`;
}
