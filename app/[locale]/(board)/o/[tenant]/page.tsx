import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardListView } from "@/components/board/board-list-view";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { boardTenant, redirectShareLink } from "@/lib/opportunities/board-page";
import { boardQuery } from "@/lib/opportunities/schemas";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const tenant = await boardTenant((await params).tenant);
  if (!tenant) return {};
  const t = await getT(locale, "board");
  return { title: t("list.metaTitle", { agency: tenant.name }) };
}

/** An agency's public board: its open opportunities, newest first, filterable (components/board). */
export default async function BoardPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const tenant = await boardTenant((await params).tenant);
  if (!tenant) notFound();
  const search = await searchParams;
  redirectShareLink(locale, tenant.slug, null, search.ref);
  const query = boardQuery.parse(flattenSearchParams(search));
  return <BoardListView locale={locale} tenant={tenant} query={query} base={`/${locale}/o/${tenant.slug}`} />;
}
