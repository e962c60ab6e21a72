import { firstParam } from "@/lib/kernel/search-params";

/**
 * The report year from `?year=`, else a default: the previous year during filing season
 * (January–March, when 1099s are sent), otherwise the current year's running totals.
 */
export function parseReportYear(raw: string | string[] | undefined | null, now = new Date()): number {
  const value = Number(firstParam(raw));
  if (raw !== undefined && raw !== null && raw !== "" && Number.isInteger(value) && value >= 2000 && value <= 2100) return value;
  return now.getUTCMonth() < 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
}
