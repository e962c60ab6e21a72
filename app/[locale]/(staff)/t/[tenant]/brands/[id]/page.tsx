import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/directory/archive-button";
import { BrandForm } from "@/components/directory/brand-form";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getBrand } from "@/lib/directory/brands";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function BrandPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "directory:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const brand = await getBrand(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getT(locale, ["directory", "common"]);
  const base = `/${locale}/t/${ctx.slug}/brands`;
  const editable = can(ctx.role, "directory:write");
  const { saved } = await searchParams;
  const initial = {
    name: brand.name, market: brand.market, country: brand.country ?? "", website: brand.website ?? "", industry: brand.industry ?? "",
    niches: brand.niches.join(", "), languages: brand.languages.join(","), contactName: brand.contactName ?? "",
    contactEmail: brand.contactEmail ?? "", notes: brand.notes ?? "",
  };
  return (
    <>
      <PageHeader
        title={brand.name}
        subtitle={`${t(`common:markets.${brand.market}`)} · ${t("fields.updated")} ${formatDateTime(fmt, brand.updatedAt)}`}
        actions={brand.archivedAt ? <Badge tone="amber">{t("filters.archived")}</Badge> : null}
      />
      {saved ? <div className="mb-4"><Notice tone="success">{t("saved")}</Notice></div> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
        <Card>
          {editable ? (
            <BrandForm key={brand.updatedAt.toISOString()} locale={locale} tenant={ctx.slug} id={brand.id} initial={initial} cancelHref={base} />
          ) : (
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              {Object.entries(initial).map(([k, v]) => (
                <div key={k}><dt className="text-slate-500">{t(`fields.${k}`)}</dt><dd className="font-medium">{v || "—"}</dd></div>
              ))}
            </dl>
          )}
        </Card>
        {editable ? (
          <Card title={t("archive.title")}>
            <p className="mb-3 text-sm text-slate-600">{brand.archivedAt ? t("archive.restoreHint") : t("archive.hint")}</p>
            <ArchiveButton locale={locale} tenant={ctx.slug} id={brand.id} kind="brand" archived={!!brand.archivedAt} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
