import { ApplicationForm } from "@/components/partners/application-form";
import { Badge } from "@/components/ui/card";
import { inLanguage } from "@/lib/groups/public-group";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import type { findApplicationProgram } from "@/lib/partners/apply-to-program";

type Program = NonNullable<Awaited<ReturnType<typeof findApplicationProgram>>>;

/**
 * An open program's application form: the public page and its embedded copy. With a partner group
 * (`?group=<id or slug>`, `groupKey`) its landing text, intro and questions, in the visitor's language.
 */
export async function ApplyView({ locale, program, groupKey }: { locale: Locale; program: Program; groupKey?: string }) {
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
          group={group && groupKey ? { key: groupKey, questions: group.questions.map((q) => ({ id: q.id, label: locale === "ru" ? q.ru : q.en })) } : null}
        />
      </section>
    </div>
  );
}
