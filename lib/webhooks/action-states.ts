import type { FormState } from "@/lib/kernel/form";

/** A signing secret travels back to the browser once, in this state, and is never readable again. */
export type SecretState = FormState & { secret?: string; endpointId?: string };

/** The outcome of a send from the endpoint page (test event, redeliver). */
export type SendState = FormState & { sent?: { ok: boolean; status: number | null; error: string | null } };
