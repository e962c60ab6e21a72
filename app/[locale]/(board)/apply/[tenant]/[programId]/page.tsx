import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplicationForm } from "@/components/partners/application-form";
import { Badge } from "@/components/ui/card";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { inLanguage } from "@/lib/groups/public-group";
import { firstParam } from "@/lib/kernel/search-params";
import { findApplicationProgram } from "@/lib/partners/apply-to-program";

type Props = { params: Promise<{ locale: string; tenant: string; programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const { tenant, programId } = await params;
  const program = await findApplicationProgram(tenant, programId, firstParam((await searchParams).group));
  if (!program) return {};
  const t = await getT(locale, "partners");
  return { title: t("apply.title", { program: program.name }) };
}

/**
 * The public application page of an open program; invite-only, archived or foreign programs are a 404.
 * `?group=<id or slug>` applies to that group of the program and shows its landing text and questions.
 */
export default async function ApplyPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, programId } = await params;
  const groupKey = firstParam((await searchParams).group);
  const program = await findApplicationProgram(tenant, programId, groupKey);
  if (!program) notFound();
  const t = await getT(locale, ["partners", "common"]);
  const group = program.group;
  const landing = group ? inLanguage(group.landingText, locale) : null;
  const intro = group ? inLanguage(group.intro, locale) : null;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-indigo-600">{t("apply.eyebrow", { agency: program.tenant.name })}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{t("apply.title", { program: program.name })}</h1>
        {group ? <p className="mt-1 text-sm font-medium text-slate-600">{t("apply.group", { group: group.name })}</p> : null}
        {program.description ? <p className="mt-2 text-slate-700">{program.description}</p> : null}
        {landing ? <p className="mt-3 whitespace-pre-line text-slate-800">{landing}</p> : null}
        <p className="mt-3 flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
          {t("apply.markets")}: {program.markets.map((m) => <Badge key={m} tone="indigo">{t(`common:markets.${m}`)}</Badge>)}
        </p>
      </div>
      <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="mb-5 whitespace-pre-line text-sm text-slate-600">{intro ?? t("apply.lead")}</p>
        <ApplicationForm
          locale={locale} tenant={program.tenant.slug} programId={program.id} agency={program.tenant.name} programMarkets={program.markets}
          group={group ? { key: groupKey!, questions: group.questions.map((q) => ({ id: q.id, label: locale === "ru" ? q.ru : q.en })) } : null}
        />
      </section>
    </div>
  );
}
