import { resolvePublicContext } from "@/lib/auth/contexts/public";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { parseAnswers } from "@/lib/groups/schemas";
import { createI18n } from "@/lib/i18n/instance";
import { createApplication, findOpenProgram } from "./public-programs";
import type { ApplicationInput } from "./schemas";
import { findPublicGroup, type PublicGroup } from "@/lib/groups/public-group";

/**
 * The open program behind a public application link, with the group its `?group=` names; anything
 * else (invite-only, archived, foreign program, a group key that names no group of it) is null.
 */
export async function findApplicationProgram(tenantSlug: string, programId: string, groupKey?: string | null) {
  const tenant = await resolvePublicContext(tenantSlug);
  const program = tenant ? await findOpenProgram(tenant, programId) : null;
  if (!tenant || !program) return null;
  const group: PublicGroup | null = groupKey ? await findPublicGroup(tenant, program.id, groupKey) : null;
  if (groupKey && !group) return null;
  return { ...program, group };
}

export type ApplicationOutcome = "received" | "already_applied";

/**
 * A public application to an open program: a partner row with status "applied", enrolled in the
 * program, waiting for staff to approve or decline. The audit entry keeps the application text
 * and the consent exactly as the applicant saw it. A second application with the same e-mail gets
 * the same friendly answer whatever that partner's status is, so nothing about them leaks.
 */
export async function applyToProgram(
  target: { tenantSlug: string; programId: string; group?: string | null },
  input: ApplicationInput,
  /** Answers to the group's questions, read by field name (`answers.q1` …). */
  readAnswer: (name: string) => unknown = () => undefined,
): Promise<ApplicationOutcome> {
  const tenant = await resolvePublicContext(target.tenantSlug);
  const program = tenant ? await findOpenProgram(tenant, target.programId) : null;
  if (!tenant || !program) throw new NotFoundError();
  const group = target.group ? await findPublicGroup(tenant, program.id, target.group) : null;
  if (target.group && !group) throw new NotFoundError();
  // Only bots fill the hidden field: they get the normal answer and nothing is stored.
  if (input.website) return "received";
  const { answers, error } = parseAnswers(group?.questions ?? [], readAnswer);
  if (error) throw new InvalidAnswer(error.field, error.key);
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
      ...(group ? { groupId: group.id, group: group.name, answers: group.questions.map((q) => ({ question: q[input.language === "ru" ? "ru" : "en"], answer: answers[q.id] })) } : {}),
      consent: { text: t("apply.consent", { agency: program.tenant.name }), locale: input.language, at: new Date().toISOString() },
    },
  }, group?.id ?? null);
  return result.ok ? "received" : "already_applied";
}

/** An answer to a group's question is missing or too long: `field` is the form field, `code` the message key. */
export class InvalidAnswer extends DomainError {
  constructor(readonly field: string, code: string) {
    super(code);
  }
}
