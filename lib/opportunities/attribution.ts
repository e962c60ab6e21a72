// Be careful here: this decides which partner is paid for an opt-in. A partner's share link sets
// a first-party cookie `tw_ref_<tenant>` = `<code>.<issuedAt>.<mac>`; the MAC (HMAC-SHA256 with the
// server secret over tenant, code and time) means a visitor cannot forge or re-date it, nor carry
// one agency's cookie over to another. Pure functions: the secret and the clock are arguments.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AttributionModel } from "@/lib/db/generated/enums";

const DAY_SECONDS = 24 * 60 * 60;
/** Clock skew tolerated for a cookie issued "in the future" by another app instance. */
const SKEW_SECONDS = 5 * 60;
const REF_CODE = /^[0-9a-hjkmnp-tv-z]{8}$/;

export type RefClaim = { code: string; issuedAt: number };

export function refCookieName(tenantSlug: string): string {
  return `tw_ref_${tenantSlug}`;
}

/** A share code as typed in a URL: case-insensitive; null when it cannot be one. */
export function normalizeRefCode(raw: string | null | undefined): string | null {
  const code = raw?.trim().toLowerCase() ?? "";
  return REF_CODE.test(code) ? code : null;
}

function mac(tenantSlug: string, code: string, issuedAt: number, secret: string): string {
  return createHmac("sha256", secret).update(`tw_ref|${tenantSlug}|${code}|${issuedAt}`).digest("base64url");
}

export function signRefCookie(tenantSlug: string, claim: RefClaim, secret: string): string {
  return `${claim.code}.${claim.issuedAt}.${mac(tenantSlug, claim.code, claim.issuedAt, secret)}`;
}

/** The claim in a cookie value, or null when it is malformed or its MAC does not match. */
export function readRefCookie(tenantSlug: string, value: string | null | undefined, secret: string): RefClaim | null {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [code, issued, given] = parts;
  if (!normalizeRefCode(code) || code !== code.toLowerCase() || !/^\d{1,12}$/.test(issued)) return null;
  const issuedAt = Number(issued);
  const expected = Buffer.from(mac(tenantSlug, code, issuedAt, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { code, issuedAt };
}

/** True while `now` is inside the attribution window that started at `issuedAt` (epoch seconds). */
export function withinWindow(issuedAt: number, now: Date, windowDays: number): boolean {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (issuedAt > nowSeconds + SKEW_SECONDS) return false;
  return nowSeconds - issuedAt <= windowDays * DAY_SECONDS;
}

export function cookieMaxAgeSeconds(windowDays: number): number {
  return windowDays * DAY_SECONDS;
}

export type CookieDecision = { action: "set"; claim: RefClaim } | { action: "keep" };

/**
 * What a visit through a share link does to the visitor's cookie. Last click (the default): the
 * newest link wins and its window starts now. First click: a still-valid earlier claim (verified,
 * inside the window, its partner still creditable) is kept; otherwise the new one is set.
 */
export function decideRefCookie(input: {
  model: AttributionModel;
  incomingCode: string;
  existing: RefClaim | null;
  existingCreditable: boolean;
  windowDays: number;
  now: Date;
}): CookieDecision {
  const { model, existing, now } = input;
  if (model === "first_click" && existing && input.existingCreditable && withinWindow(existing.issuedAt, now, input.windowDays)) {
    return { action: "keep" };
  }
  return { action: "set", claim: { code: input.incomingCode, issuedAt: Math.floor(now.getTime() / 1000) } };
}

/**
 * The claim an opt-in may be credited to: a verified cookie still inside the program's window.
 * Whether its partner is active and enrolled is checked against the database by the caller.
 */
export function claimForCredit(tenantSlug: string, cookie: string | null | undefined, secret: string | null, windowDays: number, now: Date): RefClaim | null {
  if (!secret) return null;
  const claim = readRefCookie(tenantSlug, cookie, secret);
  return claim && withinWindow(claim.issuedAt, now, windowDays) ? claim : null;
}
