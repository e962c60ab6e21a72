"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { FormState } from "@/lib/kernel/form";
import { createPlacementAction } from "@/lib/placements/actions";

type Option = { value: string; label: string };

/** Staff: a new placement for one deal; the server page fills the choices and the defaults. */
export function CreatePlacementForm({ locale, tenant, source, brands, creators, platforms, markets, currencies, links, defaults }: {
  locale: string; tenant: string;
  source: { referralId?: string; optInId?: string };
  brands: Option[]; creators: Option[]; platforms: Option[]; markets: Option[]; currencies: string[]; links: Option[];
  defaults: Record<string, string>;
}) {
  const { t } = useTranslation("placements");
  const [state, action, pending] = useActionState<FormState, FormData>(createPlacementAction.bind(null, { locale, tenant }), {});
  const values = { ...defaults, ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  const text = (name: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field label={t(`fields.${name}`)} name={name} error={errors[name]} hint={hint}>
      {(a) => <TextInput {...a} name={name} defaultValue={values[name] ?? ""} autoComplete="off" {...props} />}
    </Field>
  );
  const select = (name: string, options: Option[], empty?: string) => (
    <Field label={t(`fields.${name}`)} name={name} error={errors[name]}>
      {(a) => (
        <Select {...a} name={name} defaultValue={values[name] ?? ""}>
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
      )}
    </Field>
  );

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <FormMessage state={state} message={state.message ?? errors.referralId} />
      {source.referralId ? <input type="hidden" name="referralId" value={source.referralId} /> : null}
      {source.optInId ? <input type="hidden" name="optInId" value={source.optInId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {select("brandId", brands, t("hints.brandChoose"))}
        {select("creatorId", creators, t("hints.creatorNone"))}
        {select("platform", platforms)}
        {text("channel")}
        {select("audienceMarket", markets)}
        {text("plannedOn", { type: "date" })}
      </div>
      <Field label={t("fields.creativeText")} name="creativeText" error={errors.creativeText}>
        {(a) => <TextArea {...a} name="creativeText" rows={5} defaultValue={values.creativeText ?? ""} />}
      </Field>
      <Field label={t("fields.mediaUrls")} name="mediaUrls" error={errors.mediaUrls} hint={t("hints.mediaUrls")}>
        {(a) => <TextArea {...a} name="mediaUrls" rows={2} defaultValue={values.mediaUrls ?? ""} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        {text("price", { inputMode: "decimal" })}
        {select("currency", currencies.map((c) => ({ value: c, label: c })))}
      </div>
      {select("trackedLinkId", links, t("hints.linkNone"))}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("channelSubscribers", { inputMode: "numeric" }, t("hints.channelSubscribers"))}
        {text("rknRegistryNumber", {}, t("hints.rknRegistryNumber"))}
        {text("erid", {}, t("hints.erid"))}
        {text("disclosureText", {}, t("hints.disclosureText"))}
      </div>
      <Button type="submit" disabled={pending}>{t("new.submit")}</Button>
    </form>
  );
}
