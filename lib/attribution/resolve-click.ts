// Be careful here: this decides which partner a click id credits (opt-ins, referrals, conversion
// events). A click id arrives from a cookie or an API field, so it is untrusted input: it counts
// only when it names a real, human, counted click of THIS tenant, inside its program's window,
// whose partner is still active.
import type { Market } from "@/lib/db/generated/enums";
import type { TenantDb } from "@/lib/db/tenant-client";
import { REPEAT_WINDOW_MS } from "@/lib/tracking/repeat-tracker";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A click stamped slightly "after" the event by another server's clock still counts. */
export const CLICK_SKEW_MS = 5 * 60 * 1000;
/** Click ids are short random tokens; anything longer is not one and is not looked up. */
const MAX_CLICK_ID = 64;

export type ClickAttribution = {
  clickId: string;
  partnerId: string;
  programId: string;
  linkId: string;
  sourceMarket: Market;
  targetMarket: Market;
  clickedAt: Date;
};

const clickFields = {
  id: true, tenantId: true, linkId: true, partnerId: true, programId: true, sourceMarket: true, targetMarket: true,
  occurredAt: true, isBot: true, repeatOfId: true,
} as const;

/** True when `clickedAt` is at or before `at` (+ skew) and no more than `windowDays` before it. */
export function clickInsideWindow(clickedAt: Date, at: Date, windowDays: number): boolean {
  const age = at.getTime() - clickedAt.getTime();
  return age >= -CLICK_SKEW_MS && age <= windowDays * DAY_MS;
}

/**
 * The attribution a click id carries at time `at`, or null. A repeat click (same visitor within
 * 30 minutes) resolves to the click it repeats, whose id and time are returned. Bots, other
 * tenants' clicks, clicks after `at`, clicks older than the program's window and clicks of a
 * partner who is no longer active all give null.
 */
export async function attributeByClickId(db: TenantDb, tenantId: string, clickId: string, at: Date): Promise<ClickAttribution | null> {
  if (!clickId || clickId.length > MAX_CLICK_ID) return null;
  // tenantId is also forced by the scoped client; repeating it keeps the rule visible here.
  let click = await db.click.findFirst({ where: { id: clickId, tenantId }, select: clickFields });
  // A repeat points at a click of the 30 minutes before it: bounding the time lets Postgres look in
  // that month's partition only ("Click" is partitioned by month; the lookup above probes each).
  if (click?.repeatOfId) {
    const around = click.occurredAt.getTime();
    click = await db.click.findFirst({
      where: { id: click.repeatOfId, tenantId, occurredAt: { gte: new Date(around - REPEAT_WINDOW_MS - CLICK_SKEW_MS), lte: new Date(around + CLICK_SKEW_MS) } },
      select: clickFields,
    });
  }
  if (!click || click.isBot) return null;

  const [program, partner] = await Promise.all([
    db.program.findFirst({ where: { id: click.programId, tenantId }, select: { attributionWindowDays: true } }),
    db.partner.findFirst({ where: { id: click.partnerId, tenantId, status: "active" }, select: { id: true } }),
  ]);
  if (!program || !partner) return null;
  if (!clickInsideWindow(click.occurredAt, at, program.attributionWindowDays)) return null;

  return {
    clickId: click.id, partnerId: click.partnerId, programId: click.programId, linkId: click.linkId,
    sourceMarket: click.sourceMarket, targetMarket: click.targetMarket, clickedAt: click.occurredAt,
  };
}
