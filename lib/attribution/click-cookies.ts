import type { TenantDb } from "@/lib/db/tenant-client";
import type { AttributionCandidate } from "./choose";
import { attributeByClickId } from "./resolve-click";

/** Set by /r/<code> (see docs/funnel-architecture.md): last click always overwritten, first click only when absent. */
export const LAST_CLICK_COOKIE = "tw_lc";
export const FIRST_CLICK_COOKIE = "tw_fc";

type CookieReader = { get(name: string): { value: string } | undefined };

/**
 * The click cookies' candidates for crediting something in `programId` at `now`. A click counts
 * only for its own program (a link of program A does not earn credit in program B, whose terms
 * the partner may not even have joined), and only while its partner is still enrolled in that
 * program and the program is live — the same rule as a share link.
 */
export async function clickCandidates(db: TenantDb, tenantId: string, programId: string, cookies: CookieReader, now: Date): Promise<AttributionCandidate[]> {
  const ids = [...new Set([cookies.get(FIRST_CLICK_COOKIE)?.value, cookies.get(LAST_CLICK_COOKIE)?.value].filter((v): v is string => !!v))];
  const resolved = await Promise.all(ids.map((id) => attributeByClickId(db, tenantId, id, now)));
  const candidates: AttributionCandidate[] = [];
  for (const click of resolved) {
    if (!click || click.programId !== programId) continue;
    if (candidates.some((c) => c.clickId === click.clickId)) continue; // both cookies named the same counted click
    const enrolled = await db.programPartner.findFirst({
      where: { tenantId, programId, partnerId: click.partnerId, program: { archivedAt: null } },
      select: { id: true },
    });
    if (enrolled) candidates.push({ partnerId: click.partnerId, at: click.clickedAt, clickId: click.clickId, source: "click" });
  }
  return candidates;
}
