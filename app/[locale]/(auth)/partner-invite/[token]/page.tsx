import type { Metadata } from "next";
import Link from "next/link";
import { AcceptPartnerInviteForm } from "@/components/partners/accept-partner-invite-form";
import { Badge } from "@/components/ui/card";
import { auth } from "@/lib/auth/auth";
import { formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { loadPartnerInvite } from "@/lib/partners/accept-partner-invite";

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function PartnerInvitePage({ params, searchParams }: { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ error?: string }> }) {
  const locale = await localeParam(params);
  const { token } = await params;
  // Set by /api/partner-invite/accept when acceptance failed; only known codes are shown.
  const { error } = await searchParams;
  const errorKey = error && /^[a-z_]{3,40}$/.test(error) ? error : undefined;
  const [invite, session, t] = await Promise.all([loadPartnerInvite(token), auth(), getT(locale, ["partners", "common"])]);
  const card = "space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200";
  if (!invite) {
    return (
      <div className={card}>
        <h1 className="text-xl font-semibold">{t("accept.invalidTitle")}</h1>
        <p className="text-sm text-slate-600">{t("accept.invalidBody")}</p>
        <Link href={`/${locale}/sign-in`} className="text-sm font-semibold text-indigo-600 hover:underline">{t("accept.signIn")}</Link>
      </div>
    );
  }
  const signedInAs = session?.user?.email?.toLowerCase();
  return (
    <div className={card}>
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-indigo-600">{t("accept.eyebrow")}</p>
        <h1 className="mt-1 text-xl font-semibold">{t("accept.title", { agency: invite.agency })}</h1>
      </div>
      <div className="space-y-2 text-sm text-slate-700">
        <p className="font-medium">{t("accept.greeting", { name: invite.name })}</p>
        <p>{t("accept.lead")}</p>
      </div>
      {invite.programs.length > 0 ? (
        <div>
          <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("accept.programs")}</h2>
          <ul className="space-y-2">
            {invite.programs.map((p) => (
              <li key={p.id} className="rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {p.name}
                  <span className="flex gap-1">{p.markets.map((m) => <Badge key={m} tone="indigo">{m}</Badge>)}</span>
                </p>
                {p.description ? <p className="mt-1 text-slate-600">{p.description}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-xs text-slate-500">
        {t("accept.signInAs", { email: invite.email })} {t("accept.validUntil", { date: formatDateTime({ locale, timeZone: invite.timeZone }, invite.expiresAt) })}
      </p>
      {signedInAs && signedInAs !== invite.email ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{t("accept.otherAccount", { email: signedInAs, invitee: invite.email })}</p>
      ) : null}
      <AcceptPartnerInviteForm locale={locale} token={token} error={errorKey} />
    </div>
  );
}
