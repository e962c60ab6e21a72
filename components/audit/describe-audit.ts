import type { TFunction } from "i18next";
import type { AuditActor } from "@/lib/audit/list-audit";

type Entry = { action: string; entityType: string; data: unknown };
type Data = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : null);

/**
 * A readable line for one audit entry. Every action the code records has a name (lib/i18n/audit-labels.ts
 * checks it); one without — say, from a newer release — reads «Другое действие», never the raw code,
 * which is returned apart (`code`) for a tooltip.
 */
export function describeAudit(t: TFunction, entry: Entry): { action: string; code: string; detail: string | null } {
  const data: Data = entry.data && typeof entry.data === "object" && !Array.isArray(entry.data) ? (entry.data as Data) : {};
  const action = t(`partners:audit.actions.${entry.action}`, { defaultValue: t("partners:audit.otherAction") });
  return { action, code: entry.action, detail: detail(t, entry.action, data) };
}

/** The name of a record type on the audit page; unknown types read «Другая запись». */
export function entityTypeLabel(t: TFunction, entityType: string): string {
  return t(`partners:audit.entityTypes.${entityType}`, { defaultValue: t("partners:audit.otherEntity") });
}

function detail(t: TFunction, action: string, data: Data): string | null {
  const parts: string[] = [];
  const from = text(data.from);
  const to = text(data.to);
  if (action === "partner.tier_changed" && from && to) {
    parts.push(t("partners:audit.change", { from: t(`partners:tiers.${from}`), to: t(`partners:tiers.${to}`) }));
  } else if (action === "partner.group_changed") {
    // Group names as staff typed them; "from" is empty when the program had no groups yet.
    parts.push(from ? t("partners:audit.change", { from, to: to ?? "" }) : (to ?? ""));
  } else if (action.startsWith("partner.") && from && to) {
    parts.push(t("partners:audit.change", { from: t(`partners:status.${from}`), to: t(`partners:status.${to}`) }));
  }
  if (action === "settings.time_zone_changed" && from && to) {
    parts.push(t("partners:audit.change", { from, to }));
  }
  if (action === "program.updated") {
    parts.push(Object.keys(data).map((k) => t(`partners:programs.fields.${k}`, { defaultValue: k })).join(", "));
  }
  for (const key of ["program", "email", "name"] as const) {
    const value = text(data[key]);
    if (value) parts.push(value);
  }
  const reason = text(data.reason);
  if (reason) parts.push(t("partners:audit.reason", { reason }));
  return parts.length > 0 ? parts.join(" · ") : null;
}

export function describeActor(t: TFunction, actor: AuditActor): string {
  if (actor.kind === "staff") return actor.email;
  if (actor.kind === "partner") return `${actor.email} (${t("partners:audit.actor.partner")})`;
  return t(`partners:audit.actor.${actor.kind}`);
}

/** Where an entry's record lives in the staff dashboard, when it has a page. */
export function entityHref(base: string, entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  if (entityType === "Partner") return `${base}/partners/${entityId}`;
  if (entityType === "Brand") return `${base}/brands/${entityId}`;
  if (entityType === "Creator") return `${base}/creators/${entityId}`;
  if (entityType === "Program") return `${base}/programs`;
  if (entityType === "Referral") return `${base}/referrals/${entityId}`;
  if (entityType === "Opportunity") return `${base}/opportunities/${entityId}`;
  if (entityType === "PayoutRun") return `${base}/payouts/${entityId}`;
  return null;
}
