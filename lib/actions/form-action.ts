import "server-only";
import { unstable_rethrow } from "next/navigation";
import { DomainError } from "@/lib/kernel/errors";
import type { FormState } from "@/lib/kernel/form";

/**
 * Runs the body of a form action and turns failures into a FormState the form can show:
 * expected (DomainError) failures keep their code as the message key; anything else is logged
 * and shown as a generic error, never as a stack trace. Next's redirect/notFound pass through.
 */
export async function handleFormErrors(
  body: () => Promise<FormState>,
  values?: Record<string, string>,
): Promise<FormState> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof DomainError) return { ok: false, message: { key: error.code }, values };
    console.error("action failed", error);
    return { ok: false, message: { key: "unexpected" }, values };
  }
}
