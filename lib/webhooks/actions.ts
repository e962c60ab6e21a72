"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import type { SecretState, SendState } from "./action-states";
import { createEndpoint, deleteEndpoint, rotateSecret, setEndpointEnabled, updateEndpoint } from "./manage-endpoints";
import { endpointInput } from "./schemas";
import { redeliver, sendTestEvent } from "./send-now";

const urlErrors = Object.fromEntries(
  ["invalid_url", "scheme", "credentials", "unresolvable", "blocked_address"].map((p) => [`webhooks.url_${p}`, "url"]),
);
const PAGE = "settings/webhooks";

export const createEndpointAction = tenantAction({
  permission: "integrations:manage",
  schema: endpointInput,
  errorFields: urlErrors,
  run: async ({ ctx, input, invalid, paths, revalidate }): Promise<SecretState> => {
    if (input.events.length === 0) invalid("events", "webhooks.events_required");
    const { endpoint, secret } = await createEndpoint(ctx, input);
    revalidate(paths.staff(PAGE));
    return { ok: true, secret, endpointId: endpoint.id };
  },
});

export const updateEndpointAction = tenantAction({
  permission: "integrations:manage",
  target: { id: z.string() },
  schema: endpointInput,
  errorFields: urlErrors,
  run: async ({ ctx, target, input, invalid, paths, revalidate }) => {
    if (input.events.length === 0) invalid("events", "webhooks.events_required");
    await updateEndpoint(ctx, target.id, input);
    revalidate(paths.staff(`${PAGE}/${target.id}`));
    return { ok: true };
  },
});

export const rotateSecretAction = tenantAction({
  permission: "integrations:manage",
  target: { id: z.string() },
  run: async ({ ctx, target }): Promise<SecretState> => ({ ok: true, secret: await rotateSecret(ctx, target.id), endpointId: target.id }),
});

export const toggleEndpointAction = tenantAction({
  permission: "integrations:manage",
  target: { id: z.string(), enable: z.enum(["on", "off"]) },
  run: async ({ ctx, target, paths, revalidate }) => {
    await setEndpointEnabled(ctx, target.id, target.enable === "on");
    revalidate(paths.staff(`${PAGE}/${target.id}`));
    revalidate(paths.staff(PAGE));
  },
});

export const deleteEndpointAction = tenantAction({
  permission: "integrations:manage",
  target: { id: z.string() },
  run: async ({ ctx, target, paths, redirect }) => {
    await deleteEndpoint(ctx, target.id);
    redirect(paths.staff(PAGE));
  },
});

export const sendTestEventAction = tenantAction({
  permission: "integrations:manage",
  target: { id: z.string() },
  run: async ({ ctx, target, paths, revalidate }): Promise<SendState> => {
    const r = await sendTestEvent(ctx, target.id);
    revalidate(paths.staff(`${PAGE}/${target.id}`));
    return { ok: true, sent: { ok: r.ok, status: r.status, error: r.error } };
  },
});

export const redeliverAction = tenantAction({
  permission: "integrations:manage",
  target: { id: z.string() },
  run: async ({ ctx, target, paths, revalidate }): Promise<SendState> => {
    const r = await redeliver(ctx, target.id);
    revalidate(paths.staff(`${PAGE}/${r.endpointId}/deliveries/${target.id}`));
    return { ok: true, sent: { ok: r.ok, status: r.status, error: r.error } };
  },
});
