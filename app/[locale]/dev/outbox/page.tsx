import { notFound } from "next/navigation";
import { latestEmails } from "@/lib/mail/outbox";
import { isLoopback } from "@/lib/http/client-ip";
import { requestClientIp } from "@/lib/http/request-ip";
import { formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/**
 * Development mail outbox (magic links, invites). Enabled only by TWOWAY_DEV_OUTBOX=1 or in `next dev`,
 * and only for requests from this machine (the loopback address, as resolved by scripts/server.ts):
 * it shows live sign-in links.
 */
export default async function OutboxPage({ params }: { params: Promise<{ locale: string }> }) {
  if (process.env.TWOWAY_DEV_OUTBOX !== "1" && process.env.NODE_ENV === "production") notFound();
  if (!isLoopback(await requestClientIp())) notFound();
  const locale = await localeParam(params);
  const [mails, t] = await Promise.all([latestEmails(), getT(locale, "common")]);
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("outbox.title")}</h1>
      <p className="text-sm text-slate-600">{t("outbox.lead")}</p>
      {mails.map((m) => (
        <article key={m.id} className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200" data-testid="outbox-mail">
          <p className="text-xs text-slate-500">{formatDateTime({ locale, timeZone: "UTC" }, m.createdAt)} · {m.status}</p>
          <p className="font-medium">{m.to}: {m.subject}</p>
          <pre className="mt-2 whitespace-pre-wrap break-all font-sans text-sm text-slate-700">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
