import type { ReactNode } from "react";
import { StaffShell } from "@/components/shell/staff-shell";
import { requireTenantPage, requireUser } from "@/lib/auth/guard";
import { listMemberships } from "@/lib/auth/users";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "dashboard:read");
  const [user, memberships, t] = await Promise.all([requireUser(locale), listMemberships(ctx.userId), getT(locale, ["nav", "common"])]);
  return (
    <StaffShell
      locale={locale}
      tenant={{ slug: ctx.slug, name: ctx.name }}
      tenants={memberships.map((m) => m.tenant)}
      user={{ name: user.name, email: user.email, role: ctx.role }}
      t={t}
    >
      {children}
    </StaffShell>
  );
}
