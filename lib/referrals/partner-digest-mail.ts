// The text of a partner's status e-mail: what a batch of notices (lib/referrals/partner-digest.ts)
// says, in the partner's language. Pure: no database, no clock.
import type { ReferralStatus } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/i18n/format";
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";

export type NoticeRow = {
  referralId: string;
  subjectName: string;
  toStatus: ReferralStatus;
  note: string | null;
  rejectReason: string | null;
  /** When the move happened (PartnerNotice.createdAt). */
  createdAt: Date;
};

/** One line of the mail: a referral's latest status, its rejection reason and the notes of the batch. */
export type DigestItem = { referralId: string; subjectName: string; status: ReferralStatus; rejectReason: string | null; notes: string[]; at: Date };

/**
 * Folds notices (oldest first) into one item per referral, in the order the referrals first moved:
 * a referral that moved several times shows only its latest status (and a rejection reason only if
 * that status is `rejected`), with every note the partner was given along the way.
 */
export function latestPerReferral(notices: readonly NoticeRow[]): DigestItem[] {
  const items = new Map<string, DigestItem>();
  for (const n of notices) {
    const item = items.get(n.referralId) ?? { referralId: n.referralId, subjectName: n.subjectName, status: n.toStatus, rejectReason: null, notes: [], at: n.createdAt };
    item.status = n.toStatus;
    item.at = n.createdAt;
    item.subjectName = n.subjectName;
    item.rejectReason = n.toStatus === "rejected" ? n.rejectReason : null;
    if (n.note && !item.notes.includes(n.note)) item.notes.push(n.note);
    items.set(n.referralId, item);
  }
  return [...items.values()];
}

export type DigestInput = {
  locale: Locale;
  partnerName: string;
  tenant: { name: string; slug: string };
  /** The configured public base URL (lib/base-url.ts), never a request's host. */
  baseUrl: string;
  items: readonly DigestItem[];
  /** The partner's zone (their own, else the agency's): each move's time is shown in it, with its label. */
  timeZone: string;
};

/**
 * One referral: the mail partners have always received about a move (subject and body unchanged).
 * Several: "3 referrals updated at {agency}", one line per referral and a link to the list.
 */
export function composePartnerDigest({ locale, partnerName, tenant, baseUrl, items, timeZone }: DigestInput): { subject: string; text: string } {
  if (items.length === 0) throw new Error("a partner digest needs at least one referral");
  const t = createI18n(locale).getFixedT(locale, "referrals");
  const base = baseUrl.replace(/\/+$/, "");
  const portal = `${base}/${locale}/p/${tenant.slug}/referrals`;
  const status = (item: DigestItem) => t(`statusInSentence.${item.status}`);
  const reason = (item: DigestItem) => (item.rejectReason ? t("mail.reason", { reason: t(`partnerRejectReason.${item.rejectReason}`) }) : null);
  const notes = (item: DigestItem) => item.notes.map((note) => t("mail.note", { note }));
  const when = (item: DigestItem) => formatDateTime({ locale, timeZone }, item.at);

  if (items.length === 1) {
    const [item] = items;
    const lines = [
      t("mail.greeting", { name: partnerName }),
      "",
      t("mail.changed", { subject: item.subjectName, agency: tenant.name, status: status(item) }),
      t("mail.changedAt", { time: when(item) }),
      reason(item),
      ...notes(item),
      `\n${t("mail.link", { url: `${portal}/${item.referralId}` })}`,
      "",
      t("mail.signature", { agency: tenant.name }),
    ];
    return { subject: t("mail.subject", { subject: item.subjectName, status: status(item) }), text: lines.filter((l) => l !== null).join("\n") };
  }

  const lines = [
    t("mail.greeting", { name: partnerName }),
    "",
    t("mail.digestIntro", { agency: tenant.name }),
    ...items.flatMap((item) => [
      t("mail.digestItem", { subject: item.subjectName, status: status(item), time: when(item) }),
      ...[reason(item), ...notes(item)].filter((l): l is string => l !== null).map((l) => `  ${l}`),
    ]),
    `\n${t("mail.digestLink", { url: portal })}`,
    "",
    t("mail.signature", { agency: tenant.name }),
  ];
  return { subject: t("mail.digestSubject", { count: items.length, agency: tenant.name }), text: lines.join("\n") };
}
