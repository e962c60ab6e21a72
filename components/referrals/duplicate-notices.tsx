import Link from "next/link";
import type { TFunction } from "i18next";
import { Notice } from "@/components/ui/card";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { ReferralDetail } from "@/lib/referrals/get-referral";

/**
 * Staff only: which earlier referral (or client) this one duplicates, with links, and which later
 * referrals were rejected as duplicates of this one. Partners never see any of it.
 */
export function DuplicateNotices({ referral: r, record, base, locale, timeZone, t }: {
  referral: ReferralDetail; record: { href: string; name: string } | null; base: string; locale: Locale; timeZone: string; t: TFunction;
}) {
  const fmt = { locale, timeZone };
  return (
    <>
      {r.duplicateReason ? (
        <Notice tone={r.overrideReason ? "info" : "error"}>
          <p className="font-medium">
            {r.duplicateReason === "already_client" ? t("detail.duplicateClient") : t("detail.duplicateReferral")}{" "}
            {r.duplicateOf ? (
              <Link href={`${base}/referrals/${r.duplicateOf.id}`} className="underline">
                {t("detail.duplicateOf", { name: r.duplicateOf.subjectName, partner: r.duplicateOf.partner?.name ?? "—", date: r.duplicateOf.submittedAt ? formatDate(fmt, r.duplicateOf.submittedAt) : "—", status: t(`statusInSentence.${r.duplicateOf.status}`) })}
              </Link>
            ) : record ? <Link href={record.href} className="underline">{record.name}</Link> : null}
          </p>
          {r.overrideReason ? <p className="mt-1">{t("detail.overrideReason", { reason: r.overrideReason })}</p> : null}
        </Notice>
      ) : null}
      {r.duplicates.length ? (
        <Notice tone="info">
          <p>{t("detail.laterDuplicates", { count: r.duplicates.length })}</p>
          <ul className="mt-1 list-inside list-disc">
            {r.duplicates.map((d) => (
              <li key={d.id}><Link href={`${base}/referrals/${d.id}`} className="underline">{d.subjectName}</Link> · {d.partner?.name ?? "—"} · {d.submittedAt ? formatDate(fmt, d.submittedAt) : "—"}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </>
  );
}
