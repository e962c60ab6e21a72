import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { zodFieldErrors, type FieldErrors } from "@/lib/kernel/form";
import { previewHypothetical, previewStoredEvent, type PreviewResult } from "./preview";
import { previewEventInput, previewHypotheticalInput, type HypotheticalEvent } from "./schemas";

export type PreviewQuery =
  | { kind: "none" }
  | { kind: "invalid"; fieldErrors: FieldErrors }
  | { kind: "ready"; eventId: string }
  | { kind: "ready"; hypothetical: HypotheticalEvent };

/** The rules page's preview forms submit by GET: `eventId`, or `pProgram`/`pMarket`/`pType`/`pAmount`/`pCurrency`/`pDate`. */
export function readPreviewQuery(sp: Record<string, string | undefined>): PreviewQuery {
  if (sp.eventId !== undefined) {
    const parsed = previewEventInput.safeParse({ eventId: sp.eventId });
    return parsed.success ? { kind: "ready", eventId: parsed.data.eventId } : { kind: "invalid", fieldErrors: zodFieldErrors(parsed.error) };
  }
  if (sp.pProgram === undefined) return { kind: "none" };
  const parsed = previewHypotheticalInput.safeParse({
    programId: sp.pProgram ?? "", market: sp.pMarket ?? "", type: sp.pType ?? "", amount: sp.pAmount ?? "", currency: sp.pCurrency ?? "", occurredAt: sp.pDate ?? "",
  });
  return parsed.success ? { kind: "ready", hypothetical: parsed.data } : { kind: "invalid", fieldErrors: zodFieldErrors(parsed.error) };
}

/** Runs a ready preview; a foreign or unknown id answers "not found". */
export async function runPreview(ctx: TenantContext, query: Extract<PreviewQuery, { kind: "ready" }>): Promise<{ ok: true; result: PreviewResult } | { ok: "not_found" }> {
  try {
    const result = "eventId" in query ? await previewStoredEvent(ctx, query.eventId) : await previewHypothetical(ctx, query.hypothetical);
    return { ok: true, result };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: "not_found" };
    throw error;
  }
}
