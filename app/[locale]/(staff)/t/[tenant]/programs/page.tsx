import Link from "next/link";
import { ProgramForm } from "@/components/programs/program-form";
import { ProgramSettingsForm } from "@/components/programs/program-settings-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { appUrl } from "@/lib/app-url";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { agencyDefaults } from "@/lib/onboarding/agency-defaults";
import { listPrograms } from "@/lib/programs/programs";

export default async function ProgramsPage({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:read");
  const [programs, origin, t, defaults] = await Promise.all([listPrograms(ctx), appUrl(), getT(locale, ["partners", "common"]), agencyDefaults(ctx)]);
  const manage = can(ctx.role, "settings:manage");
  return (
    <>
      <PageHeader title={t("programs.title")} subtitle={t("programs.lead")} />
      <div className="space-y-6">
        {programs.length === 0 ? (
          <EmptyState>{t("programs.empty")}</EmptyState>
        ) : null}
        {programs.map((p) => {
          const link = `${origin}/${locale}/apply/${ctx.slug}/${p.id}`;
          return (
            <Card
              key={p.id}
              title={p.name}
              action={
                <span className="flex flex-wrap justify-end gap-1">
                  <Badge tone={p.access === "open" ? "green" : "slate"}>{t(`programs.accessShort.${p.access}`)}</Badge>
                  <Badge>{t(`programs.modes.${p.mode}`)}</Badge>
                </span>
              }
            >
              <div className="space-y-4 text-sm">
                {p.description ? <p className="text-slate-700">{p.description}</p> : null}
                <dl className="grid gap-3 sm:grid-cols-4">
                  <div><dt className="text-slate-500">{t("programs.fields.markets")}</dt><dd className="mt-0.5 flex flex-wrap gap-1">{p.markets.map((m) => <Badge key={m} tone="indigo">{m}</Badge>)}</dd></div>
                  <div><dt className="text-slate-500">{t("title")}</dt><dd className="font-medium">{t("programs.partnerCount", { count: p._count.enrolments })}</dd></div>
                  <div><dt className="text-slate-500">{t("programs.fields.attribution")}</dt><dd className="font-medium">{t("programs.days", { count: p.attributionWindowDays })}</dd></div>
                  <div><dt className="text-slate-500">{t("programs.fields.protection")}</dt><dd className="font-medium">{t("programs.days", { count: p.protectionWindowDays })}</dd></div>
                </dl>
                <div>
                  <p className="mb-1 text-slate-500">{t("groups.titleShort")}</p>
                  <p className="flex flex-wrap items-center gap-1.5">
                    {p.groups.length === 0 ? <span className="text-slate-600">{t("groups.none")}</span> : p.groups.map((g) => <Badge key={g.id} tone={g.isDefault ? "green" : "slate"}>{g.name}</Badge>)}
                    <Link href={`/${locale}/t/${ctx.slug}/programs/${p.id}/groups`} className="text-xs font-medium text-indigo-600 hover:underline">{t("groups.manage")}</Link>
                  </p>
                </div>
                {p.access === "open" ? (
                  <div>
                    <p className="mb-1 text-slate-500">{t("programs.publicLink")}</p>
                    <div className="flex flex-wrap items-center gap-2">
                      <code className="min-w-0 select-all break-all rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-800 ring-1 ring-slate-200">{link}</code>
                      <a href={link} target="_blank" rel="noopener" className="text-xs font-medium text-indigo-600 hover:underline">{t("programs.openLink")} ↗</a>
                    </div>
                  </div>
                ) : (
                  <p className="text-slate-500">{t("programs.inviteOnlyNote")}</p>
                )}
                {manage ? (
                  <details className="rounded-lg ring-1 ring-slate-200 open:bg-slate-50/60">
                    <summary className="cursor-pointer px-3 py-2 font-medium text-slate-700">{t("programs.edit")}</summary>
                    <div className="border-t border-slate-200 p-4">
                      <ProgramSettingsForm
                        key={p.updatedAt.toISOString()}
                        locale={locale}
                        tenant={ctx.slug}
                        id={p.id}
                        initial={{
                          access: p.access, "markets[]": p.markets.join(","),
                          attributionWindowDays: String(p.attributionWindowDays), protectionWindowDays: String(p.protectionWindowDays),
                        }}
                      />
                    </div>
                  </details>
                ) : null}
              </div>
            </Card>
          );
        })}
        {manage ? (
          <Card title={t("programs.new")}>
            <ProgramForm locale={locale} tenant={ctx.slug} defaultMarkets={defaults.markets} />
          </Card>
        ) : (
          <p className="text-xs text-slate-500">{t("programs.readOnly")}</p>
        )}
      </div>
    </>
  );
}
