import { Badge, Card, CollapsibleCard, Notice } from "@/components/ui/card";
import { npdUsage } from "@/lib/compliance/npd";
import { getOwnTaxProfile, type TaxProfileView } from "@/lib/compliance/tax-profile";
import { w8benExpiresOn } from "@/lib/compliance/tax-schemas";
import { maskedTin } from "@/lib/compliance/tin";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { formatMoney, formatNumber, formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { TaxProfileForm } from "./tax-profile-fields";

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

function initialValues(profile: TaxProfileView | null): Record<string, string | undefined> {
  if (!profile) return {};
  return {
    form: profile.form, legalName: profile.legalName, country: profile.country ?? undefined, region: profile.region ?? undefined,
    address: profile.address ?? undefined, w8benSignedOn: isoDay(profile.w8benSignedOn), inn: profile.inn ?? undefined,
    selfEmployedCheckedOn: isoDay(profile.selfEmployedCheckedOn), ogrnip: profile.ogrnip ?? undefined, ogrn: profile.ogrn ?? undefined, kpp: profile.kpp ?? undefined,
  };
}

/**
 * The partner's tax section: НПД cap usage (self-employed) and the tax profile form. Server component.
 * `foldWhenOnFile`: a profile on file folds to its title (the account page, where the payout method comes first).
 */
export async function TaxProfileSection({ locale, ctx, foldWhenOnFile = false }: { locale: Locale; ctx: PartnerContext; foldWhenOnFile?: boolean }) {
  const [profile, npd, t] = await Promise.all([getOwnTaxProfile(ctx), npdUsage(ctx.db, ctx.partnerId), getT(locale, ["compliance", "common"])]);
  const w8benUntil = profile?.form === "foreign_w8ben" && profile.w8benSignedOn ? w8benExpiresOn(profile.w8benSignedOn) : null;
  const body = (
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t(profile ? "tax.introSaved" : "tax.intro")}</p>
        {npd ? (
          <Notice tone={npd.level === "ok" ? "info" : "error"}>
            {t(`npd.portal.${npd.level}`, {
              paid: formatMoney(locale, npd.paidMinor, "RUB"),
              cap: formatMoney(locale, npd.capMinor, "RUB"),
              percent: formatNumber(locale, npd.permille / 10),
              year: npd.year,
            })}
          </Notice>
        ) : null}
        {w8benUntil ? <p className="text-sm text-slate-600">{t("tax.w8benValidUntil", { date: formatDay(locale, w8benUntil) })}</p> : null}
        <TaxProfileForm locale={locale} tenant={ctx.slug} initial={initialValues(profile)} maskedTin={maskedTin(profile?.tinLast4)} />
      </div>
  );
  if (foldWhenOnFile && profile) {
    return (
      <CollapsibleCard title={<span className="flex flex-wrap items-center gap-2">{t("tax.title")}<Badge tone="green">{t("tax.onFile")}</Badge></span>}>{body}</CollapsibleCard>
    );
  }
  return <Card title={t("tax.title")}>{body}</Card>;
}
