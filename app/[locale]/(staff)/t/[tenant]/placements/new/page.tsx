import { notFound } from "next/navigation";
import { CreatePlacementForm } from "@/components/placements/create-form";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { currencyCodes } from "@/lib/kernel/currencies";
import { NotFoundError } from "@/lib/kernel/errors";
import { firstParam, type SearchParams } from "@/lib/kernel/search-params";
import { audienceMarkets, placementPlatforms } from "@/lib/placements/codes";
import { platformName } from "@/lib/placements/describe-rule";
import { placementFormChoices } from "@/lib/placements/form-choices";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** Staff: a new placement for a won referral (?referral=) or an accepted opt-in (?optIn=). */
export default async function NewPlacementPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "referrals:write");
  const sp = await searchParams;
  const choices = await placementFormChoices(ctx, { referralId: firstParam(sp.referral), optInId: firstParam(sp.optIn) })
    .catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["placements", "common"]);
  const subtitle = "referralId" in choices.source ? t("new.fromReferral", { name: choices.source.name }) : t("new.fromOptIn", { name: choices.source.name });
  return (
    <>
      <PageHeader title={t("new.title")} subtitle={subtitle} />
      {choices.brands.length === 0 ? <div className="mb-4"><Notice tone="error">{t("new.noBrands")}</Notice></div> : null}
      <Card>
        <CreatePlacementForm
          locale={locale}
          tenant={ctx.slug}
          source={"referralId" in choices.source ? { referralId: choices.source.referralId } : { optInId: choices.source.optInId }}
          brands={choices.brands.map((b) => ({ value: b.id, label: b.name }))}
          creators={choices.creators.map((c) => ({ value: c.id, label: c.name }))}
          platforms={placementPlatforms.map((p) => ({ value: p, label: platformName(t, p) }))}
          markets={audienceMarkets.map((m) => ({ value: m, label: t(`common:markets.${m}`) }))}
          currencies={currencyCodes()}
          links={choices.links.map((l) => ({ value: l.id, label: l.label ? `${l.label} (/r/${l.code})` : `/r/${l.code}` }))}
          defaults={choices.defaults}
        />
      </Card>
    </>
  );
}
