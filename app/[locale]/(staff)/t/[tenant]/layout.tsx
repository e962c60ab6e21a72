import type { ReactNode } from "react";
import { StaffShell } from "@/components/shell/staff-shell";
import { requireTenantPage, requireUser } from "@/lib/auth/guard";
import { listMemberships } from "@/lib/auth/users";
import { localeParam } from "@/lib/i18n/params";
import { unreadCount } from "@/lib/notifications/inbox";
import { getT } from "@/lib/i18n/server";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "dashboard:read");
  const [user, memberships, t, unread] = await Promise.all([requireUser(locale), listMemberships(ctx.userId), getT(locale, ["nav", "common", "notifications"]), unreadCount(ctx)]);
  return (
    <StaffShell
      locale={locale}
      tenant={{ slug: ctx.slug, name: ctx.name }}
      tenants={memberships.map((m) => m.tenant)}
      user={{ name: user.name, email: user.email, role: ctx.role }}
      unread={unread}
      t={t}
    >
      {children}
    </StaffShell>
  );
}
