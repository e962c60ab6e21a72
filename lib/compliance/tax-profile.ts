// A partner's tax profile (one per partner). Saving it re-screens the partner, because the legal
// name and region are screened. The full TIN never leaves this module: only `tinLast4` is read back.
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { screenPartner } from "./screen";
import type { TaxFormCode, TaxProfileInput } from "./tax-schemas";
import { announceRiskHolds, evaluatePartnersIn } from "@/lib/risk/evaluate";
import { protectTin, tinBinding } from "./tin";

type Details = { ogrnip?: string; ogrn?: string; kpp?: string };

function detailsOf(input: TaxProfileInput): Details | null {
  if (input.form === "ru_ip") return { ogrnip: input.ogrnip };
  if (input.form === "ru_company") return { ogrn: input.ogrn, kpp: input.kpp };
  return null;
}

function parseDetails(raw: string | null): Details {
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === "object" ? (value as Details) : {};
  } catch {
    return {};
  }
}

/** Saves (creates or replaces) the signed-in partner's tax profile, audits it and re-screens the partner. */
export async function saveTaxProfile(ctx: PartnerContext, input: TaxProfileInput) {
  const { holds, ...result } = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.taxProfile.findFirst({ where: { partnerId: ctx.partnerId }, select: { form: true, tinEncrypted: true, tinLast4: true } });
    // A W-9 update with the TIN left empty keeps the TIN on file (it is never shown, so it cannot be pre-filled).
    const tin =
      input.form !== "us_w9"
        ? { tinEncrypted: null, tinLast4: null }
        : input.tin
          ? protectTin(input.tin, tinBinding(ctx.tenantId, ctx.partnerId))
          : existing?.form === "us_w9"
            ? { tinEncrypted: existing.tinEncrypted, tinLast4: existing.tinLast4 }
            : { tinEncrypted: null, tinLast4: null };
    const details = detailsOf(input);
    const data = {
      form: input.form,
      legalName: input.legalName,
      country: input.country,
      region: input.region ?? null,
      address: input.address ?? null,
      ...tin,
      w8benSignedOn: input.form === "foreign_w8ben" ? input.w8benSignedOn : null,
      inn: "inn" in input ? input.inn : null,
      selfEmployedCheckedOn: input.form === "ru_self_employed" ? (input.selfEmployedCheckedOn ?? null) : null,
      companyDetails: details ? JSON.stringify(details) : null,
    };
    const profile = await tx.taxProfile.upsert({
      where: { partnerId: ctx.partnerId },
      create: { tenantId: ctx.tenantId, partnerId: ctx.partnerId, ...data },
      update: data,
      select: { id: true },
    });
    // recordAudit needs a staff TenantContext; the partner's own user is the actor here. Never the TIN.
    await tx.auditLog.create({
      data: {
        tenantId: ctx.tenantId, actorUserId: ctx.userId, action: existing ? "compliance.tax_profile_updated" : "compliance.tax_profile_created",
        entityType: "TaxProfile", entityId: profile.id,
        data: { partnerId: ctx.partnerId, form: input.form, country: input.country, region: input.region ?? null, tinOnFile: !!tin.tinLast4, tinChanged: input.form === "us_w9" && !!input.tin },
      },
    });
    const screening = await screenPartner(tx, ctx.tenantId, ctx.partnerId, ctx.userId);
    // An INN or TIN another partner also gave is a risk finding (lib/risk), held by the system.
    const holds = await evaluatePartnersIn(tx, { tenantId: ctx.tenantId, userId: null }, [ctx.partnerId]);
    return { profileId: profile.id, screening: { status: screening.status, reason: screening.reason }, holds };
  });
  announceRiskHolds(holds);
  return result;
}

/** What the portal form shows: the profile without any secret (the TIN only as its last four digits). */
export type TaxProfileView = {
  form: TaxFormCode;
  legalName: string;
  country: string | null;
  region: string | null;
  address: string | null;
  tinLast4: string | null;
  w8benSignedOn: Date | null;
  inn: string | null;
  selfEmployedCheckedOn: Date | null;
  ogrnip: string | null;
  ogrn: string | null;
  kpp: string | null;
};

/** The signed-in partner's own tax profile, or null before they fill it in. */
export async function getOwnTaxProfile(ctx: PartnerContext): Promise<TaxProfileView | null> {
  const row = await ctx.db.taxProfile.findFirst({
    where: { partnerId: ctx.partnerId },
    select: { form: true, legalName: true, country: true, region: true, address: true, tinLast4: true, w8benSignedOn: true, inn: true, selfEmployedCheckedOn: true, companyDetails: true },
  });
  if (!row) return null;
  const { companyDetails, ...rest } = row;
  const details = parseDetails(companyDetails);
  return { ...rest, ogrnip: details.ogrnip ?? null, ogrn: details.ogrn ?? null, kpp: details.kpp ?? null };
}

/** Staff: records that a self-employed partner's status was checked («Мой налог» / npd.nalog.ru) on `checkedOn`. */
export async function setSelfEmployedChecked(ctx: TenantContext, partnerId: string, checkedOn: Date) {
  assertCan(ctx, "payouts:manage");
  const profile = await ctx.db.taxProfile.findFirst({ where: { partnerId }, select: { id: true, form: true, selfEmployedCheckedOn: true } });
  if (!profile) throw new NotFoundError();
  if (profile.form !== "ru_self_employed") throw new DomainError("compliance.not_self_employed");
  await ctx.db.taxProfile.updateMany({ where: { id: profile.id }, data: { selfEmployedCheckedOn: checkedOn } });
  await recordAudit(ctx, {
    action: "compliance.self_employed_checked", entityType: "TaxProfile", entityId: profile.id,
    data: { partnerId, from: profile.selfEmployedCheckedOn?.toISOString().slice(0, 10) ?? null, to: checkedOn.toISOString().slice(0, 10) },
  });
}
