"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-client";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { allowOptIn } from "./opt-in-rate-limit";
import { submitOptIn } from "./opt-in";
import { optInInput } from "./schemas";

/** The public opt-in form: parse, limit per IP, store; every failure is a translated message. */
export const optInAction = publicAction({
  target: { id: z.string() },
  schema: optInInput,
  rateLimit: { allow: allowOptIn, code: "opt_in_rate_limited" },
  run: async ({ target, input, locale, clientIp }) => {
    try {
      const outcome = await submitOptIn({ slug: target.tenant, opportunityId: target.id }, input, { locale, ip: await clientIp(), cookies: await cookies() });
      return { ok: true, message: { key: outcome } };
    } catch (error) {
      // The opportunity closed (or never existed here) while the form was open.
      if (error instanceof NotFoundError) throw new DomainError("opportunity_unavailable");
      throw error;
    }
  },
});
