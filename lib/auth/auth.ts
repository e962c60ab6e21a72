import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authAdapter } from "@/lib/db/auth-adapter";
import { bumpSessionVersion, findUserByEmail } from "./users";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { checkCredentials } from "./credentials";
import { magicLinkAllowed, sendMagicLink } from "./magic-link";
import { checkSessionToken } from "./session-token";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** Resolved by scripts/server.ts from the socket or trusted proxies; a client cannot set it. */
function clientIp(request: Request | undefined): string {
  return request?.headers.get(CLIENT_IP_HEADER) || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: authAdapter,
  // Credentials sign-in requires JWT sessions; the adapter still stores users and magic-link tokens.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // Host is trusted only because every URL Auth.js builds comes from AUTH_URL, which scripts/server.ts
  // pins to the configured base URL (APP_URL); forwarded headers reach it only behind TRUST_PROXY.
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
      // Staff accounts with a password are not entered by link unless their owner turned that on.
      async sendVerificationRequest({ identifier, url, request }) {
        await sendMagicLink({ email: identifier, url, ip: clientIp(request) });
      },
    },
  ],
  events: {
    // Signing out revokes the token: the version bump ends this user's sessions on every device
    // (a copied cookie stops working too). Covers the app's button and POST /api/auth/signout.
    async signOut(message) {
      const sub = "token" in message ? message.token?.sub : undefined;
      if (sub) await bumpSessionVersion(sub);
    },
  },
  callbacks: {
    // The link itself is refused at the callback for staff who did not turn magic links on (a link
    // issued before they turned it off, say). When the link is *requested* this always answers yes:
    // sendMagicLink then silently sends nothing, so the page cannot tell who has which account.
    async signIn({ user, account, email }) {
      if (account?.provider !== "email" || email?.verificationRequest) return true;
      const stored = user.email ? await findUserByEmail(user.email) : null;
      return !!stored && (await magicLinkAllowed(stored));
    },
    // Every token carries the user's session version; sign-out (everywhere), a password change or
    // removal bumps it in the database and every older token stops working at its next use.
    jwt({ token, user }) {
      return checkSessionToken(token, user?.id);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
