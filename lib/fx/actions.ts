"use server";
import { revalidatePath } from "next/cache";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requireTenant } from "@/lib/auth/guard";
import { importRatesFile, MAX_RATES_FILE_BYTES, type RatesImportSummary } from "@/lib/fx/import-rates";
import { isLocale } from "@/lib/i18n/settings";
import type { FormState } from "@/lib/kernel/form";

export type RatesImportState = FormState & { summary?: RatesImportSummary };

type Target = { locale: string; tenant: string };

/** Upload of a rates CSV or a CBR daily XML (FormData field "file"). */
export async function importRatesAction(target: Target, _prev: RatesImportState, formData: FormData): Promise<RatesImportState> {
  let summary: RatesImportSummary | undefined;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(isLocale(target.locale) ? target.locale : "en", target.tenant, "integrations:manage");
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: { key: "fx.file_required" } } };
    if (file.size > MAX_RATES_FILE_BYTES) return { ok: false, fieldErrors: { file: { key: "fx.file_too_large" } } };
    summary = await importRatesFile(ctx, new Uint8Array(await file.arrayBuffer()));
    return { ok: true };
  });
  if (!result.ok) return result;
  revalidatePath(`/${target.locale}/t/${target.tenant}/settings/fx`);
  return { ok: true, summary };
}
