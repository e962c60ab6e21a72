// A page's `searchParams` (or a route's URLSearchParams) to plain strings. Every value in a URL may
// be missing, repeated (?a=1&a=2 → an array) or empty; these helpers are the one place that decides.

/** What Next hands a page as `searchParams`. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One value: the first of a repeated parameter, undefined when absent. */
export function firstParam(value: string | string[] | undefined | null): string | undefined {
  if (Array.isArray(value)) return value[0];
  return value ?? undefined;
}

/**
 * Every parameter as one string, ready for a zod schema. `blankAsMissing`: an empty value (`?tier=`,
 * what a filter form submits for "any") counts as absent. From URLSearchParams a repeated key keeps
 * its last value, as `Object.fromEntries` does.
 */
export function flattenSearchParams(searchParams: SearchParams | URLSearchParams, options: { blankAsMissing?: boolean } = {}): Record<string, string | undefined> {
  const entries: [string, string | undefined][] =
    searchParams instanceof URLSearchParams ? [...searchParams.entries()] : Object.entries(searchParams).map(([k, v]) => [k, firstParam(v)]);
  return Object.fromEntries(options.blankAsMissing ? entries.map(([k, v]) => [k, v === "" ? undefined : v]) : entries);
}

/** A 1-based page number: anything that is not a positive number is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const page = Number(firstParam(value));
  return page >= 1 ? page : 1;
}
