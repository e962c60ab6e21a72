import Link from "next/link";
import { HomeBalance, HomeCommissions } from "@/components/earnings/home-money";
import { StatusBadge } from "@/components/referrals/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { portalHomeMoney } from "@/lib/earnings/portal-home";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { partnerOverview } from "@/lib/portal/overview";
import { referralStatuses } from "@/lib/referrals/codes";

export default async function PortalHome({ params }: { params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requirePartner(locale, tenant);
  const [overview, money, t] = await Promise.all([partnerOverview(ctx), portalHomeMoney(ctx), getT(locale, ["portal", "referrals", "earnings", "common"])]);
  const earningsHref = `/${locale}/p/${ctx.slug}/earnings`;
  const base = `/${locale}/p/${ctx.slug}/referrals`;
  const statuses = referralStatuses.filter((s) => (overview.counts[s] ?? 0) > 0);
  return (
    <>
      <PageHeader title={t("portal:hello", { name: ctx.partnerName })} subtitle={t("portal:referralCount", { count: overview.referralTotal })} />
      <div className="space-y-4">
        <HomeBalance locale={locale} timeZone={ctx.viewerTimeZone} money={money} earningsHref={earningsHref} t={t} />

        <section className="rounded-xl bg-indigo-600 p-5 text-white shadow-xs">
          <h2 className="text-lg font-semibold">{t("referrals:portal.cta.title")}</h2>
          <p className="mt-1 text-sm text-indigo-100">{overview.canSubmit ? t("referrals:portal.cta.body") : t("referrals:portal.cta.closed")}</p>
          {overview.canSubmit ? (
            <ButtonLink href={`${base}/new`} variant="secondary" className="mt-4 min-h-11 w-full sm:w-auto">{t("referrals:portal.nav.submit")}</ButtonLink>
          ) : null}
        </section>

        <HomeCommissions locale={locale} timeZone={ctx.viewerTimeZone} money={money} earningsHref={earningsHref} t={t} />

        <Card title={t("referrals:portal.byStatus")} action={<Link href={base} className="text-sm font-medium text-indigo-700 hover:underline">{t("referrals:portal.seeAll")}</Link>}>
          {statuses.length === 0 ? (
            <p className="text-sm text-slate-600">{t("referrals:portal.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {statuses.map((s) => (
                <li key={s}>
                  <Link href={`${base}?status=${s}`} className="flex min-h-11 items-center justify-between gap-3 py-2 text-sm hover:text-indigo-700">
                    <StatusBadge status={s} label={t(`referrals:status.${s}`)} />
                    <span className="text-slate-700">{t("referrals:count", { count: overview.counts[s] ?? 0 })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("portal:programs")}>
          {overview.programs.length === 0 ? <p className="text-sm text-slate-600">{t("portal:noPrograms")}</p> : (
            <ul className="space-y-2">
              {overview.programs.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="min-w-0">
                    <span className="font-medium">{p.name}</span>
                    {p.group ? <span className="block text-xs text-slate-600">{t("portal:group", { group: p.group })}</span> : null}
                  </span>
                  <span className="flex gap-1">{p.markets.map((m) => <Badge key={m} tone="indigo">{m}</Badge>)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
