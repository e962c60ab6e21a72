import { notFound } from "next/navigation";
import { MessageText } from "@/components/messages/message-text";
import { ReplyForm } from "@/components/messages/reply-form";
import { ReplyThread } from "@/components/messages/reply-thread";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/kernel/errors";
import { messageIn } from "@/lib/messages/localized";
import { getMessageThread } from "@/lib/messages/staff-messages";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ sent?: string }> };

/** Staff: one message — both language versions, who read it and got the e-mail, and a direct message's thread. */
export default async function MessagePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:read");
  const { message, recipients, replies } = await getMessageThread(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["messages", "common"]);
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const shown = messageIn(locale, message);
  const sent = (await searchParams).sent === "1";
  const author = message.author?.name ?? message.author?.email;
  const versions = [["en", message.subjectEn, message.bodyEn], ["ru", message.subjectRu, message.bodyRu]] as const;
  const direct = message.audience === "partner";
  const staffName = new Map(replies.map((r) => [r.id, r.author?.name ?? r.author?.email ?? "—"]));
  return (
    <>
      <PageHeader
        title={<span lang={shown.lang}>{shown.subject}</span>}
        subtitle={author ? t("thread.sentBy", { name: author, date: formatDateTime(fmt, message.createdAt) }) : t("thread.sentOn", { date: formatDateTime(fmt, message.createdAt) })}
      />
      {sent ? <div className="mb-4"><Notice tone="success">{t("thread.sent", { count: recipients.length })}</Notice></div> : null}
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={direct ? "indigo" : "slate"}>{t(`audience.${message.audience}`)}</Badge>
        <span>{direct ? t("to.partner", { name: message.partner?.name ?? "—" }) : message.program ? t("to.program", { name: message.program.name }) : t("to.programGone")}</span>
      </p>
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        {versions.map(([lang, subject, body]) => (
          <Card key={lang} title={t(`languages.${lang}`)} className="min-w-0">
            {subject && body ? (
              <div lang={lang}>
                <p className="mb-2 break-words font-semibold text-slate-900">{subject}</p>
                <MessageText text={body} />
              </div>
            ) : <p className="text-sm text-slate-600">{t("thread.noVersion")}</p>}
          </Card>
        ))}
      </div>
      <h2 className="mb-2 text-base font-semibold text-slate-900">{t("thread.recipients")} <span className="font-normal text-slate-600">({t("thread.recipientsCount", { count: recipients.length })})</span></h2>
      <div className="mb-6">
        <DataTable head={[{ label: t("thread.partner") }, { label: t("thread.language") }, { label: t("thread.readState") }, { label: t("thread.mailState") }]}>
          {recipients.map((r) => (
            <tr key={r.id} data-testid="message-recipient">
              <td className="px-4 py-3 text-slate-900">{r.partner.name}</td>
              <td className="px-4 py-3 text-slate-700">{t(`languages.${r.partner.preferredLocale === "ru" ? "ru" : "en"}`)}</td>
              <td className="px-4 py-3 text-slate-700">{r.readAt ? t("thread.readAt", { date: formatDateTime(fmt, r.readAt) }) : t("thread.unread")}</td>
              <td className="px-4 py-3 text-slate-700">{!r.mailedAt ? t("thread.notMailed") : r.outboxEmailId ? t("thread.mailedAt", { date: formatDateTime(fmt, r.mailedAt) }) : t("thread.mailSkipped")}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      <Card title={t("thread.replies")}>
        {direct ? (
          <div className="space-y-4">
            <ReplyThread
              locale={locale} timeZone={ctx.viewerTimeZone} replies={replies} empty={t("thread.noReplies")}
              who={(r) => (r.authorKind === "partner" ? (message.partner?.name ?? "—") : t("thread.fromStaff", { name: staffName.get(r.id) }))}
            />
            {can(ctx.role, "partners:write") ? <ReplyForm locale={locale} tenant={ctx.slug} id={message.id} side="staff" /> : null}
          </div>
        ) : <p className="text-sm text-slate-600">{t("thread.announcement")}</p>}
      </Card>
    </>
  );
}
