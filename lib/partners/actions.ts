"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import type { ActionTools, TenantPaths } from "@/lib/actions/define-action";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { appUrl } from "@/lib/app-url";
import { changePartnerStatus } from "./change-partner-status";
import { enrolPartner, unenrolPartner } from "./enrolments";
import { invitePartner, resendPartnerInvite } from "./invite-partner";
import { enrolmentInput, invitePartnerInput, notesInput, statusChangeInput, tierInput } from "./schemas";
import { partnerTransitions } from "./status-transitions";
import { setPartnerNotes, setPartnerTier } from "./update-partner";

const permission = "partners:write";
const partner = { id: z.string() };

/** After a change on the partner page: re-render the list and the page, and say what happened. */
function done({ paths, revalidate, redirect }: ActionTools<TenantPaths>, id: string, notice: string): never {
  revalidate(paths.staff("partners"));
  return redirect(paths.staff(`partners/${id}?notice=${notice}`));
}

export const invitePartnerAction = tenantAction({
  permission,
  schema: invitePartnerInput,
  run: async (tools) => {
    const { partner: invited } = await invitePartner(tools.ctx, tools.input, await appUrl());
    done(tools, invited.id, "invited");
  },
});

export const changePartnerStatusAction = tenantAction({
  permission,
  target: partner,
  schema: statusChangeInput,
  run: async (tools) => {
    const { ctx, target, input, invalid } = tools;
    if (partnerTransitions[input.action].reasonRequired && !input.reason) invalid("reason", "reason_required");
    await changePartnerStatus(ctx, target.id, input, await appUrl());
    done(tools, target.id, input.action);
  },
});

/** A form on one partner's page: `change` with the parsed form, then the page again with `notice`. */
function partnerChange<S extends z.ZodType>(
  schema: S,
  change: (ctx: TenantContext, id: string, input: z.output<S>) => Promise<unknown>,
  notice: string,
  options: { values?: false } = {},
) {
  return tenantAction({
    permission,
    target: partner,
    ...options,
    run: async (tools) => {
      await change(tools.ctx, tools.target.id, tools.parse(schema));
      done(tools, tools.target.id, notice);
    },
  });
}

export const setPartnerTierAction = partnerChange(tierInput, (ctx, id, { tier }) => setPartnerTier(ctx, id, tier), "tier", { values: false });
export const savePartnerNotesAction = partnerChange(notesInput, (ctx, id, { notes }) => setPartnerNotes(ctx, id, notes), "notes");

export const enrolPartnerAction = tenantAction({
  permission,
  target: { ...partner, enrol: z.boolean() },
  schema: enrolmentInput,
  values: false,
  run: async (tools) => {
    const { ctx, target, input } = tools;
    if (target.enrol) await enrolPartner(ctx, target.id, input.programId);
    else await unenrolPartner(ctx, target.id, input.programId);
    done(tools, target.id, target.enrol ? "enrolled" : "unenrolled");
  },
});

export const resendPartnerInviteAction = tenantAction({
  permission,
  target: partner,
  run: async (tools) => {
    await resendPartnerInvite(tools.ctx, tools.target.id, await appUrl());
    done(tools, tools.target.id, "invite_resent");
  },
});
