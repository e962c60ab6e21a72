"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RatesImportState } from "@/lib/fx/action-states";
import { importRatesAction } from "@/lib/fx/actions";
import { FormMessage } from "@/components/ui/form-message";
import { RowErrors } from "@/components/imports/row-errors";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { MAX_RATES_FILE_BYTES } from "@/lib/fx/limits";
import type { Message } from "@/lib/kernel/form";

/** Upload of a rates CSV or a CBR daily XML; shows what was imported and the rows that were not. */
export function RatesUploadForm({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation(["fx", "errors"]);
  const [state, action, pending] = useActionState<RatesImportState, FormData>(importRatesAction.bind(null, { locale, tenant }), {});
  const [tooLarge, setTooLarge] = useState(false);
  const fileError: Message | undefined = tooLarge ? { key: "fx.file_too_large" } : state.fieldErrors?.file;
  const summary = state.ok ? state.summary : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4">
        <FormMessage message={state.ok ? undefined : state.message} />
        <Field label={t("upload.file")} name="file" error={fileError} hint={t("upload.hint")}>
          {(a) => <FileInput {...a} name="file" accept=".csv,.xml,text/csv,text/xml,application/xml" required maxBytes={MAX_RATES_FILE_BYTES} onTooLarge={setTooLarge} />}
        </Field>
        <Button type="submit" disabled={pending || tooLarge}>{pending ? t("upload.working") : t("upload.submit")}</Button>
      </form>
      {summary ? (
        <Notice tone={summary.errors.length > 0 ? "info" : "success"}>
          {t(`upload.format.${summary.format}`)}{" "}
          {t("upload.summary", { imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, errors: summary.errors.length })}{" "}
          {t("upload.reconverted", { count: summary.reconverted })}
        </Notice>
      ) : null}
      {summary ? <RowErrors errors={summary.errors} fileName="rates-errors.csv" /> : null}
    </div>
  );
}
