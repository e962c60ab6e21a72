import { z } from "zod";

export const searchKinds = ["partner", "referral", "brand", "creator", "opportunity"] as const;
export type SearchKind = (typeof searchKinds)[number];

export const SEARCH_LIMIT_PER_KIND = 5;

/** The palette's query: 2–100 characters after trimming. The error is a key in the `errors` namespace. */
export const globalSearchInput = z.object({
  q: z.string().trim().min(2, { message: "search_query_length" }).max(100, { message: "search_query_length" }),
});

export type SearchHit = { kind: SearchKind; id: string; title: string; detail: string | null };
export type SearchGroup = { kind: SearchKind; hits: SearchHit[] };

/** Where a hit opens, below `/<locale>/t/<tenant>`. */
export function searchHitPath(hit: Pick<SearchHit, "kind" | "id">): string {
  const section = { partner: "partners", referral: "referrals", brand: "brands", creator: "creators", opportunity: "opportunities" }[hit.kind];
  return `/${section}/${encodeURIComponent(hit.id)}`;
}
