"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { createBrand, setBrandArchived, updateBrand } from "./brands";
import { createCreator, setCreatorArchived, updateCreator } from "./creators";
import { brandInput, creatorInput } from "./schemas";

export const saveBrandAction = tenantAction({
  permission: "directory:write",
  target: { id: z.string().optional() },
  schema: brandInput,
  run: async ({ ctx, target, input, paths, revalidate, redirect }) => {
    const { id } = target.id ? await updateBrand(ctx, target.id, input) : await createBrand(ctx, input);
    revalidate(paths.staff("brands"));
    redirect(paths.staff(`brands/${id}?saved=1`));
  },
});

export const saveCreatorAction = tenantAction({
  permission: "directory:write",
  target: { id: z.string().optional() },
  schema: creatorInput,
  run: async ({ ctx, target, input, paths, revalidate, redirect }) => {
    const { id } = target.id ? await updateCreator(ctx, target.id, input) : await createCreator(ctx, input);
    revalidate(paths.staff("creators"));
    redirect(paths.staff(`creators/${id}?saved=1`));
  },
});

export const archiveAction = tenantAction({
  permission: "directory:write",
  target: { id: z.string(), kind: z.enum(["brand", "creator"]), archived: z.boolean() },
  run: async ({ ctx, target, paths, revalidate, redirect }) => {
    if (target.kind === "brand") await setBrandArchived(ctx, target.id, target.archived);
    else await setCreatorArchived(ctx, target.id, target.archived);
    const section = target.kind === "brand" ? "brands" : "creators";
    revalidate(paths.staff(section));
    redirect(paths.staff(`${section}/${target.id}`));
  },
});
