import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authAdapter } from "@/lib/db/auth-adapter";
import { findUserByEmail } from "@/lib/db/users";
import { createI18n } from "@/lib/i18n/instance";
import { isLocale } from "@/lib/i18n/settings";
import { sendMail } from "@/lib/mail/send-mail";
import { checkCredentials } from "./credentials";
import { allowMagicLink } from "./rate-limit";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function clientIp(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request?.headers.get("x-real-ip") || "local";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: authAdapter,
  // Credentials sign-in requires JWT sessions; the adapter still stores users and magic-link tokens.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/en/sign-in", verifyRequest: "/en/check-email", error: "/en/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await checkCredentials(credentials, clientIp(request));
        if (!result.ok) throw new SignInRefused(result.code);
        return result.user;
      },
    }),
    {
      id: "email",
      type: "email",
      name: "E-mail",
      maxAge: 24 * 60 * 60,
      options: {},
      from: "no-reply@twoway.local",
      // Magic links are for people who already have an account (partners who accepted an
      // invite). For unknown addresses nothing is sent, but the page says the same thing.
      async sendVerificationRequest({ identifier, url }) {
        const user = await findUserByEmail(identifier);
        if (!user || !(await allowMagicLink(identifier))) return;
        const locale = isLocale(user.locale) ? user.locale : "en";
        const t = createI18n(locale).getFixedT(locale, "auth");
        await sendMail({
          to: identifier,
          subject: t("magic.subject"),
          text: t("magic.body", { url }),
        });
      },
    },
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
