import { z } from "zod";
import { acceptPartnerInviteToken } from "@/lib/partners/accept-partner-invite";
import { readLimitedForm } from "@/lib/http/read-limited";
import { log } from "@/lib/ops/log";

/** The form carries a token and a locale: a few hundred bytes. */
const MAX_FORM_BYTES = 16 * 1024;

const input = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/),
  locale: z.enum(["en", "ru"]).catch("en"),
});

/**
 * Accepting a partner invitation is a plain form POST answered with a 303 to Auth.js' e-mail
 * callback, so the browser itself follows it and receives the session cookie. (A server action
 * cannot do this: Next fetches a relative redirect target on the server, spending the one-time
 * sign-in token.) The Location is relative so the host the person used is kept.
 */
export async function POST(request: Request) {
  const form = await readLimitedForm(request, MAX_FORM_BYTES);
  const parsed = input.safeParse({ token: form?.get("token"), locale: form?.get("locale") ?? undefined });
  if (!parsed.success) return new Response(null, { status: 303, headers: { Location: "/" } });
  const { token, locale } = parsed.data;
  const back = `/${locale}/partner-invite/${token}`;
  try {
    const accepted = await acceptPartnerInviteToken(token, locale);
    const location = accepted.ok ? accepted.signInPath : `${back}?error=${accepted.code}`;
    return new Response(null, { status: 303, headers: { Location: location } });
  } catch (error) {
    log().error({ err: error }, "partner invite acceptance failed");
    return new Response(null, { status: 303, headers: { Location: `${back}?error=unexpected` } });
  }
}
