// Remembers the visitor hash of a partner's own portal sessions (same formula and secret as a
// tracked-link click: lib/tracking/visitor.ts), so the self-referral rule can tell a click from the
// partner's own browser. One row per partner and hash; a repeat visit writes nothing.
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { log } from "@/lib/ops/log";
import { trackingSecret } from "@/lib/tracking/tracking-secret";
import { visitorHash } from "@/lib/tracking/visitor";

let secret: string | null | undefined;

function sharedSecret(): string | null {
  // Without a configured secret (development) the redirect server has its own random one: no match is possible.
  secret ??= process.env.TRACKING_SALT || process.env.AUTH_SECRET ? trackingSecret() : null;
  return secret;
}

export async function recordPortalVisitor(ctx: PartnerContext, request: { ip: string | null; userAgent: string | null }) {
  const key = sharedSecret();
  if (!key || !request.ip) return;
  try {
    await ctx.db.partnerVisitor.createMany({
      data: [{ tenantId: ctx.tenantId, partnerId: ctx.partnerId, visitorHash: visitorHash(key, request.ip, request.userAgent ?? "") }],
      skipDuplicates: true,
    });
  } catch (error) {
    // A page must not fail because this bookkeeping did.
    log().warn({ err: error, tenantId: ctx.tenantId }, "risk: could not record the partner's portal visitor hash");
  }
}
