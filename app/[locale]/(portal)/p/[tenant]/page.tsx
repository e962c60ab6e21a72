import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { formatNumber } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { partnerOverview } from "@/lib/portal/overview";

export default async function PortalHome({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const [overview, t] = await Promise.all([partnerOverview(ctx), getT(locale, ["portal", "common"])]);
  return (
    <>
      <PageHeader title={t("portal:hello", { name: ctx.partnerName })} subtitle={t("portal:referralCount", { count: overview.referralTotal, formatted: formatNumber(locale, overview.referralTotal) })} />
      <div className="space-y-4">
        <Card title={t("portal:programs")}>
          {overview.programs.length === 0 ? <p className="text-sm text-slate-600">{t("portal:noPrograms")}</p> : (
            <ul className="space-y-2">
              {overview.programs.map((p) => (
                <li key={p.name} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="font-medium">{p.name}</span>
                  <span className="flex gap-1">{p.markets.map((m) => <Badge key={m} tone="indigo">{m}</Badge>)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("portal:next.title")}>
          <p className="text-sm text-slate-600">{t("portal:next.body")}</p>
        </Card>
      </div>
    </>
  );
}
