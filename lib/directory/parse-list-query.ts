import { listQuery, type ListQuery } from "./schemas";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

/** URL search params → a valid list query; junk values fall back to defaults instead of erroring. */
export function parseListQuery(searchParams: SearchParams): ListQuery {
  return listQuery.parse(flattenSearchParams(searchParams));
}
