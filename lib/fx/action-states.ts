import type { FormState } from "@/lib/kernel/form";
import type { RatesImportSummary } from "./import-rates";

export type RatesImportState = FormState & { summary?: RatesImportSummary };
