// Be careful: a tracked link decides which partner a click credits, and its destination is where
// the agency's own /r/ address sends people. Partners and staff share these rules; only staff may
// set a custom destination. Partners may not, because /r/<code> lives on the agency's domain: a
// partner-chosen URL would turn it into an open redirect (phishing under the agency's name, or
// traffic sent to a competitor) that the agency never reviewed. A partner's link always goes to
// the agency's own board page.
import { auditIn, type AuditActor } from "@/lib/audit/record-audit";
import type { Market } from "@/lib/db/generated/enums";
import type { TenantDb } from "@/lib/db/tenant-client";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { opportunityLinkMarkets } from "@/lib/kernel/markets";
import { invalidateTrackedLink } from "@/lib/tracking/registry";
import { generateLinkCode } from "./codes";
import { defaultDestination } from "./destination";

/** What both guards' contexts (staff and partner) give a link operation. */
export type LinkScope = { tenantId: string; slug: string; userId: string; db: TenantDb };

export type NewLink = {
  partnerId: string;
  programId: string;
  opportunityId?: string;
  targetMarket?: Market;
  /** Staff only; null/undefined = the default board page. */
  destinationUrl?: string | null;
  label: string | null;
};

const CODE_ATTEMPTS = 5;

/**
 * The default target market of a program link: for a US/RU agency, the other market; otherwise
 * the first enabled market (the program's own first) that differs from the partner's.
 */
export function defaultTargetMarket(source: Market, programMarkets: readonly Market[], enabled: readonly Market[]): Market {
  if (source === "US" && enabled.includes("RU")) return "RU";
  if (source === "RU" && enabled.includes("US")) return "US";
  const other = [...programMarkets, ...enabled].find((m) => m !== source && enabled.includes(m));
  return other ?? source;
}

/**
 * Checks the rules and stores a link: the partner is active and enrolled in the (live) program;
 * an opportunity belongs to that program and is open; the market pair is that of the referrals
 * the opportunity brings (applicant's market → the opportunity's own), or for a program link the
 * partner's market and an enabled target market. The code is retried on the (rare) collision
 * with any tenant's code.
 */
export async function insertLink(scope: LinkScope, spec: NewLink, appUrl: string, audit: { action: string; by: "staff" | "partner" }) {
  const { db } = scope;
  const partner = await db.partner.findFirst({ where: { id: spec.partnerId }, select: { id: true, status: true, market: true, preferredLocale: true } });
  if (!partner) throw new NotFoundError();
  if (partner.status !== "active") throw new DomainError("links.partner_inactive");
  const program = await db.program.findFirst({ where: { id: spec.programId, archivedAt: null }, select: { id: true, markets: true } });
  const enrolled = program
    ? await db.programPartner.findFirst({ where: { programId: program.id, partnerId: partner.id }, select: { id: true } })
    : null;
  if (!program || !enrolled) throw new DomainError("links.not_enrolled");

  let pair: { sourceMarket: Market; targetMarket: Market };
  if (spec.opportunityId) {
    const opportunity = await db.opportunity.findFirst({
      where: { id: spec.opportunityId, programId: program.id },
      select: { status: true, sourceMarket: true, targetMarket: true },
    });
    if (!opportunity) throw new DomainError("links.opportunity_not_in_program");
    if (opportunity.status !== "open") throw new DomainError("links.opportunity_not_open");
    // The referral's pair, not the opportunity's as posted: its clicks and the referrals they
    // bring must land on the same market-pair row of the funnel (see opportunityLinkMarkets).
    pair = opportunityLinkMarkets(opportunity);
  } else {
    const tenant = await db.tenant.findUnique({ where: { id: scope.tenantId }, select: { enabledMarkets: true } });
    const enabled = tenant?.enabledMarkets ?? [];
    if (spec.targetMarket && !enabled.includes(spec.targetMarket)) throw new DomainError("links.market_not_enabled");
    pair = { sourceMarket: partner.market, targetMarket: spec.targetMarket ?? defaultTargetMarket(partner.market, program.markets, enabled) };
  }

  const destinationUrl = spec.destinationUrl
    || defaultDestination(appUrl, { locale: partner.preferredLocale, tenantSlug: scope.slug, opportunityId: spec.opportunityId });
  const actor: AuditActor = { tenantId: scope.tenantId, userId: scope.userId };

  for (let attempt = 1; ; attempt++) {
    try {
      const created = await db.$transaction(async (tx) => {
        const link = await tx.trackedLink.create({
          data: {
            tenantId: scope.tenantId, partnerId: partner.id, programId: program.id, opportunityId: spec.opportunityId ?? null,
            code: generateLinkCode(), destinationUrl, ...pair, label: spec.label,
          },
        });
        await auditIn(tx, actor, {
          action: audit.action, entityType: "TrackedLink", entityId: link.id,
          data: { by: audit.by, code: link.code, partnerId: partner.id, programId: program.id, opportunityId: link.opportunityId, destinationUrl, ...pair },
        });
        return link;
      });
      // A visitor may have tried this code before it existed: drop the cached "unknown".
      invalidateTrackedLink(created.code);
      return created;
    } catch (error) {
      // TrackedLink.code is the model's only unique column: a collision means "draw again".
      if (isUniqueViolation(error) && attempt < CODE_ATTEMPTS) continue;
      if (isUniqueViolation(error)) throw new DomainError("links.code_taken");
      throw error;
    }
  }
}
