import type { TFunction } from "i18next";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale, type Locale } from "@/lib/i18n/settings";

type Application = { program?: string; pitch?: string; consent?: { at: string; locale: string }; createdAt: Date };

/** What an applicant wrote on the public form, and the consent they gave. */
export function PartnerApplication({ application, locale, timeZone, t }: { application: Application; locale: Locale; timeZone: string; t: TFunction }) {
  const fmt = { locale, timeZone };
  const { program, pitch, consent } = application;
  return (
    <Card title={t("application.title")} action={<span className="text-xs text-slate-500">{formatDateTime(fmt, application.createdAt)}</span>}>
      <dl className="space-y-3 text-sm">
        {program ? <div><dt className="text-slate-500">{t("application.program")}</dt><dd className="font-medium">{program}</dd></div> : null}
        {pitch ? <div><dt className="text-slate-500">{t("application.pitch")}</dt><dd className="whitespace-pre-line">{pitch}</dd></div> : null}
      </dl>
      {consent ? (
        <p className="mt-3 text-xs text-slate-500">
          {t("application.consent", { date: formatDateTime(fmt, consent.at), language: t(`languages.${isLocale(consent.locale) ? consent.locale : "en"}`) })}
        </p>
      ) : null}
    </Card>
  );
}
