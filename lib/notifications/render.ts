// An item's title and text in the reader's language, built from its kind and parameters when shown
// (the inbox, the e-mail): an item stored in one language reads right to a colleague in the other.
import type { TFunction } from "i18next";
import { formatDay, formatMonth } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { pickLocalized } from "@/lib/opportunities/localized-text";
import { isNotificationKind, notificationPath } from "./kinds";

export type StoredNotification = { kind: string; params: unknown };
export type RenderedNotification = { title: string; text: string; path: string };

const referralStatuses = new Set(["draft", "submitted", "in_review", "qualified", "in_negotiation", "won", "lost", "rejected"]);

function paramsOf(n: StoredNotification): Record<string, unknown> {
  return n.params && typeof n.params === "object" && !Array.isArray(n.params) ? (n.params as Record<string, unknown>) : {};
}

/** `t` must have the "notifications" and "referrals" namespaces loaded. */
export function renderNotification(t: TFunction, locale: Locale, n: StoredNotification): RenderedNotification {
  const p = paramsOf(n);
  const path = notificationPath(n.kind, p);
  if (!isNotificationKind(n.kind)) return { title: t("notifications:kinds.unknown.title"), text: "", path };
  const values: Record<string, unknown> = { ...p };
  if (n.kind === "opt_in_received") {
    values.opportunityTitle = pickLocalized(locale, { en: (p.titleEn as string | null) ?? null, ru: (p.titleRu as string | null) ?? null })?.text ?? "—";
  }
  if (n.kind === "message_reply") {
    values.subject = pickLocalized(locale, { en: (p.subjectEn as string | null) ?? null, ru: (p.subjectRu as string | null) ?? null })?.text ?? "—";
  }
  if (n.kind === "referral_waiting") {
    const status = String(p.status ?? "");
    values.status = referralStatuses.has(status) ? t(`referrals:status.${status}`) : "—";
    values.count = Number(p.days ?? 0);
  }
  if (n.kind === "payouts_held" || n.kind === "webhook_failing" || n.kind === "risk_case_opened") values.count = Number(p.held ?? p.failures ?? 0);
  if (n.kind === "statistics_due") {
    const month = String(p.month ?? "");
    const due = String(p.dueOn ?? "");
    values.month = /^\d{4}-\d{2}$/.test(month) ? formatMonth(locale, month) : "—";
    values.dueOn = /^\d{4}-\d{2}-\d{2}$/.test(due) ? formatDay(locale, due) : "—";
    values.count = Number(p.unsent ?? 0);
  }
  return {
    title: t(`notifications:kinds.${n.kind}.title`, values),
    text: t(`notifications:kinds.${n.kind}.text`, values),
    path,
  };
}
