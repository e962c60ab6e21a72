"use server";
import { z } from "zod";
import { partnerAction, tenantAction } from "@/lib/actions/client";
import { appUrl } from "@/lib/app-url";
import { createLinkAsPartner, disableOwnLink } from "./partner-links";
import { linkDestinationInput, partnerLinkInput, staffLinkInput } from "./schemas";
import { createLinkAsStaff, setLinkDisabled, updateLinkDestination } from "./staff-links";

export const createStaffLinkAction = tenantAction({
  permission: "links:write",
  schema: staffLinkInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    const link = await createLinkAsStaff(ctx, input, await appUrl());
    revalidate(paths.staff("links"));
    return { ok: true, message: { key: "links.created", values: { code: link.code } } };
  },
});

export const setLinkDisabledAction = tenantAction({
  permission: "links:write",
  target: { id: z.string(), disabled: z.boolean() },
  run: async ({ ctx, target, paths, revalidate }) => {
    await setLinkDisabled(ctx, target.id, target.disabled);
    revalidate(paths.staff("links"));
  },
});

export const updateLinkDestinationAction = tenantAction({
  permission: "links:write",
  target: { id: z.string() },
  schema: linkDestinationInput,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await updateLinkDestination(ctx, target.id, input, await appUrl());
    revalidate(paths.staff("links"));
    return { ok: true, message: { key: "links.saved" } };
  },
});

export const createPartnerLinkAction = partnerAction({
  schema: partnerLinkInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    const link = await createLinkAsPartner(ctx, input, await appUrl());
    revalidate(paths.portal("links"));
    return { ok: true, message: { key: "links.created", values: { code: link.code } } };
  },
});

export const disableOwnLinkAction = partnerAction({
  target: { id: z.string() },
  run: async ({ ctx, target, paths, revalidate }) => {
    await disableOwnLink(ctx, target.id);
    revalidate(paths.portal("links"));
  },
});
