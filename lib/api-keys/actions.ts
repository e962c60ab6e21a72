"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import type { CreateKeyState } from "./action-states";
import { createApiKey, revokeApiKey } from "./manage-api-keys";
import { createApiKeyInput } from "./schemas";

export const createApiKeyAction = tenantAction({
  permission: "integrations:manage",
  schema: createApiKeyInput,
  run: async ({ ctx, input, paths, revalidate }): Promise<CreateKeyState> => {
    const { key, row } = await createApiKey(ctx, input);
    revalidate(paths.staff("settings/api-keys"));
    return { ok: true, secret: key, name: row.name };
  },
});

export const revokeApiKeyAction = tenantAction({
  permission: "integrations:manage",
  target: { id: z.string() },
  run: async ({ ctx, target, paths, revalidate }) => {
    await revokeApiKey(ctx, target.id);
    revalidate(paths.staff("settings/api-keys"));
  },
});
