import type { FormState } from "@/lib/kernel/form";
import type { ScreenAllSummary } from "./screen";
import type { SdnImportSummary } from "./sdn-import";

export type SdnImportState = FormState & { summary?: SdnImportSummary; screened?: ScreenAllSummary };
export type ScreenAllState = FormState & { screened?: ScreenAllSummary };
