import { Badge, CollapsibleCard } from "@/components/ui/card";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { getPartnerNoticeMode } from "@/lib/notifications/partner-preferences";
import { PartnerNoticeModeForm } from "./mail-mode-form";

/** Portal account: instant status e-mails or a daily digest; folded to its title and the current choice. */
export async function PartnerMailSettings({ locale, ctx }: { locale: Locale; ctx: PartnerContext }) {
  const [mode, t] = await Promise.all([getPartnerNoticeMode(ctx), getT(locale, "notifications")]);
  return (
    <CollapsibleCard title={<span className="flex flex-wrap items-center gap-2">{t("partner.title")}<Badge tone="slate">{t(`partner.current.${mode}`)}</Badge></span>}>
      <p className="mb-4 text-sm text-slate-600">{t("partner.lead")}</p>
      <PartnerNoticeModeForm locale={locale} tenant={ctx.slug} mode={mode} />
    </CollapsibleCard>
  );
}
