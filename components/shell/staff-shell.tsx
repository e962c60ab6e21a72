import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import type { Locale } from "@/lib/i18n/settings";
import { NotificationBell } from "@/components/notifications/bell";
import { CommandPalette } from "@/components/search/command-palette";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { TenantSwitcher } from "./tenant-switcher";

const sections = ["funnel", "referrals", "placements", "partners", "messages", "programs", "opportunities", "links", "brands", "creators", "commissions", "payouts", "compliance", "risk", "audit", "settings"] as const;

type Props = {
  locale: Locale;
  tenant: { slug: string; name: string };
  tenants: { slug: string; name: string }[];
  user: { name: string | null; email: string; role: string };
  /** Unread notifications: the "needs attention" badge. */
  unread?: number;
  t: TFunction;
  children: ReactNode;
};

export function StaffShell({ locale, tenant, tenants, user, unread = 0, t, children }: Props) {
  const base = `/${locale}/t/${tenant.slug}`;
  const nav = (
    <nav aria-label={t("nav:main")} className="space-y-1">
      <NavLink href={base} exact>{t("nav:dashboard")}</NavLink>
      {sections.map((s) => (
        <NavLink key={s} href={`${base}/${s}`}>{t(`nav:${s}`)}</NavLink>
      ))}
    </nav>
  );
  return (
    <div className="min-h-screen bg-slate-50 lg:grid lg:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("nav:skipToContent")}
      </a>
      <aside className="hidden border-r border-slate-200 bg-white px-4 py-5 lg:flex lg:flex-col lg:gap-6">
        <div>
          <p className="text-lg font-bold tracking-tight text-slate-900">Twoway<span className="text-indigo-600">.</span></p>
          <p className="truncate text-xs text-slate-500">{tenant.name}</p>
        </div>
        <TenantSwitcher locale={locale} current={tenant.slug} tenants={tenants} />
        {nav}
        <div className="mt-auto space-y-3 border-t border-slate-100 pt-4">
          <div className="text-xs text-slate-600">
            <p className="truncate font-medium text-slate-900">{user.name ?? user.email}</p>
            <p>{t(`nav:roles.${user.role}`)}</p>
          </div>
          <SignOutButton locale={locale} label={t("nav:signOut")} />
        </div>
      </aside>
      <div className="min-w-0">
        <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2.5 lg:px-8">
          <details className="relative lg:hidden">
            <summary className="cursor-pointer list-none rounded-md px-2 py-1.5 text-sm font-semibold ring-1 ring-slate-300">
              ☰ {t("nav:menu")}
            </summary>
            <div className="absolute left-0 z-20 mt-2 w-64 space-y-4 rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200">
              <p className="truncate text-sm font-semibold text-slate-900 sm:hidden">{tenant.name}</p>
              <TenantSwitcher locale={locale} current={tenant.slug} tenants={tenants} />
              {nav}
              <SignOutButton locale={locale} label={t("nav:signOut")} />
            </div>
          </details>
          {/* Below sm the bell, search and languages need the room; the menu shows the agency. */}
          <p className="hidden min-w-0 truncate text-sm font-medium text-slate-700 sm:block lg:hidden">{tenant.name}</p>
          <div className="ml-auto flex items-center gap-3">
            <NotificationBell href={`${base}/notifications`} count={unread} label={unread > 0 ? t("notifications:bellUnread", { count: unread }) : t("notifications:bell")} />
            <CommandPalette searchUrl={`${base}/search`} />
            <LanguageSwitcher current={locale} />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 lg:px-8 lg:py-8">{children}</main>
      </div>
    </div>
  );
}
