import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardListView } from "@/components/board/board-list-view";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { boardTenant } from "@/lib/opportunities/board-page";
import { boardQuery } from "@/lib/opportunities/schemas";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const tenant = await boardTenant((await params).tenant);
  if (!tenant) return {};
  const t = await getT(locale, "board");
  return { title: t("list.metaTitle", { agency: tenant.name }), robots: { index: false } };
}

/** The board inside the agency's own site (docs/embedding.md); links stay inside the frame. */
export default async function EmbeddedBoardPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const tenant = await boardTenant((await params).tenant);
  if (!tenant) notFound();
  const query = boardQuery.parse(flattenSearchParams(await searchParams));
  return <BoardListView locale={locale} tenant={tenant} query={query} base={`/${locale}/embed/${tenant.slug}/board`} />;
}
