import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardOpportunityView } from "@/components/board/board-opportunity-view";
import { localeParam } from "@/lib/i18n/params";
import { boardOpportunity, boardTenant } from "@/lib/opportunities/board-page";
import { opportunityText } from "@/lib/opportunities/localized-text";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const o = await boardOpportunity(tenant, id);
  return o ? { title: opportunityText(locale, o).title.text, robots: { index: false } } : {};
}

/** One open opportunity and its opt-in form, inside the agency's own site. */
export default async function EmbeddedOpportunityPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant: slug, id } = await params;
  const tenant = await boardTenant(slug);
  const o = tenant ? await boardOpportunity(tenant.slug, id) : null;
  if (!tenant || !o) notFound();
  return <BoardOpportunityView locale={locale} tenant={tenant} o={o} backHref={`/${locale}/embed/${tenant.slug}/board`} />;
}
