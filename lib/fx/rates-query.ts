import { z } from "zod";
import { isCurrencyCode } from "./currency";
import { firstParam, type SearchParams } from "@/lib/kernel/search-params";

/** The rates list's search params (?currency=USD&page=2); anything invalid falls back to the default. */
export function parseRatesQuery(params: SearchParams) {
  const currency = firstParam(params.currency)?.trim().toUpperCase();
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(firstParam(params.page) ?? 1);
  return { currency: currency && isCurrencyCode(currency) ? currency : undefined, page };
}
