import Link from "next/link";
import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { LoadedMatch } from "@/lib/opportunities/matching-load";
import { MatchingBreakdown } from "./matching-breakdown";
import { MatchingInviteButton } from "./matching-invite-button";

type Context = Parameters<typeof MatchingBreakdown>[0]["context"];
type Invite = { tenant: string; opportunityId: string } | null;

/** Ranked suggestions with their breakdown; `invite` set when staff may invite (writable, open opportunity). */
export function MatchingTable({ matches, base, locale, timeZone, context, invite, inTouch, t }: {
  matches: LoadedMatch[]; base: string; locale: Locale; timeZone: string; context: Context; invite: Invite; inTouch?: boolean; t: TFunction;
}) {
  const fmt = { locale, timeZone };
  return (
    <DataTable
      head={[
        { label: t("matching.table.rank"), className: "w-10" },
        { label: t("matching.table.candidate") },
        { label: t("matching.table.score"), align: "right" },
        { label: t("matching.table.breakdown") },
        { label: inTouch ? t("matching.table.contact") : <span className="sr-only">{t("matching.table.action")}</span> },
      ]}
    >
      {matches.map((m, i) => {
        const c = m.candidate;
        const href = `${base}/${c.kind === "creator" ? "creators" : "brands"}/${c.id}`;
        return (
          <tr key={c.id} className="align-top hover:bg-slate-50">
            <td className="px-4 py-3 tabular-nums text-slate-500">{inTouch ? "—" : formatNumber(locale, i + 1)}</td>
            <td className="px-4 py-3">
              <Link href={href} className="font-medium text-slate-900 hover:text-indigo-700">{c.name}</Link>
              <p className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-500">
                {t(`common:markets.${c.market}`)}
                {c.languages.length ? <span>· {c.languages.map((l) => l.toUpperCase()).join(", ")}</span> : null}
                {c.isClient ? <Badge tone="green">{t("matching.client")}</Badge> : null}
              </p>
            </td>
            <td className="px-4 py-3 text-right">
              <span className="text-lg font-semibold tabular-nums text-slate-900">{formatNumber(locale, m.total)}</span>
              <span className="text-xs text-slate-500"> / 100</span>
            </td>
            <td className="px-4 py-3"><MatchingBreakdown match={m} context={context} t={t} /></td>
            <td className="px-4 py-3 text-sm">
              {m.touch ? (
                <div className="space-y-1">
                  {m.touch.invitedAt ? <p><Badge tone="indigo">{t("matching.touch.invited", { date: formatDate(fmt, m.touch.invitedAt) })}</Badge></p> : null}
                  {m.touch.optIn ? <p><Badge tone="green">{t("matching.touch.optedIn", { status: t(`review.status.${m.touch.optIn}`) })}</Badge></p> : null}
                </div>
              ) : invite && m.hasEmail ? (
                <MatchingInviteButton locale={locale} tenant={invite.tenant} opportunityId={invite.opportunityId} kind={c.kind} candidateId={c.id} name={c.name} />
              ) : invite ? (
                <p className="max-w-40 text-xs text-slate-500">{t("matching.noEmail")} <Link href={href} className="text-indigo-700 hover:underline">{t("matching.addEmail")}</Link></p>
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
