"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { appUrl } from "@/lib/app-url";
import { acceptOptIn } from "./review-accept";
import { decideOptIn } from "./review-decide";
import { reviewForm } from "./review-schemas";

/** Staff: shortlist, accept or decline one opt-in; back to the list with a notice of what happened. */
export const reviewOptInAction = tenantAction({
  permission: "opportunities:write",
  target: { opportunityId: z.string(), optInId: z.string(), status: z.string().optional() },
  schema: reviewForm,
  run: async ({ ctx, target, input: { decision, note }, paths, revalidate, redirect }) => {
    const ref = { opportunityId: target.opportunityId, optInId: target.optInId };
    const notice = new URLSearchParams({ done: decision });
    if (decision === "accept") {
      const accepted = await acceptOptIn(ctx, ref, note, { appUrl: await appUrl() });
      notice.set("referral", accepted.referralId);
      if (accepted.duplicate) notice.set("duplicate", "1");
    } else {
      await decideOptIn(ctx, ref, decision, note, { appUrl: await appUrl() });
    }
    if (target.status) notice.set("status", target.status);
    const base = paths.staff(`opportunities/${target.opportunityId}`);
    revalidate(base, "layout");
    revalidate(paths.staff("referrals"), "layout");
    redirect(`${base}/opt-ins?${notice.toString()}`);
  },
});
