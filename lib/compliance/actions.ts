"use server";
import { revalidatePath } from "next/cache";
import { handleFormErrors } from "@/lib/actions/form-action";
import { requirePartner, requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { MAX_SDN_FILE_BYTES } from "./limits";
import { reviewScreening, screenAll, type ScreenAllSummary } from "./screen";
import { importSdnCsv, type SdnImportSummary } from "./sdn-import";
import { saveTaxProfile, setSelfEmployedChecked } from "./tax-profile";
import { reviewInput, selfEmployedCheckInput, taxProfileInput } from "./tax-schemas";

type Target = { locale: string; tenant: string };
const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");
const staffPath = (target: Target) => `/${loc(target)}/t/${target.tenant}/compliance`;

/** What the user typed, minus the TIN: a rejected form is shown again without ever echoing a TIN. */
function safeValues(formData: FormData) {
  const { tin: _tin, ...rest } = formValues(formData);
  void _tin;
  return rest;
}

/** Portal: the partner saves their own tax profile; they are re-screened as part of it. */
export async function saveTaxProfileAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = safeValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requirePartner(loc(target), target.tenant);
    const parsed = parseForm(taxProfileInput(), formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await saveTaxProfile(ctx, parsed.data);
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(`/${loc(target)}/p/${target.tenant}`, "layout");
  return { ok: true, message: { key: "compliance.tax_profile_saved" } };
}

export type SdnImportState = FormState & { summary?: SdnImportSummary; screened?: ScreenAllSummary };

/** Staff: upload sdn.csv as the new active list, then screen every active partner against it. */
export async function importSdnAction(target: Target, _prev: SdnImportState, formData: FormData): Promise<SdnImportState> {
  let summary: SdnImportSummary | undefined;
  let screened: ScreenAllSummary | undefined;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: { key: "compliance.sdn_file_required" } } };
    if (file.size > MAX_SDN_FILE_BYTES) return { ok: false, fieldErrors: { file: { key: "compliance.sdn_too_large" } } };
    summary = await importSdnCsv(ctx, new Uint8Array(await file.arrayBuffer()), file.name);
    // Screenings older than the new list count as unscreened at the payout gate: refresh them now.
    screened = await screenAll(ctx);
    return { ok: true };
  });
  if (!result.ok) return result;
  revalidatePath(staffPath(target));
  return { ok: true, summary, screened };
}

export type ScreenAllState = FormState & { screened?: ScreenAllSummary };

export async function screenAllAction(target: Target, _prev: ScreenAllState, _formData: FormData): Promise<ScreenAllState> {
  let screened: ScreenAllSummary | undefined;
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    screened = await screenAll(ctx);
    return { ok: true };
  });
  if (!result.ok) return result;
  revalidatePath(staffPath(target));
  return { ok: true, screened };
}

/** Staff: decide a possible match — clear as a false positive, or block — with a note. */
export async function reviewScreeningAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    const parsed = parseForm(reviewInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await reviewScreening(ctx, parsed.data.screeningId, { decision: parsed.data.decision, note: parsed.data.note });
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(staffPath(target));
  return { ok: true };
}

/** Staff: record the date a self-employed partner's status was checked. */
export async function setSelfEmployedCheckedAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "payouts:manage");
    const parsed = parseForm(selfEmployedCheckInput(), formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await setSelfEmployedChecked(ctx, parsed.data.partnerId, parsed.data.checkedOn);
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  revalidatePath(staffPath(target));
  return { ok: true };
}
