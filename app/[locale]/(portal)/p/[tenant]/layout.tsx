import type { ReactNode } from "react";
import { headers } from "next/headers";
import { PortalBottomNav, PortalNav } from "@/components/portal/portal-nav";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { requirePartner } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { hasPartnerPlacements } from "@/lib/placements/list-placements";
import { recordPortalVisitor } from "@/lib/risk/portal-visitor";
import { partnerUnreadMessages } from "@/lib/messages/partner-inbox";

/** The partner portal: phone-first, one column, the partner's language. */
export default async function PortalLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const request = await headers();
  await recordPortalVisitor(ctx, { ip: request.get(CLIENT_IP_HEADER), userAgent: request.get("user-agent") });
  const [t, placements, unreadCount] = await Promise.all([getT(locale, ["portal", "nav", "referrals", "messages"]), hasPartnerPlacements(ctx), partnerUnreadMessages(ctx)]);
  const unread = { count: unreadCount, label: t("messages:portal.unreadCount", { count: unreadCount }) };
  const base = `/${locale}/p/${ctx.slug}`;
  const labels = { nav: t("referrals:portal.nav.label"), home: t("referrals:portal.nav.home"), mine: t("referrals:portal.nav.mine"), submit: t("referrals:portal.nav.submit"), opportunities: t("referrals:portal.nav.opportunities"), links: t("nav:links"), funnel: t("nav:funnel"), earnings: t("nav:earnings"), messages: t("nav:messages"), account: t("nav:account"), more: t("referrals:portal.nav.more"),
    // Only a partner whose deals have placements sees the entry; the page itself answers everyone.
    placements: placements ? t("nav:placements") : null };
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-3">
          <div className="min-w-0">
            <p className="font-bold">Twoway<span className="text-indigo-600">.</span> <span className="hidden font-normal text-slate-500 sm:inline">{t("portal:title")}</span></p>
            <p className="truncate text-xs text-slate-500">{ctx.tenantName}</p>
          </div>
          <div className="flex items-center gap-3 whitespace-nowrap">
            <LanguageSwitcher current={locale} />
            <SignOutButton locale={locale} label={t("nav:signOut")} />
          </div>
        </div>
        <div className="mx-auto hidden max-w-3xl px-4 sm:block">
          <PortalNav base={base} labels={labels} unread={unread} />
        </div>
      </header>
      {/* On a phone the bottom bar covers the last 4 rem: the page ends above it. */}
      <main className="mx-auto max-w-3xl px-4 pt-6 pb-24 sm:pb-6">{children}</main>
      <PortalBottomNav base={base} labels={labels} unread={unread} />
    </div>
  );
}
