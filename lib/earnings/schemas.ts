// Portal forms: the partner's payout method (Russian bank details for the RUB registry, or a
// manual rail) and the self-employed receipt for a paid payout. Messages are `errors` keys.
import { z } from "zod";
import { isValidInn } from "@/lib/compliance/tax-ids";

/** Digits as typed, with the spaces and dashes people paste from bank documents removed. */
const digits = (format: (v: string) => boolean, message: string) =>
  z.string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .refine((v) => v.length > 0, { message: "required" })
    .refine((v) => v.length === 0 || format(v), { message });

const text = (max: number) => z.string().trim().min(1).max(max);

export const bankDetailsInput = z.object({
  rail: z.literal("registry"),
  payeeName: text(200),
  inn: digits((v) => /^(\d{10}|\d{12})$/.test(v), "earnings.inn_format")
    .refine((v) => !/^(\d{10}|\d{12})$/.test(v) || isValidInn(v), { message: "earnings.inn_checksum" }),
  bankName: text(200),
  bic: digits((v) => /^04\d{7}$/.test(v), "earnings.bic_invalid"),
  accountNumber: digits((v) => /^\d{20}$/.test(v), "earnings.account_invalid"),
  corrAccount: digits((v) => /^\d{20}$/.test(v), "earnings.corr_account_invalid"),
});

export const manualMethodInput = z.object({
  rail: z.literal("manual"),
  details: z.string().trim().min(3).max(1000),
  currency: z.enum(["USD", "RUB"]),
});

export const payoutMethodInput = z.discriminatedUnion("rail", [bankDetailsInput, manualMethodInput]);
export type PayoutMethodInput = z.infer<typeof payoutMethodInput>;

// A «Мой налог» receipt number (e.g. 20abc12def) or the receipt's link.
export const receiptInput = z.object({
  receiptRef: z.string().trim().min(1).max(200)
    .refine((v) => v.length === 0 || /^[\p{L}\p{N}\-_/.:?=&]{4,200}$/u.test(v), { message: "earnings.receipt_invalid" }),
});
export type ReceiptInput = z.infer<typeof receiptInput>;
