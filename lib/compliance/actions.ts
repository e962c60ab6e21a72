"use server";
import { partnerAction, tenantAction } from "@/lib/actions/client";
import type { ScreenAllState, SdnImportState } from "./action-states";
import { MAX_SDN_FILE_BYTES } from "./limits";
import { reviewScreening, screenAll } from "./screen";
import { importSdnCsv } from "./sdn-import";
import { saveTaxProfile, setSelfEmployedChecked } from "./tax-profile";
import { reviewInput, selfEmployedCheckInput, taxProfileInput } from "./tax-schemas";

/** Portal: the partner saves their own tax profile; they are re-screened as part of it. */
export const saveTaxProfileAction = partnerAction({
  // A rejected form is shown again without ever echoing a TIN.
  values: { omit: ["tin"] },
  run: async ({ ctx, parse, paths, revalidate }) => {
    await saveTaxProfile(ctx, parse(taxProfileInput()));
    revalidate(paths.portal(), "layout");
    return { ok: true, message: { key: "compliance.tax_profile_saved" } };
  },
});

/** Staff: upload sdn.csv as the new active list, then screen every active partner against it. */
export const importSdnAction = tenantAction({
  permission: "payouts:manage",
  run: async ({ ctx, file, paths, revalidate }): Promise<SdnImportState> => {
    const upload = file("file", MAX_SDN_FILE_BYTES, { required: "compliance.sdn_file_required", tooLarge: "compliance.sdn_too_large" });
    const summary = await importSdnCsv(ctx, new Uint8Array(await upload.arrayBuffer()), upload.name);
    // Screenings older than the new list count as unscreened at the payout gate: refresh them now.
    const screened = await screenAll(ctx);
    revalidate(paths.staff("compliance"));
    return { ok: true, summary, screened };
  },
});

export const screenAllAction = tenantAction({
  permission: "payouts:manage",
  run: async ({ ctx, paths, revalidate }): Promise<ScreenAllState> => {
    const screened = await screenAll(ctx);
    revalidate(paths.staff("compliance"));
    return { ok: true, screened };
  },
});

/** Staff: decide a possible match — clear as a false positive, or block — with a note. */
export const reviewScreeningAction = tenantAction({
  permission: "payouts:manage",
  schema: reviewInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await reviewScreening(ctx, input.screeningId, { decision: input.decision, note: input.note });
    revalidate(paths.staff("compliance"));
  },
});

/** Staff: record the date a self-employed partner's status was checked. */
export const setSelfEmployedCheckedAction = tenantAction({
  permission: "payouts:manage",
  run: async ({ ctx, parse, paths, revalidate }) => {
    const { partnerId, checkedOn } = parse(selfEmployedCheckInput());
    await setSelfEmployedChecked(ctx, partnerId, checkedOn);
    revalidate(paths.staff("compliance"));
  },
});
