import Link from "next/link";
import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { messageIn } from "@/lib/messages/localized";
import type { listMessages } from "@/lib/messages/staff-messages";

type Row = Awaited<ReturnType<typeof listMessages>>[number];

/** Staff: the agency's messages, newest first — subject in the reader's language, audience, read and replies. */
export function MessageList({ locale, timeZone, base, rows, t }: { locale: Locale; timeZone: string; base: string; rows: Row[]; t: TFunction }) {
  const fmt = { locale, timeZone };
  return (
    <DataTable head={[{ label: t("columns.subject") }, { label: t("columns.to") }, { label: t("columns.sent") }, { label: t("columns.read"), align: "right" }, { label: t("columns.replies"), align: "right" }]}>
      {rows.map((m) => {
        const text = messageIn(locale, m);
        const to = m.audience === "partner" ? t("to.partner", { name: m.partner?.name ?? "—" }) : m.program ? t("to.program", { name: m.program.name }) : t("to.programGone");
        return (
          <tr key={m.id} className="align-top">
            <td className="px-4 py-3">
              <Link href={`${base}/messages/${m.id}`} className="break-words font-medium text-indigo-700 hover:underline" lang={text.lang}>{text.subject}</Link>
              <div className="mt-1"><Badge tone={m.audience === "partner" ? "indigo" : "slate"}>{t(`audience.${m.audience}`)}</Badge></div>
            </td>
            <td className="px-4 py-3 text-slate-700">{to}</td>
            <td className="px-4 py-3 whitespace-nowrap text-slate-700"><time dateTime={m.createdAt.toISOString()}>{formatDateTime(fmt, m.createdAt)}</time></td>
            <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">{t("readOf", { read: m.read, total: m.recipients })}</td>
            <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">{m.audience === "partner" ? t("repliesCount", { count: m.replies }) : "—"}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
