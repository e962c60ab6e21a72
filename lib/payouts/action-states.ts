import type { FormState } from "@/lib/kernel/form";
import type { RowError } from "@/lib/kernel/row-error";
import type { ReconcileSummary } from "./reconcile";

/** The reconciliation result as plain strings (amounts in minor units), safe to send to the browser. */
export type StatementSummaryView = Omit<ReconcileSummary, "missing"> & {
  missing: { reference: string; partnerName: string; amountMinor: string; currency: string }[];
};
export type StatementImportState = FormState & { summary?: StatementSummaryView; errors?: RowError[] };
