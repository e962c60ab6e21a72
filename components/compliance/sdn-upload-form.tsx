"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import type { SdnImportState } from "@/lib/compliance/action-states";
import { importSdnAction } from "@/lib/compliance/actions";
import { MAX_SDN_FILE_BYTES } from "@/lib/compliance/limits";
import type { Message } from "@/lib/kernel/form";

/** Upload of OFAC's sdn.csv; on success every active partner is screened against the new list. */
export function SdnUploadForm({ locale, tenant }: { locale: string; tenant: string }) {
  const { t } = useTranslation(["compliance", "errors"]);
  const [state, action, pending] = useActionState<SdnImportState, FormData>(importSdnAction.bind(null, { locale, tenant }), {});
  const [tooLarge, setTooLarge] = useState(false);
  const fileError: Message | undefined = tooLarge ? { key: "compliance.sdn_too_large" } : state.fieldErrors?.file;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4">
        <FormMessage message={state.ok ? undefined : state.message} />
        <Field label={t("sanctions.file")} name="file" error={fileError} hint={t("sanctions.fileHint")}>
          {(a) => <FileInput {...a} name="file" accept=".csv,text/csv" required maxBytes={MAX_SDN_FILE_BYTES} onTooLarge={setTooLarge} />}
        </Field>
        <Button type="submit" disabled={pending || tooLarge}>{pending ? t("sanctions.importing") : t("sanctions.import")}</Button>
      </form>
      {state.ok && state.summary ? (
        <Notice tone="success">
          {t("sanctions.imported", { primary: state.summary.primary, entries: state.summary.entryCount })}{" "}
          {state.screened ? t("sanctions.screenedSummary", { ...state.screened, count: state.screened.screened }) : null}
        </Notice>
      ) : null}
    </div>
  );
}
