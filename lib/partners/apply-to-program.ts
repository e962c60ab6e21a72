import { resolvePublicContext } from "@/lib/auth/contexts/public";
import { NotFoundError } from "@/lib/kernel/errors";
import { createI18n } from "@/lib/i18n/instance";
import { createApplication, findOpenProgram } from "./public-programs";
import type { ApplicationInput } from "./schemas";

/** The open program behind a public application link; anything else (invite-only, archived, foreign) is null. */
export async function findApplicationProgram(tenantSlug: string, programId: string) {
  const tenant = await resolvePublicContext(tenantSlug);
  return tenant ? findOpenProgram(tenant, programId) : null;
}

export type ApplicationOutcome = "received" | "already_applied";

/**
 * A public application to an open program: a partner row with status "applied", enrolled in the
 * program, waiting for staff to approve or decline. The audit entry keeps the application text
 * and the consent exactly as the applicant saw it. A second application with the same e-mail gets
 * the same friendly answer whatever that partner's status is, so nothing about them leaks.
 */
export async function applyToProgram(target: { tenantSlug: string; programId: string }, input: ApplicationInput): Promise<ApplicationOutcome> {
  const tenant = await resolvePublicContext(target.tenantSlug);
  const program = tenant ? await findOpenProgram(tenant, target.programId) : null;
  if (!tenant || !program) throw new NotFoundError();
  // Only bots fill the hidden field: they get the normal answer and nothing is stored.
  if (input.website) return "received";
  const t = createI18n(input.language).getFixedT(input.language, "partners");
  const result = await createApplication(tenant, program, {
    name: input.name,
    email: input.email,
    market: input.market,
    country: input.country,
    preferredLocale: input.language,
    record: {
      programId: program.id,
      program: program.name,
      pitch: input.pitch,
      consent: { text: t("apply.consent", { agency: program.tenant.name }), locale: input.language, at: new Date().toISOString() },
    },
  });
  return result.ok ? "received" : "already_applied";
}
