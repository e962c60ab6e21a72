import type { ReactNode } from "react";
import { TaxProfileSection } from "@/components/compliance/tax-profile-form";
import { PartnerMailSettings } from "@/components/notifications/partner-mail-settings";
import { PersonalTimeZoneForm } from "@/components/settings/personal-time-zone-form";
import { BankDetailsForm, ManualMethodForm, StripeConnectButton } from "@/components/earnings/payout-method-forms";
import { Badge, Card, CollapsibleCard, Notice, PageHeader } from "@/components/ui/card";
import { requirePartner, requireUser } from "@/lib/auth/guard";
import { partnerPayoutMethod } from "@/lib/earnings/payout-method";
import { timeZoneOptions, zoneDescription } from "@/lib/i18n/format";
import { currencyName } from "@/lib/kernel/currencies";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { refreshStripeAccount } from "@/lib/stripe/onboarding";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ stripe?: string }> };
type Rail = "stripe" | "registry" | "manual";

/**
 * Portal: how the partner is paid (Stripe Connect, Russian bank details, or manual) and their tax
 * profile. The market only decides which rail is suggested first; any partner may choose any rail.
 */
export default async function PortalAccountPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const { stripe: stripeReturn } = await searchParams;
  // Back from Stripe's hosted onboarding: read the account's state now rather than wait for the webhook.
  let refreshFailed = false;
  if (stripeReturn === "return") await refreshStripeAccount(ctx).catch(() => { refreshFailed = true; });
  const [view, t, user] = await Promise.all([partnerPayoutMethod(ctx), getT(locale, ["earnings", "common", "timezones"]), requireUser(locale)]);
  const { method, suggested, stripe } = view;
  const target = { locale, tenant: ctx.slug };
  const order: Rail[] = [suggested, ...(["stripe", "registry", "manual"] as const).filter((r) => r !== suggested)];
  const primary: Rail = method?.rail ?? suggested;
  const header = (rail: Rail) => (
    <span className="flex flex-wrap items-center gap-2">
      {t(`account.${rail}.title`)}
      {method?.rail === rail ? <Badge tone="green">{t("account.active")}</Badge> : null}
      {suggested === rail && method?.rail !== rail ? <Badge tone="indigo">{t("account.suggested")}</Badge> : null}
    </span>
  );
  const stripeLabel = stripe.status === "not_started" ? t("account.stripe.start") : stripe.status === "payouts_enabled" ? t("account.stripe.update") : t("account.stripe.continue");

  // The current method (else the suggested one) is shown open; the other methods fold to their titles,
  // and so does a tax profile on file, so the page stays short on a phone.
  const sections: Record<Rail, ReactNode> = {
    stripe: (
      <div className="space-y-4" data-rail="stripe">
        <p className="text-sm text-slate-600">{t("account.stripe.lead")}</p>
        {stripeReturn === "return" && !refreshFailed ? <Notice tone="success">{t("account.stripe.returned")}</Notice> : null}
        {refreshFailed ? <Notice>{t("account.stripe.refreshFailed")}</Notice> : null}
        {stripeReturn === "refresh" ? <Notice>{t("account.stripe.expired")}</Notice> : null}
        {!stripe.configured ? <Notice>{t("account.stripe.notConfigured")}</Notice> : null}
        <p className="text-sm">
          <span className="text-slate-600">{t("account.stripe.statusLabel")}: </span>
          <Badge tone={stripe.status === "payouts_enabled" ? "green" : stripe.status === "not_started" ? "slate" : "amber"}>
            <span data-stripe-status={stripe.status}>{t(`account.stripe.status.${stripe.status}`)}</span>
          </Badge>
        </p>
        <StripeConnectButton target={target} label={stripeLabel} disabled={!stripe.configured} />
      </div>
    ),
    registry: (
      <div className="space-y-4" data-rail="registry">
        <p className="text-sm text-slate-600">{t("account.registry.lead")}</p>
        <BankDetailsForm
          target={target}
          initial={{ payeeName: method?.payeeName ?? "", inn: method?.inn ?? "", bankName: method?.bankName ?? "", bic: method?.bic ?? "", accountNumber: method?.accountNumber ?? "", corrAccount: method?.corrAccount ?? "" }}
        />
      </div>
    ),
    manual: (
      <div className="space-y-4" data-rail="manual">
        <p className="text-sm text-slate-600">{t("account.manual.lead")}</p>
        <ManualMethodForm target={target} initial={{ details: method?.details ?? "", currency: method?.rail === "manual" ? method.currency : suggested === "registry" ? "RUB" : "USD" }} />
      </div>
    ),
  };

  return (
    <>
      <PageHeader title={t("account.title")} />
      <p className="-mt-3 mb-5 text-sm text-slate-600">{t("account.lead")}</p>
      <div className="mb-5">
        {method ? (
          <Notice tone="success">{t("account.current", { rail: t(`rail.${method.rail}`), currency: currencyName(method.currency, locale) })}</Notice>
        ) : (
          <Notice>{t("account.noMethod")}</Notice>
        )}
      </div>
      <div className="space-y-5">
        <Card title={header(primary)}>{sections[primary]}</Card>
        <section aria-labelledby="other-methods" className="space-y-3">
          <h2 id="other-methods" className="text-sm font-semibold text-slate-700">{t("account.otherMethods")}</h2>
          {order.filter((rail) => rail !== primary).map((rail) => (
            <CollapsibleCard key={rail} title={header(rail)} open={rail === "stripe" && !!stripeReturn}>{sections[rail]}</CollapsibleCard>
          ))}
        </section>
      </div>
      <div className="mt-8">
        <TaxProfileSection locale={locale} ctx={ctx} foldWhenOnFile />
      </div>
      <div className="mt-8 space-y-3">
        <PartnerMailSettings locale={locale} ctx={ctx} />
        {/* Folded like the other settings below the payout method: its title says the zone in use. */}
        <CollapsibleCard title={<span className="flex flex-wrap items-center gap-2">{t("timezones:personal.title")}<Badge tone="slate">{zoneDescription({ locale, timeZone: ctx.viewerTimeZone })}</Badge></span>}>
          <PersonalTimeZoneForm locale={locale} own={user.timeZone} agencyZone={zoneDescription({ locale, timeZone: ctx.timeZone })} options={timeZoneOptions(locale)} />
        </CollapsibleCard>
      </div>
    </>
  );
}
