// Staff hear about an endpoint that keeps failing: after 5, 10 and 15 failed attempts in a row, and
// when the 20th turns it off. For now an e-mail to the agency's owners and admins, each in their
// language, stored in the mail outbox inside the caller's transaction (it commits with the failure
// count it reports). To be wired to the in-app inbox (lib/notifications, kind "webhook_failing").
import type { TenantTx } from "@/lib/db/tenant-client";
import { createI18n } from "@/lib/i18n/instance";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { storeEmail, type StoredMail } from "@/lib/mail/outbox";

export type FailureAlert = { tenantId: string; endpointId: string; endpointUrl: string; failures: number; disabled: boolean };

/** Stores the alert mails; returns them so the caller hands them to SMTP after its commit (deliverStoredMail). */
export async function alertStaffOfFailures(tx: TenantTx, alert: FailureAlert): Promise<{ id: string; mail: StoredMail }[]> {
  const [staff, tenant] = await Promise.all([
    tx.membership.findMany({ where: { role: { in: ["owner", "admin"] } }, select: { user: { select: { email: true, locale: true } } } }),
    tx.tenant.findUnique({ where: { id: alert.tenantId }, select: { slug: true, name: true } }),
  ]);
  const stored: { id: string; mail: StoredMail }[] = [];
  const base = process.env.APP_URL?.replace(/\/+$/, "") ?? "";
  for (const { user } of staff) {
    const locale: Locale = isLocale(user.locale) ? user.locale : "en";
    const t = createI18n(locale).getFixedT(locale, "webhooks");
    const vars = { url: alert.endpointUrl, count: alert.failures, agency: tenant?.name ?? "" };
    const kind = alert.disabled ? "disabled" : "failing";
    const link = base && tenant ? `${base}/${locale}/t/${tenant.slug}/settings/webhooks/${alert.endpointId}` : "";
    const text = [t(`alert.${kind}.body`, vars), "", t("alert.open", { url: link }), "", t("alert.signature", vars)].join("\n");
    const mail = { tenantId: alert.tenantId, to: user.email, subject: t(`alert.${kind}.subject`, vars), text };
    stored.push({ id: (await storeEmail(mail, tx)).id, mail });
  }
  return stored;
}
