import "server-only";
import { cache } from "react";
import { resolvePublicContext } from "@/lib/auth/contexts/public";
import { allowedEmbedOrigins } from "./origins";

/**
 * The origins an agency lets frame its embedded pages (the ones the resize message is sent to), or
 * null for an unknown agency. Once per request.
 */
export const embedOrigins = cache(async (slug: string): Promise<string[] | null> => {
  const ctx = await resolvePublicContext(slug);
  if (!ctx) return null;
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { boardEmbedOrigins: true } });
  return allowedEmbedOrigins(tenant?.boardEmbedOrigins ?? []);
});
