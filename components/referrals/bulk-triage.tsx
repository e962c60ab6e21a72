"use client";
import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/card";
import { ErrorText } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { BulkState } from "@/lib/referrals/action-states";
import { bulkTransitionAction } from "@/lib/referrals/actions";
import { rejectReasons } from "@/lib/referrals/codes";

const control = "rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/**
 * Wraps the pipeline table in one form: the rows' checkboxes (name "ids[]") and the action bar
 * submit together. The header checkbox (name "all") toggles every row.
 */
export function BulkTriage({ locale, tenant, children }: { locale: string; tenant: string; children: ReactNode }) {
  const { t } = useTranslation(["referrals", "errors"]);
  const [state, action, pending] = useActionState<BulkState, FormData>(bulkTransitionAction.bind(null, { locale, tenant }), {});
  const [selected, setSelected] = useState(0);
  const [choice, setChoice] = useState("");
  const errors = state.fieldErrors ?? {};
  const results = state.results ?? [];
  const moved = results.filter((r) => r.ok).length;
  const failed = Object.entries(
    results.reduce<Record<string, number>>((acc, r) => (r.ok ? acc : { ...acc, [r.code]: (acc[r.code] ?? 0) + 1 }), {}),
  );

  function onChange(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const target = event.target as HTMLInputElement;
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="ids[]"]')];
    if (target.name === "all") boxes.forEach((b) => (b.checked = target.checked));
    setSelected(boxes.filter((b) => b.checked).length);
  }

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} onChange={onChange} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 rounded-xl bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200">
        <p className="mr-auto text-sm text-slate-600" aria-live="polite">{t("bulk.selected", { count: selected })}</p>
        <label>
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("bulk.action")}</span>
          <select name="action" value={choice} onChange={(e) => setChoice(e.target.value)} className={control}>
            <option value="" disabled>{t("bulk.choose")}</option>
            <option value="in_review">{t("transition.to.in_review")}</option>
            <option value="rejected">{t("transition.to.rejected")}</option>
          </select>
        </label>
        {choice === "rejected" ? (
          <label>
            <span className="mb-1 block text-xs font-medium text-slate-600">{t("transition.rejectReason")}</span>
            <select name="rejectReason" defaultValue="" className={control} aria-invalid={!!errors.rejectReason}>
              <option value="" disabled>{t("transition.chooseReason")}</option>
              {rejectReasons.map((r) => <option key={r} value={r}>{t(`rejectReason.${r}`)}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit" disabled={pending || selected === 0 || !choice} className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-300">
          {t("bulk.apply")}
        </button>
      </div>
      <FormMessage message={state.message ?? errors.ids ?? errors.action} />
      <ErrorText id="bulk-reject-error" error={errors.rejectReason} />
      {state.ok ? (
        <Notice tone={failed.length ? "error" : "success"}>
          <p>{t("bulk.moved", { count: moved })}</p>
          {failed.map(([code, n]) => <p key={code}>{t("bulk.failed", { count: n, reason: t(`errors:${code}`) })}</p>)}
        </Notice>
      ) : null}
      {children}
    </form>
  );
}
