import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

// Sections of the product that are planned but not built yet. They say so plainly.
const planned: readonly string[] = [];

export default async function PlannedSection({ params }: { params: Promise<{ locale: string; tenant: string; section: string }> }) {
  const locale = await localeParam(params);
  const { tenant, section } = await params;
  if (!planned.includes(section)) notFound();
  await requireTenantPage(locale, tenant, "dashboard:read");
  const t = await getT(locale, ["nav", "dashboard"]);
  return (
    <>
      <PageHeader title={t(`nav:${section}`)} />
      <Card>
        <div className="max-w-xl space-y-2">
          <h2 className="font-semibold">{t("dashboard:planned.title")}</h2>
          <p className="text-sm text-slate-600">{t(`dashboard:planned.${section}`)}</p>
        </div>
      </Card>
    </>
  );
}
