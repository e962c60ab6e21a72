import "server-only";
import type { Locale } from "@/lib/i18n/settings";
import { listMemberships, listPartnerSeats } from "./users";

/** Where a signed-in user lands: their first workspace, else their partner portal. */
export async function homePath(userId: string, locale: Locale): Promise<string> {
  const [memberships, seats] = await Promise.all([listMemberships(userId), listPartnerSeats(userId)]);
  if (memberships.length === 1) return `/${locale}/t/${memberships[0].tenant.slug}`;
  if (memberships.length > 1) return `/${locale}/t`;
  if (seats.length > 0) return `/${locale}/p/${seats[0].tenant.slug}`;
  return `/${locale}/t`;
}

/** The page a sign-in form asked to return to: only a same-site path in this app, never an absolute URL (open redirect). */
export function safeNext(next: FormDataEntryValue | null): string | null {
  return typeof next === "string" && /^\/(en|ru)\/[^/\\]/.test(next) && !next.startsWith("//") ? next : null;
}
