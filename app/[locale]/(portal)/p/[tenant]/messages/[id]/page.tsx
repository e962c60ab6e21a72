import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageText } from "@/components/messages/message-text";
import { RefreshOnce } from "@/components/messages/refresh-once";
import { ReplyForm } from "@/components/messages/reply-form";
import { ReplyThread } from "@/components/messages/reply-thread";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/kernel/errors";
import { messageIn } from "@/lib/messages/localized";
import { openPartnerMessage } from "@/lib/messages/partner-inbox";

/** Portal: one message in the partner's language (else the other, marked), read once opened; a direct message's conversation. */
export default async function PortalMessagePage({ params }: { params: Promise<{ locale: string; tenant: string; id: string }> }) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requirePartner(locale, tenant);
  const { message, replies, wasUnread } = await openPartnerMessage(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["messages"]);
  const text = messageIn(locale, message);
  const direct = message.audience === "partner";
  const base = `/${locale}/p/${ctx.slug}`;
  return (
    <>
      <RefreshOnce when={wasUnread} />
      <p className="mb-3 text-sm"><Link href={`${base}/messages`} className="font-medium text-indigo-700 hover:underline">← {t("portal.back")}</Link></p>
      <PageHeader
        title={<span lang={text.lang}>{text.subject}</span>}
        subtitle={`${t(direct ? "portal.direct" : "portal.announcement")} · ${formatDateTime({ locale, timeZone: ctx.viewerTimeZone }, message.createdAt)}`}
      />
      <Card>
        <div data-testid="message-body">
          {text.fallback ? <p className="mb-3 text-xs font-medium text-slate-600">{t(`portal.writtenIn.${text.lang}`)}</p> : null}
          <MessageText text={text.body} className="text-base" />
        </div>
      </Card>
      {direct ? (
        <div className="mt-6 space-y-4">
          <h2 className="text-base font-semibold text-slate-900">{t("portal.replies")}</h2>
          {replies.length > 0 ? (
            <ReplyThread
              locale={locale} timeZone={ctx.viewerTimeZone} replies={replies} empty=""
              who={(r) => (r.authorKind === "partner" ? t("portal.you") : t("portal.agency", { agency: ctx.tenantName }))}
            />
          ) : null}
          <Card><ReplyForm locale={locale} tenant={ctx.slug} id={message.id} side="partner" /></Card>
        </div>
      ) : null}
    </>
  );
}
