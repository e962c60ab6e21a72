import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { auth } from "@/lib/auth/auth";
import { findInviteByTokenHash } from "@/lib/staff/invites";
import { findUserByEmail } from "@/lib/auth/users";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { hashToken } from "@/lib/staff/tokens";

export default async function InvitePage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const locale = await localeParam(params);
  const { token } = await params;
  const [invite, session, t] = await Promise.all([findInviteByTokenHash(hashToken(token)), auth(), getT(locale, ["auth", "nav"])]);
  const card = "space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200";
  if (!invite || invite.acceptedAt || invite.expiresAt < new Date()) {
    return (
      <div className={card}>
        <h1 className="text-xl font-semibold">{t("invite.invalidTitle")}</h1>
        <p className="text-sm text-slate-600">{t("invite.invalidBody")}</p>
      </div>
    );
  }
  const signedInEmail = session?.user?.email?.toLowerCase();
  const existing = !signedInEmail && (await findUserByEmail(invite.email));
  return (
    <div className={card}>
      <h1 className="text-xl font-semibold">{t("invite.title", { agency: invite.tenant.name })}</h1>
      <p className="text-sm text-slate-600">{t("invite.lead", { email: invite.email, role: t(`nav:roles.${invite.role}`) })}</p>
      {signedInEmail && signedInEmail !== invite.email ? (
        <p className="text-sm text-amber-800">{t("invite.otherAccount", { email: signedInEmail })}</p>
      ) : existing ? (
        <Link href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/invite/${token}`)}`} className="text-sm font-semibold text-indigo-600 hover:underline">
          {t("invite.signInToAccept")}
        </Link>
      ) : (
        <AcceptInviteForm locale={locale} token={token} signedIn={!!signedInEmail} />
      )}
    </div>
  );
}
