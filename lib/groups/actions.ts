"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { createGroup, makeDefaultGroup, updateGroup } from "./groups";
import { movePartnerToGroup } from "./move-partner";
import { groupInput, moveInput } from "./schemas";

export const createGroupAction = tenantAction({
  permission: "settings:manage",
  target: { programId: z.string() },
  schema: groupInput,
  errorFields: { "groups.slug_taken": "name" },
  run: async ({ ctx, target, input, paths, revalidate }) => {
    const group = await createGroup(ctx, target.programId, input);
    revalidate(paths.staff("programs"), "layout");
    return { ok: true, message: { key: "groups.created", values: { name: group.name } } };
  },
});

export const updateGroupAction = tenantAction({
  permission: "settings:manage",
  target: { id: z.string() },
  schema: groupInput,
  errorFields: { "groups.slug_taken": "name" },
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await updateGroup(ctx, target.id, input);
    revalidate(paths.staff("programs"), "layout");
    return { ok: true, message: { key: "groups.saved" } };
  },
});

export const makeDefaultGroupAction = tenantAction({
  permission: "settings:manage",
  target: { id: z.string() },
  run: async ({ ctx, target, paths, revalidate }) => {
    await makeDefaultGroup(ctx, target.id);
    revalidate(paths.staff("programs"), "layout");
    return { ok: true, message: { key: "groups.made_default" } };
  },
});

export const movePartnerAction = tenantAction({
  permission: "payouts:manage",
  target: { id: z.string() },
  schema: moveInput,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    const moved = await movePartnerToGroup(ctx, target.id, input.programId, input.groupId);
    revalidate(paths.staff(`partners/${target.id}`));
    return { ok: true, message: { key: moved ? "groups.moved" : "groups.already_there" } };
  },
});
