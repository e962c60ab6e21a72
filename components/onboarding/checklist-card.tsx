import type { TFunction } from "i18next";
import Link from "next/link";
import type { OnboardingChecklist } from "@/lib/onboarding/checklist";
import { OnboardingChoiceButton } from "./choice-button";

type Props = { checklist: OnboardingChecklist; locale: string; tenant: string; currency: string; canManage: boolean; t: TFunction };

/** The onboarding checklist on the staff overview: each step links to its page and is ticked by the server. */
export function OnboardingChecklistCard({ checklist, locale, tenant, currency, canManage, t }: Props) {
  const base = `/${locale}/t/${tenant}`;
  const remaining = checklist.total - checklist.doneCount;
  const next = checklist.steps.find((s) => !s.done)?.key;
  return (
    <section aria-labelledby="onboarding-title" className="mb-6 rounded-xl bg-white shadow-xs ring-1 ring-indigo-200" data-onboarding>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-3.5">
        <div>
          <h2 id="onboarding-title" className="text-sm font-semibold text-slate-900">{t("dashboard:onboarding.title")}</h2>
          <p className="text-xs text-slate-500">{t("dashboard:onboarding.remaining", { count: remaining })}</p>
        </div>
        <div className="flex items-center gap-3">
          <span className="text-sm font-semibold tabular-nums text-indigo-700" data-onboarding-progress>
            {t("dashboard:onboarding.progress", { done: checklist.doneCount, total: checklist.total })}
          </span>
          <progress className="h-2 w-28 overflow-hidden rounded-full accent-indigo-600" max={checklist.total} value={checklist.doneCount} aria-label={t("dashboard:onboarding.title")} />
        </div>
      </header>
      <div className="p-5">
        <p className="mb-4 text-sm text-slate-600">{t("dashboard:onboarding.lead")}</p>
        <ol className="divide-y divide-slate-100">
          {checklist.steps.map((step, i) => (
            <li key={step.key} className="flex flex-wrap items-start gap-3 py-3 sm:flex-nowrap" data-step={step.key} data-done={step.done}>
              <span
                aria-hidden
                className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${step.done ? "bg-emerald-600 text-white" : step.key === next ? "bg-indigo-600 text-white" : "bg-slate-100 text-slate-600"}`}
              >
                {step.done ? "✓" : i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <p className={`text-sm font-medium ${step.done ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900"}`}>
                  {t(`dashboard:onboarding.steps.${step.key}.title`)}
                  {step.done ? <span className="sr-only"> — {t("dashboard:onboarding.done")}</span> : null}
                </p>
                <p className="mt-0.5 text-xs text-slate-500">{t(`dashboard:onboarding.steps.${step.key}.text`, { currency })}</p>
                {step.key === "closes" && checklist.closesByHand ? (
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    {t("dashboard:onboarding.closesByHandChosen")}
                    {canManage ? <OnboardingChoiceButton locale={locale} tenant={tenant} choice="closesByHand" value={false} variant="ghost" label={t("dashboard:onboarding.closesByHandUndo")} failed={t("dashboard:onboarding.failed")} /> : null}
                  </p>
                ) : null}
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2">
                {step.key === "closes" && !step.done && canManage ? (
                  <OnboardingChoiceButton locale={locale} tenant={tenant} choice="closesByHand" value={true} label={t("dashboard:onboarding.closesByHand")} failed={t("dashboard:onboarding.failed")} />
                ) : null}
                <Link href={`${base}/${step.path}`} className={`text-sm font-medium hover:underline ${step.done ? "text-slate-500" : "text-indigo-700"}`}>
                  {t("dashboard:onboarding.open")}<span className="sr-only">: {t(`dashboard:onboarding.steps.${step.key}.title`)}</span> →
                </Link>
              </div>
            </li>
          ))}
        </ol>
        {canManage ? (
          <div className="mt-4 flex justify-end">
            <OnboardingChoiceButton locale={locale} tenant={tenant} choice="dismiss" variant="ghost" label={t("dashboard:onboarding.dismiss")} failed={t("dashboard:onboarding.failed")} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
