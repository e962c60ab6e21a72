import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardOpportunityView } from "@/components/board/board-opportunity-view";
import { localeParam } from "@/lib/i18n/params";
import { boardOpportunity, boardTenant, redirectShareLink } from "@/lib/opportunities/board-page";
import { opportunityText } from "@/lib/opportunities/localized-text";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ ref?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const o = await boardOpportunity(tenant, id);
  return o ? { title: opportunityText(locale, o).title.text } : {};
}

/**
 * One open opportunity and its opt-in form. A draft, closed or filled opportunity, and an id of
 * another agency under this agency's address, are a 404 like a missing one.
 */
export default async function BoardOpportunityPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant: slug, id } = await params;
  const tenant = await boardTenant(slug);
  const o = tenant ? await boardOpportunity(tenant.slug, id) : null;
  if (!tenant || !o) notFound();
  redirectShareLink(locale, tenant.slug, o.id, (await searchParams).ref);
  return <BoardOpportunityView locale={locale} tenant={tenant} o={o} backHref={`/${locale}/o/${tenant.slug}`} />;
}
