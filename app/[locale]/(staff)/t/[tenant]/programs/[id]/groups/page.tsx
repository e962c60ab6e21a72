import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupForm } from "@/components/groups/group-form";
import { MakeDefaultButton } from "@/components/groups/make-default-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/data-table";
import { appUrl } from "@/lib/app-url";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getProgramGroups } from "@/lib/groups/groups";
import { groupFormValues } from "@/lib/groups/form-values";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/kernel/errors";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }> };

/** Staff: a program's partner groups — their terms, landing text, application link and rules. */
export default async function ProgramGroupsPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:read");
  const [{ program, groups }, origin, t] = await Promise.all([
    getProgramGroups(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e))),
    appUrl(),
    getT(locale, ["partners", "common"]),
  ]);
  const manage = can(ctx.role, "settings:manage");
  const rules = can(ctx.role, "payouts:manage");
  const base = `/${locale}/t/${ctx.slug}`;
  return (
    <>
      <Link href={`${base}/programs`} className="mb-2 inline-block text-sm text-slate-600 hover:text-indigo-700">← {t("groups.back")}</Link>
      <PageHeader title={t("groups.title", { program: program.name })} subtitle={t("groups.lead")} />
      <div className="space-y-6">
        {groups.length === 0 ? <EmptyState>{t("groups.empty")}</EmptyState> : null}
        {groups.map((g) => {
          const link = `${origin}/${locale}/apply/${ctx.slug}/${program.id}?group=${g.slug}`;
          return (
            <Card
              key={g.id}
              title={g.name}
              action={g.isDefault ? <Badge tone="green">{t("groups.default")}</Badge> : undefined}
            >
              <div className="space-y-4 text-sm">
                <dl className="grid gap-3 sm:grid-cols-3">
                  <div><dt className="text-slate-500">{t("groups.members")}</dt><dd className="font-medium">{t("programs.partnerCount", { count: g._count.members })}</dd></div>
                  <div><dt className="text-slate-500">{t("groups.rules")}</dt><dd className="font-medium">{g._count.rules > 0 ? t("groups.ruleCount", { count: g._count.rules }) : t("groups.programRules")}</dd></div>
                  <div><dt className="text-slate-500">{t("groups.fields.hold")}</dt><dd className="font-medium">{g.holdDays === null ? t("groups.ruleHold") : t("programs.days", { count: g.holdDays })}</dd></div>
                </dl>
                {program.access === "open" ? (
                  <div>
                    <p className="mb-1 text-slate-500">{t("groups.publicLink")}</p>
                    <code className="block min-w-0 select-all break-all rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-800 ring-1 ring-slate-200">{link}</code>
                  </div>
                ) : null}
                <div className="flex flex-wrap items-center gap-3">
                  {rules ? <Link href={`${base}/commissions/rules?program=${program.id}&group=${g.id}#rule-form`} className="text-sm font-medium text-indigo-700 hover:underline">{t("groups.addRule")}</Link> : null}
                  {manage && !g.isDefault ? <MakeDefaultButton locale={locale} tenant={ctx.slug} id={g.id} /> : null}
                </div>
                {manage ? (
                  <details className="rounded-lg ring-1 ring-slate-200 open:bg-slate-50/60">
                    <summary className="cursor-pointer px-3 py-2 font-medium text-slate-700">{t("groups.edit")}</summary>
                    <div className="border-t border-slate-200 p-4">
                      <GroupForm key={g.updatedAt.toISOString()} locale={locale} tenant={ctx.slug} id={g.id} initial={groupFormValues(g)} />
                    </div>
                  </details>
                ) : null}
              </div>
            </Card>
          );
        })}
        {manage ? (
          <Card title={t("groups.new")}>
            {groups.length === 0 ? <p className="mb-4 text-sm text-slate-600">{t("groups.firstIsDefault")}</p> : null}
            <GroupForm locale={locale} tenant={ctx.slug} programId={program.id} />
          </Card>
        ) : (
          <p className="text-xs text-slate-500">{t("programs.readOnly")}</p>
        )}
      </div>
    </>
  );
}
