import Link from "next/link";
import { AgencyTimeZoneForm } from "@/components/settings/agency-time-zone-form";
import { ClickRetentionForm } from "@/components/settings/click-retention-form";
import { InviteForm } from "@/components/settings/invite-form";
import { PersonalTimeZoneForm } from "@/components/settings/personal-time-zone-form";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { SignInSettings } from "@/components/settings/sign-in-settings";
import { requireTenantPage, requireUser } from "@/lib/auth/guard";
import { assignableRoles, can } from "@/lib/auth/permissions";
import { formatDate, formatDateTime, timeZoneOptions, zoneDescription } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { appUrl } from "@/lib/app-url";
import { allowedEmbedOrigins } from "@/lib/embed/origins";
import { embedSnippets } from "@/lib/embed/snippets";
import { getClickRetention } from "@/lib/settings/click-retention";
import { getWorkspace } from "@/lib/settings/update-workspace";
import { listStaff } from "@/lib/staff/invite-staff";

export default async function SettingsPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "settings:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const [workspace, staff, user, t, retention, snippets] = await Promise.all([
    getWorkspace(ctx), listStaff(ctx), requireUser(locale), getT(locale, ["settings", "nav", "apikeys", "auth", "timezones", "webhooks", "ord"]), getClickRetention(ctx),
    appUrl().then((base) => embedSnippets(ctx, base)),
  ]);
  const embedding = allowedEmbedOrigins(workspace.boardEmbedOrigins);
  const now = new Date();
  const zones = timeZoneOptions(locale, now);
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={t("workspace.title")}>
          <WorkspaceForm locale={locale} tenant={ctx.slug} initial={{ name: workspace.name, reportingCurrency: workspace.reportingCurrency, boardEmbedOrigins: workspace.boardEmbedOrigins.join("\n") }} disabled={!can(ctx.role, "settings:manage")} />
        </Card>
        <Card title={t("embed.title")} className="lg:col-span-2">
          <div className="space-y-3 text-sm text-slate-700" data-testid="embed-snippets">
            <p>{embedding.length ? t("embed.lead", { origins: embedding.join(", ") }) : t("embed.none")}</p>
            <p className="font-medium text-slate-900">{t("embed.board")}</p>
            <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{snippets.board}</pre>
            {snippets.programs.map((p) => (
              <div key={p.id} className="space-y-1">
                <p className="font-medium text-slate-900">{t("embed.program", { program: p.name })}</p>
                <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{p.snippet}</pre>
              </div>
            ))}
            <p className="text-xs text-slate-500">{t("embed.options")}</p>
          </div>
        </Card>
        <Card title={t("timezones:agency.title")}>
          <AgencyTimeZoneForm
            locale={locale} tenant={ctx.slug} timeZone={ctx.timeZone} options={zones} disabled={!can(ctx.role, "settings:manage")}
            now={formatDateTime({ locale, timeZone: ctx.timeZone }, now)}
          />
        </Card>
        <Card title={t("staff.title")}>
          <ul className="divide-y divide-slate-100 text-sm">
            {staff.members.map((m) => (
              <li key={m.id} className="flex items-center justify-between py-2">
                <span><span className="font-medium">{m.user.name ?? m.user.email}</span> <span className="text-slate-500">{m.user.email}</span></span>
                <Badge>{t(`nav:roles.${m.role}`)}</Badge>
              </li>
            ))}
            {staff.invites.map((i) => (
              <li key={i.id} className="flex items-center justify-between py-2 text-slate-600">
                <span>{i.email}</span>
                <Badge tone="amber">{t("staff.pending", { date: formatDate(fmt, i.expiresAt) })}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("retention.title")}>
          <ClickRetentionForm locale={locale} tenant={ctx.slug} months={retention} disabled={ctx.role !== "owner"} />
        </Card>
        <Card title={t("auth:security.title")}>
          <SignInSettings locale={locale} magicLinkSignIn={user.magicLinkSignIn} />
        </Card>
        <Card title={t("timezones:personal.title")}>
          <PersonalTimeZoneForm locale={locale} own={user.timeZone} agencyZone={zoneDescription({ locale, timeZone: ctx.timeZone }, now)} options={zones} />
        </Card>
        {can(ctx.role, "integrations:manage") ? (
          <Card title={t("apikeys:integrations.title")} className="lg:col-span-2">
            <p className="text-sm text-slate-600">{t("apikeys:integrations.text")}</p>
            <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium">
              <li><Link href={`/${locale}/t/${ctx.slug}/settings/api-keys`} className="text-indigo-700 hover:underline">{t("apikeys:integrations.apiKeys")}</Link></li>
              <li><Link href={`/${locale}/t/${ctx.slug}/settings/fx`} className="text-indigo-700 hover:underline">{t("apikeys:integrations.fx")}</Link></li>
              <li><Link href={`/${locale}/t/${ctx.slug}/settings/webhooks`} className="text-indigo-700 hover:underline">{t("webhooks:link")}</Link></li>
              <li><Link href={`/${locale}/t/${ctx.slug}/settings/ord`} className="text-indigo-700 hover:underline">{t("ord:settings.link")}</Link></li>
            </ul>
          </Card>
        ) : null}
        {can(ctx.role, "staff:manage") ? (
          <Card title={t("invite.title")} className="lg:col-span-2">
            <InviteForm locale={locale} tenant={ctx.slug} roles={assignableRoles(ctx.role)} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
