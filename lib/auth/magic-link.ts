import { onBaseUrl } from "@/lib/base-url";
import { findUserByEmail, isStaffMember } from "./users";
import { createI18n } from "@/lib/i18n/instance";
import { isLocale } from "@/lib/i18n/settings";
import { sendMail } from "@/lib/mail/send-mail";
import { allowMagicLink } from "./rate-limit";

/**
 * Whether a magic link may sign this user in. Partners sign in by link (that is their way in). A staff
 * member (any membership) with a password only when they turned it on themselves: otherwise a link
 * in a mailbox — or in a leaked outbox — would skip the password and its lock-out.
 */
export async function magicLinkAllowed(user: { id: string; passwordHash: string | null; magicLinkSignIn: boolean }): Promise<boolean> {
  if (!user.passwordHash || user.magicLinkSignIn) return true;
  return !(await isStaffMember(user.id));
}

export type MagicLinkOutcome = "sent" | "no_account" | "not_allowed" | "rate_limited";

/**
 * Auth.js's sendVerificationRequest. Magic links are for people who already have an account and may
 * use one; for anyone else nothing is sent, and the page answers the same either way. The link is
 * rebuilt on the configured base URL (APP_URL), whatever host the request claimed.
 */
export async function sendMagicLink({ email, url, ip }: { email: string; url: string; ip: string }): Promise<MagicLinkOutcome> {
  const user = await findUserByEmail(email);
  if (!user) return "no_account";
  if (!(await magicLinkAllowed(user))) return "not_allowed";
  if (!(await allowMagicLink(email, ip))) return "rate_limited";
  const locale = isLocale(user.locale) ? user.locale : "en";
  const t = createI18n(locale).getFixedT(locale, "auth");
  await sendMail({ to: email, subject: t("magic.subject"), text: t("magic.body", { url: onBaseUrl(url), interpolation: { escapeValue: false } }) });
  return "sent";
}
