import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Locale } from "@/lib/i18n/settings";
import { findBoardTenant, getBoardOpportunity } from "./board";
import { firstParam } from "@/lib/kernel/search-params";

/** The agency behind a board URL, looked up once per request (layout and page share it). */
export const boardTenant = cache((slug: string) => findBoardTenant(slug));

/** An open opportunity of the agency behind a board URL, once per request (metadata and page share it). */
export const boardOpportunity = cache((slug: string, id: string) => getBoardOpportunity(slug, id));

/**
 * A share link carries `?ref=CODE`. Pages cannot set cookies while rendering, so the visit goes
 * through /api/board/ref, which sets the attribution cookie and comes back without the code.
 */
export function redirectShareLink(locale: Locale, slug: string, opportunityId: string | null, ref: string | string[] | undefined) {
  const code = firstParam(ref);
  if (!code) return;
  const params = new URLSearchParams({ t: slug, ref: code.slice(0, 40), l: locale });
  if (opportunityId) params.set("o", opportunityId);
  redirect(`/api/board/ref?${params.toString()}`);
}
