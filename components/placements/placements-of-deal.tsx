import Link from "next/link";
import type { TFunction } from "i18next";
import { PlacementStatusBadge } from "@/components/placements/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import { platformName } from "@/lib/placements/describe-rule";
import { listPlacements } from "@/lib/placements/list-placements";

/** On a won referral or an accepted opt-in: its placements and the button that makes one. `t` needs the placements namespace. */
export async function PlacementsOfDeal({ ctx, locale, t, source, writable }: {
  ctx: TenantContext; locale: Locale; t: TFunction; source: { referralId: string } | { optInId: string }; writable: boolean;
}) {
  const rows = await listPlacements(ctx, source);
  const base = `/${locale}/t/${ctx.slug}/placements`;
  const query = "referralId" in source ? `referral=${source.referralId}` : `optIn=${source.optInId}`;
  return (
    <Card title={t("placements:title")}>
      {rows.length ? (
        <ul className="mb-3 space-y-2 text-sm">
          {rows.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2">
              <Link href={`${base}/${p.id}`} className="text-indigo-700 hover:underline">{platformName(t, p.platform)} · {formatDay(locale, p.plannedOn)}</Link>
              <PlacementStatusBadge status={p.status} label={t(`placements:status.${p.status}`)} />
            </li>
          ))}
        </ul>
      ) : null}
      {writable ? <ButtonLink href={`${base}/new?${query}`} variant="secondary">{t("placements:new.button")}</ButtonLink> : null}
    </Card>
  );
}
