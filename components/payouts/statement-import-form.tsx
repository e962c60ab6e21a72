"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { RowErrors } from "@/components/imports/row-errors";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { StatementImportState } from "@/lib/payouts/action-states";
import { importStatementAction } from "@/lib/payouts/actions";

type Props = { locale: Locale; tenant: string; runId: string };

/** Upload of the bank statement CSV; shows what matched and what needs a look. */
export function StatementImportForm({ locale, tenant, runId }: Props) {
  const { t } = useTranslation(["payouts", "errors"]);
  const [state, action, pending] = useActionState<StatementImportState, FormData>(importStatementAction.bind(null, { locale, tenant, runId }), {});
  const s = state.ok ? state.summary : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4">
        <FormMessage message={state.ok ? undefined : state.message} />
        <Field label={t("statement.file")} name="statement-file" error={state.fieldErrors?.file} hint={t("statement.hint")}>
          {(a) => <FileInput {...a} name="file" accept=".csv,text/csv" required />}
        </Field>
        <Button type="submit" disabled={pending}>{pending ? t("statement.working") : t("statement.submit")}</Button>
      </form>
      {state.errors ? <RowErrors errors={state.errors} fileName="statement-errors.csv" /> : null}
      {s ? (
        <div className="space-y-3">
          <Notice tone={s.partial + s.unknown + s.missing.length > 0 ? "info" : "success"}>
            {t("statement.summary", { lines: s.lineCount, matched: s.matched, partial: s.partial, unknown: s.unknown, duplicate: s.duplicate, missing: s.missing.length })}
          </Notice>
          {s.overpaid.length > 0 ? <Notice tone="error">{t("statement.overpaid", { refs: s.overpaid.join(", ") })}</Notice> : null}
          {s.missing.length > 0 ? (
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("statement.missingTitle", { count: s.missing.length })}</h3>
              <DataTable head={[{ label: t("table.reference") }, { label: t("table.partner") }, { label: t("table.amount"), align: "right" }]}>
                {s.missing.map((m) => (
                  <tr key={m.reference}>
                    <td className="px-4 py-2 font-mono text-xs">{m.reference}</td>
                    <td className="px-4 py-2">{m.partnerName}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney(locale, BigInt(m.amountMinor), m.currency)}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
