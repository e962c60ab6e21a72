import type { FormState } from "@/lib/kernel/form";

/** A created key travels back to the browser once, in this state, and is never readable again. */
export type CreateKeyState = FormState & { secret?: string; name?: string };
