import { z } from "zod";
import { DEFAULT_TIME_ZONE, resolveTimeZone } from "@/lib/kernel/time-zone";
import { createUserWithTenant, findUserByEmail, isSlugTaken } from "./users";
import { baseUrl } from "@/lib/base-url";
import { createI18n } from "@/lib/i18n/instance";
import { sendMail } from "@/lib/mail/send-mail";
import { hashPassword } from "./password";
import { slugify } from "@/lib/kernel/slug";

export const signUpSchema = z.object({
  agencyName: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(80),
  email: z.string().trim().toLowerCase().max(200).pipe(z.email({ message: "invalid_email" })),
  password: z.string().min(10, { message: "password_too_short" }).max(200),
  // The browser's zone, filled in by the form's script: a proposal, never an error — absent
  // (no JavaScript) or unknown, the agency starts on UTC and changes it in Settings.
  timeZone: z.string().max(64).optional().transform((zone) => (zone ? resolveTimeZone(zone) : null) ?? DEFAULT_TIME_ZONE),
});
export type SignUpInput = Omit<z.output<typeof signUpSchema>, "timeZone"> & { timeZone?: string };

export { slugify };

async function freeSlug(name: string): Promise<string> {
  const base = slugify(name);
  for (let i = 0; i < 20; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await isSlugTaken(candidate))) return candidate;
  }
  return `${base}-${Math.random().toString(36).slice(2, 8)}`;
}

export type SignUpOutcome =
  | { created: true; user: { id: string }; tenant: { id: string; slug: string; name: string; reportingCurrency: string; defaultLocale: string } }
  | { created: false };

/**
 * Creates a new agency tenant with its owner — or, when the e-mail already has an account, creates
 * nothing. Either way the caller answers the same ("check your e-mail") and the address's owner is
 * told by mail (`sendSignUpMail`), so sign-up cannot be used to learn which e-mails have accounts.
 */
export async function signUp(input: SignUpInput, locale: string): Promise<SignUpOutcome> {
  // Hash first in both branches: the answer takes as long for a known e-mail as for a new one.
  const passwordHash = await hashPassword(input.password);
  if (await findUserByEmail(input.email)) return { created: false };
  try {
    const created = await createUserWithTenant({
      email: input.email,
      name: input.name,
      passwordHash,
      locale,
      tenantName: input.agencyName,
      tenantSlug: await freeSlug(input.agencyName),
      timeZone: input.timeZone,
    });
    return { created: true, ...created };
  } catch (error) {
    // A concurrent sign-up with the same e-mail loses the unique-index race: as if it existed.
    if ((error as { code?: string }).code === "P2002") return { created: false };
    throw error;
  }
}

/** The mail that continues a sign-up: "your workspace is ready" or "you already have an account". */
export async function sendSignUpMail(input: SignUpInput, outcome: SignUpOutcome, locale: "en" | "ru"): Promise<void> {
  const t = createI18n(locale).getFixedT(locale, "auth");
  const base = baseUrl();
  if (outcome.created) {
    const next = `/${locale}/t/${outcome.tenant.slug}?welcome=1`;
    await sendMail({
      tenantId: outcome.tenant.id,
      to: input.email,
      subject: t("signupMail.newSubject"),
      text: t("signupMail.newBody", { name: input.name, agency: outcome.tenant.name, url: `${base}/${locale}/sign-in?next=${encodeURIComponent(next)}`, interpolation: { escapeValue: false } }),
    });
  } else {
    await sendMail({
      to: input.email,
      subject: t("signupMail.existingSubject"),
      text: t("signupMail.existingBody", { url: `${base}/${locale}/sign-in`, interpolation: { escapeValue: false } }),
    });
  }
}
