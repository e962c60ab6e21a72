import { Card } from "@/components/ui/card";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { getPartnerNoticeMode } from "@/lib/notifications/partner-preferences";
import { PartnerNoticeModeForm } from "./mail-mode-form";

/** Portal account: instant status e-mails or a daily digest. */
export async function PartnerMailSettings({ locale, ctx }: { locale: Locale; ctx: PartnerContext }) {
  const [mode, t] = await Promise.all([getPartnerNoticeMode(ctx), getT(locale, "notifications")]);
  return (
    <Card title={t("partner.title")}>
      <p className="mb-4 text-sm text-slate-600">{t("partner.lead")}</p>
      <PartnerNoticeModeForm locale={locale} tenant={ctx.slug} mode={mode} />
    </Card>
  );
}
