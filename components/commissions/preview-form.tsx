import type { TFunction } from "i18next";
import type { FieldErrors } from "@/lib/kernel/form";
import { DateInput } from "@/components/ui/date-input";

const control = "mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300";
const TYPES = ["revenue", "refund", "lead", "close"] as const;

function Err({ error, t }: { error?: { key: string; values?: Record<string, string | number> }; t: TFunction }) {
  return error ? <span className="mt-1 block text-xs font-normal text-red-700">{t(`errors:${error.key}`, error.values)}</span> : null;
}

/**
 * Two plain GET forms (no JavaScript needed, nothing is written): preview a stored event by id, or a
 * hypothetical one. The page reads the query string and renders the result below.
 */
export function PreviewForms({ values, errors, programs, markets, locale, t, defaultCurrency }: {
  values: Record<string, string | undefined>; errors: FieldErrors; programs: { id: string; name: string }[]; markets: readonly string[]; locale: string; t: TFunction;
  /** The hypothetical event's currency until one is typed: the agency's reporting currency. */
  defaultCurrency: string;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <form method="get" className="space-y-3 rounded-lg bg-slate-50 p-4 lg:col-span-1" aria-label={t("preview.byEvent")}>
        <h3 className="text-sm font-semibold text-slate-900">{t("preview.byEvent")}</h3>
        <label className="block text-sm font-medium text-slate-800">
          {t("preview.eventId")}
          <input name="eventId" defaultValue={values.eventId ?? ""} className={control} />
          <Err error={errors.eventId} t={t} />
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white">{t("preview.submit")}</button>
      </form>
      <form method="get" className="grid gap-3 rounded-lg bg-slate-50 p-4 sm:grid-cols-2 lg:col-span-2" aria-label={t("preview.hypothetical")}>
        <h3 className="text-sm font-semibold text-slate-900 sm:col-span-2">{t("preview.hypothetical")}</h3>
        <label className="text-sm font-medium text-slate-800">
          {t("form.program")}
          <select name="pProgram" defaultValue={values.pProgram ?? ""} className={control}>
            <option value="">{t("form.choose")}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <Err error={errors.programId} t={t} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("preview.partnerMarket")}
          <select name="pMarket" defaultValue={values.pMarket ?? "US"} className={control}>
            {markets.map((m) => <option key={m} value={m}>{t(`common:markets.${m}`)}</option>)}
          </select>
          <Err error={errors.market} t={t} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("preview.type")}
          <select name="pType" defaultValue={values.pType ?? "revenue"} className={control}>
            {TYPES.map((type) => <option key={type} value={type}>{t(`eventType.${type}`)}</option>)}
          </select>
          <Err error={errors.type} t={t} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("preview.date")}
          <DateInput locale={locale} name="pDate" defaultValue={values.pDate ?? new Date().toISOString().slice(0, 10)} className="block w-full" />
          <Err error={errors.occurredAt} t={t} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("preview.amount")}
          <input name="pAmount" defaultValue={values.pAmount ?? ""} className={control} />
          <Err error={errors.amount} t={t} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("preview.currency")}
          <input name="pCurrency" maxLength={3} defaultValue={values.pCurrency ?? defaultCurrency} className={`${control} uppercase`} />
          <Err error={errors.currency} t={t} />
        </label>
        <div className="sm:col-span-2">
          <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white">{t("preview.submit")}</button>
        </div>
      </form>
    </div>
  );
}
