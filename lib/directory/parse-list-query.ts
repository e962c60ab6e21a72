import { listQuery, type ListQuery } from "./schemas";

/** URL search params → a valid list query; junk values fall back to defaults instead of erroring. */
export function parseListQuery(searchParams: Record<string, string | string[] | undefined>): ListQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return listQuery.parse(flat);
}
