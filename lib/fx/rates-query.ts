import { z } from "zod";
import { isCurrencyCode } from "./currency";

/** The rates list's search params (?currency=USD&page=2); anything invalid falls back to the default. */
export function parseRatesQuery(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const currency = one(params.currency)?.trim().toUpperCase();
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(one(params.page) ?? 1);
  return { currency: currency && isCurrencyCode(currency) ? currency : undefined, page };
}
