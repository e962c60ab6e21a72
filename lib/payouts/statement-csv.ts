// Parsing a bank statement CSV for reconciliation. Pure: reconcile.ts applies what this returns.
// Header row required; ";" or "," separated (taken from the header line). Columns, English or
// Russian names: date|дата, amount|сумма, currency|валюта (optional, RUB when absent),
// payee|получатель (optional), purpose|назначение|назначение_платежа or reference|референс.
// The payment reference is found anywhere in the purpose text by /TW-[A-Z0-9-]+/.
// Amounts: "12345.67", "12 345,67"; a leading minus (a debit line) is read as the paid amount.
import { z } from "zod";
import { DomainError } from "@/lib/kernel/errors";
import { readCsv, rowRecord } from "@/lib/kernel/csv-read";
import { parseOccurredAt } from "@/lib/imports/revenue-row";
import type { RowError } from "@/lib/kernel/row-error";
import { parseMoneyToMinor } from "@/lib/kernel/money";
import { controlCharacterKey } from "@/lib/kernel/text";
import { findReference } from "./reference";

export const MAX_STATEMENT_ROWS = 10_000;
export const MAX_STATEMENT_BYTES = 2 * 1024 * 1024;

export type StatementLineInput = {
  lineNo: number;
  bookedOn: Date;
  amountMinor: bigint;
  currency: string;
  payeeName: string | null;
  purpose: string;
  reference: string | null;
};

const aliases: Record<string, string> = {
  date: "date", дата: "date", booked_on: "date", дата_операции: "date",
  amount: "amount", сумма: "amount",
  currency: "currency", валюта: "currency",
  payee: "payee", получатель: "payee",
  purpose: "purpose", назначение: "purpose", назначение_платежа: "purpose", description: "purpose",
  reference: "reference", референс: "reference", референс_платежа: "reference",
};

const dateField = z.string().transform((text, ctx) => {
  const iso = parseOccurredAt(text);
  if (!iso) {
    ctx.addIssue({ code: "custom", message: "payouts.statement_date_invalid" });
    return z.NEVER;
  }
  const d = new Date(iso);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
});

const currencyField = z
  .string()
  .transform((text) => (text.trim() ? text.trim().toUpperCase() : "RUB"))
  .transform((code) => (code === "RUR" ? "RUB" : code)) // banks still print the pre-1998 code
  .refine((code) => /^[A-Z]{3}$/.test(code), { message: "payouts.statement_currency_invalid" });

const lineSchema = z
  .object({ date: dateField, amount: z.string(), currency: currencyField, payee: z.string(), purpose: z.string(), reference: z.string() })
  .transform((row, ctx) => {
    const minor = parseMoneyToMinor(row.amount.replace(/^[-+−]\s*/, ""), row.currency);
    if (minor === null || minor <= 0n) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "payouts.statement_amount_invalid" });
      return z.NEVER;
    }
    const text = [row.reference, row.purpose].filter(Boolean).join(" ");
    return { bookedOn: row.date, amountMinor: minor, currency: row.currency, payeeName: row.payee || null, purpose: text, reference: findReference(text) };
  });

/**
 * The statement file's text. Russian banks (1С «Клиент-банк» exports and the like) often write
 * windows-1251; anything that is not valid UTF-8 is read as that.
 */
export function decodeStatement(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** Lines or per-line errors (all of them; the import writes nothing unless there are none). */
export function parseStatementCsv(text: string): { lines: StatementLineInput[]; errors: RowError[] } {
  const read = readCsv(text, MAX_STATEMENT_ROWS);
  if (!read.ok) throw new DomainError(read.code === "empty" ? "payouts.statement_empty" : "payouts.statement_too_many_rows");
  const header = read.table.header.map((name) => aliases[name] ?? name);
  if (!header.includes("date") || !header.includes("amount") || !(header.includes("purpose") || header.includes("reference"))) {
    throw new DomainError("payouts.statement_header_invalid");
  }
  if (read.table.rows.length === 0) throw new DomainError("payouts.statement_empty");
  const lines: StatementLineInput[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of read.table.rows) {
    const record = rowRecord(header, cells);
    const dirty = controlCharacterKey(record);
    if (dirty !== undefined) {
      errors.push({ row, column: dirty, code: "control_characters" });
      continue;
    }
    const parsed = lineSchema.safeParse({
      date: record.date ?? "", amount: record.amount ?? "", currency: record.currency ?? "",
      payee: record.payee ?? "", purpose: record.purpose ?? "", reference: record.reference ?? "",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const code = /^payouts\.[a-z_]+$/.test(issue.message) ? issue.message : "payouts.statement_line_invalid";
        errors.push({ row, column: String(issue.path[0] ?? ""), code });
      }
      continue;
    }
    lines.push({ lineNo: row, ...parsed.data });
  }
  return { lines, errors };
}
