import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/directory/archive-button";
import { CreatorForm } from "@/components/directory/creator-form";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { creatorPartnerChoices, getCreator } from "@/lib/directory/creators";
import { resolveLegalStatus } from "@/lib/directory/legal-status";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function CreatorPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "directory:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const creator = await getCreator(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["directory", "common"]);
  const editable = can(ctx.role, "directory:write");
  const { saved } = await searchParams;
  const initial: Record<string, string> = {
    name: creator.name, market: creator.market, country: creator.country ?? "", niches: creator.niches.join(", "),
    languages: creator.languages.join(","), contactEmail: creator.contactEmail ?? "", notes: creator.notes ?? "",
    legalStatus: creator.legalStatus ?? "", partnerId: creator.partnerId ?? "",
  };
  const partners = editable ? await creatorPartnerChoices(ctx) : [];
  const legal = resolveLegalStatus(creator);
  creator.platforms.forEach((p, i) => {
    initial[`platforms.${i}.platform`] = p.platform;
    initial[`platforms.${i}.handle`] = p.handle;
    initial[`platforms.${i}.audienceSize`] = String(p.audienceSize);
    initial[`platforms.${i}.rknRegistryNumber`] = p.rknRegistryNumber ?? "";
  });
  return (
    <>
      <PageHeader
        title={creator.name}
        subtitle={`${t(`common:markets.${creator.market}`)} · ${t("fields.updated")} ${formatDateTime(fmt, creator.updatedAt)}`}
        actions={creator.archivedAt ? <Badge tone="amber">{t("filters.archived")}</Badge> : null}
      />
      {saved ? <div className="mb-4"><Notice tone="success">{t("saved")}</Notice></div> : null}
      {legal?.source === "tax_profile" ? <div className="mb-4"><Notice>{t("legalStatus.fromProfile", { status: t(`legalStatus.${legal.status}`), partner: creator.partner?.name ?? "" })}</Notice></div> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
        <Card>
          {editable ? (
            <CreatorForm key={creator.updatedAt.toISOString()} locale={locale} tenant={ctx.slug} id={creator.id} initial={initial} partners={partners} cancelHref={`/${locale}/t/${ctx.slug}/creators`} />
          ) : (
            <ul className="space-y-2 text-sm">
              {creator.platforms.map((p) => (
                <li key={p.id}>{t(`common:platforms.${p.platform}`)} · @{p.handleNormalized} · {formatNumber(locale, p.audienceSize)}{p.rknRegistryNumber ? ` · ${t("fields.rknRegistryNumber")} ${p.rknRegistryNumber}` : ""}</li>
              ))}
              <li>{t("fields.legalStatus")}: {legal ? t(`legalStatus.${legal.status}`) : t("legalStatus.unknown")}</li>
            </ul>
          )}
        </Card>
        {editable ? (
          <Card title={t("archive.title")}>
            <p className="mb-3 text-sm text-slate-600">{creator.archivedAt ? t("archive.restoreHint") : t("archive.hint")}</p>
            <ArchiveButton locale={locale} tenant={ctx.slug} id={creator.id} kind="creator" archived={!!creator.archivedAt} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
