import type { TFunction } from "i18next";
import type { AuditActor } from "@/lib/audit/list-audit";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { describeActor, describeAudit } from "./describe-audit";

type Entry = { id: string; action: string; entityType: string; data: unknown; createdAt: Date; actor: AuditActor };

/** A short, newest-first list of audit entries for one record. */
export function AuditTimeline({ entries, locale, timeZone, t }: { entries: Entry[]; locale: Locale; timeZone: string; t: TFunction }) {
  const fmt = { locale, timeZone };
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t("partners:activity.none")}</p>;
  return (
    <ol className="space-y-3 text-sm">
      {entries.map((entry) => {
        const { action, detail } = describeAudit(t, entry);
        return (
          <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
            <p className="font-medium text-slate-900">{action}</p>
            {detail ? <p className="text-slate-600">{detail}</p> : null}
            <p className="text-xs text-slate-500">{formatDateTime(fmt, entry.createdAt)} · {describeActor(t, entry.actor)}</p>
          </li>
        );
      })}
    </ol>
  );
}
