"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { appUrl } from "@/lib/app-url";
import { inviteMatch } from "./invite-match";

/** Staff: one click invites a suggested match to opt in; back to the matches with what happened. */
export const inviteMatchAction = tenantAction({
  permission: "opportunities:write",
  target: { opportunityId: z.string(), kind: z.enum(["brand", "creator"]), candidateId: z.string() },
  run: async ({ ctx, target, paths, revalidate, redirect }) => {
    const { status } = await inviteMatch(ctx, target.opportunityId, { kind: target.kind, id: target.candidateId }, await appUrl());
    const base = paths.staff(`opportunities/${target.opportunityId}/matches`);
    revalidate(base);
    redirect(`${base}?${new URLSearchParams({ done: status, candidate: target.candidateId }).toString()}`);
  },
});
