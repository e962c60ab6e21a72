import type { FormState } from "@/lib/kernel/form";
import type { BulkResult } from "./transition-referral";

/** Bulk triage's answer: what happened to each selected referral. */
export type BulkState = FormState & { results?: BulkResult[] };
