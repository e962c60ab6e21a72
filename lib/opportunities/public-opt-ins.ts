// The one public write of the opportunity board: an opt-in, made without an account. Be careful:
// the tenant comes only from the slug (PublicContext) and the opportunity from the id lookup below
// (open, in that tenant; the context's client runs under row-level security), never from the form,
// so an opt-in cannot be attached to another agency's opportunity.
import { chooseAttribution, type AttributionCandidate } from "@/lib/attribution/choose";
import type { PublicContext } from "@/lib/auth/contexts/public";
import type { Prisma } from "@/lib/db/generated/client";
import type { Market, ReferralKind } from "@/lib/db/generated/enums";
import { deadlinePassed } from "@/lib/kernel/deadline";
import { withinWindow, type RefClaim } from "./attribution";
import { optInKind } from "./codes";
import { notifyOptInReceived } from "@/lib/notifications/producers";
import { findCreditablePartner } from "./public-board";
import { emitWebhook } from "@/lib/webhooks/emit";

export type OptInRow = {
  kind: ReferralKind;
  name: string;
  market: Market;
  country: string | null;
  website: string | null;
  platforms: Prisma.InputJsonValue;
  contactName: string | null;
  contactEmail: string;
  pitch: string | null;
  locale: string;
  consentVersion: string;
  consentText: string;
  consentedAt: Date;
  ipHash: string | null;
};

export type CreateOptInResult =
  | { ok: true; id: string; partnerId: string | null; clickId: string | null }
  | { ok: false; code: "not_found" | "closed" | "kind_mismatch" | "already_received" };

/**
 * In one transaction: the open opportunity behind the context's slug + id, the same e-mail not yet opted in
 * (serialised by an advisory lock, so a double click stores one row), the partner credit when a
 * verified claim is inside the program's window and its partner is active and enrolled, the row
 * and its audit entry. `clicks` are the visitor's tracked-link clicks already resolved for this
 * opportunity's program (lib/attribution/click-cookies); the program's model picks between them
 * and the share claim by time.
 */
export async function createOptIn(
  ctx: PublicContext, opportunityId: string, row: OptInRow, claim: RefClaim | null, now: Date, clicks: readonly AttributionCandidate[] = [],
): Promise<CreateOptInResult> {
  return ctx.db.$transaction(async (tx) => {
    const opportunity = await tx.opportunity.findFirst({
      where: { id: opportunityId, status: "open" },
      select: { id: true, tenantId: true, programId: true, side: true, deadline: true, program: { select: { attributionWindowDays: true, attributionModel: true } } },
    });
    if (!opportunity) return { ok: false, code: "not_found" } as const;
    if (deadlinePassed(opportunity.deadline, now)) return { ok: false, code: "closed" } as const;
    if (optInKind(opportunity.side) !== row.kind) return { ok: false, code: "kind_mismatch" } as const;
    const { tenantId } = opportunity;

    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`optin:${opportunity.id}:${row.contactEmail}`}::text, 0))`;
    const existing = await tx.optIn.findFirst({ where: { tenantId, opportunityId: opportunity.id, contactEmail: row.contactEmail }, select: { id: true } });
    if (existing) return { ok: false, code: "already_received" } as const;

    const { attributionWindowDays, attributionModel } = opportunity.program;
    const sharer = claim && withinWindow(claim.issuedAt, now, attributionWindowDays)
      ? await findCreditablePartner(tx, tenantId, opportunity.programId, claim.code)
      : null;
    const candidates: AttributionCandidate[] = [...clicks];
    if (sharer && claim) candidates.push({ partnerId: sharer.id, at: new Date(claim.issuedAt * 1000), source: "share" });
    const chosen = chooseAttribution(candidates, attributionModel, attributionWindowDays, now);
    const credited = chosen ? { id: chosen.partnerId, clickId: chosen.clickId ?? null } : null;
    const optIn = await tx.optIn.create({
      data: { ...row, tenantId, opportunityId: opportunity.id, partnerId: credited?.id ?? null, clickId: credited?.clickId ?? null },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        tenantId, actorUserId: null, action: "opt_in.received", entityType: "OptIn", entityId: optIn.id,
        data: { opportunityId: opportunity.id, name: row.name, kind: row.kind, partnerId: credited?.id ?? null, clickId: credited?.clickId ?? null, consentVersion: row.consentVersion, locale: row.locale },
      },
    });
    await notifyOptInReceived(tx, tenantId, optIn.id);
    await emitWebhook(tx, { type: "opt_in.received", optInId: optIn.id });
    return { ok: true, id: optIn.id, partnerId: credited?.id ?? null, clickId: credited?.clickId ?? null } as const;
  }, { timeout: 20_000, maxWait: 10_000 });
}
