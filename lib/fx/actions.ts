"use server";
import { tenantAction } from "@/lib/actions/client";
import type { RatesImportState } from "./action-states";
import { importRatesFile, MAX_RATES_FILE_BYTES } from "./import-rates";

/** Upload of a rates CSV or a CBR daily XML (FormData field "file"). */
export const importRatesAction = tenantAction({
  permission: "integrations:manage",
  run: async ({ ctx, file, paths, revalidate }): Promise<RatesImportState> => {
    const upload = file("file", MAX_RATES_FILE_BYTES, { required: "fx.file_required", tooLarge: "fx.file_too_large" });
    const summary = await importRatesFile(ctx, new Uint8Array(await upload.arrayBuffer()));
    revalidate(paths.staff("settings/fx"));
    return { ok: true, summary };
  },
});
