import { z } from "zod";
import { isLocale } from "@/lib/i18n/settings";

export const DESTINATION_MAX = 2000;

/**
 * A custom destination typed by staff: an absolute http(s) URL of at most 2000 characters. The
 * scheme check is explicit, so javascript:, data: and similar never reach the redirect.
 */
export const customDestination = z
  .string()
  .trim()
  .max(DESTINATION_MAX)
  .refine((value) => isHttpUrl(value), { message: "invalid_url" });

export function isHttpUrl(value: string): boolean {
  if (value.length > DESTINATION_MAX || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Where a link goes when nobody chose a destination: the agency's public board page of the
 * opportunity, or the agency's board for a program link, in the partner's language.
 */
export function defaultDestination(appUrl: string, input: { locale: string; tenantSlug: string; opportunityId?: string | null }): string {
  const locale = isLocale(input.locale) ? input.locale : "en";
  const base = `${appUrl.replace(/\/+$/, "")}/${locale}/o/${encodeURIComponent(input.tenantSlug)}`;
  return input.opportunityId ? `${base}/${encodeURIComponent(input.opportunityId)}` : base;
}

/** The host shown in lists ("example.com"), or the raw value when it does not parse. */
export function destinationHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
