import type { Page } from "@playwright/test";

// Every staff, portal and public page, shared by the specs that visit them all (layout-overflow,
// a11y). The lists mirror app/[locale]/(staff), (portal), (auth) and (board); pages with an id are
// reached through the first matching link on their list page in the seeded demo agency ("northstar").

export const LOCALES = ["en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

export const STAFF_PAGES = [
  "",
  "audit",
  "brands",
  "brands/new",
  "commissions",
  "commissions/rules",
  "compliance",
  "compliance/1099",
  "creators",
  "creators/new",
  "funnel",
  "funnel/clicks",
  "funnel/customers",
  "funnel/events",
  "funnel/import",
  "funnel/referrals",
  "links",
  "messages",
  "messages/new",
  "notifications",
  "notifications/settings",
  "opportunities",
  "opportunities/new",
  "partners",
  "partners/new",
  "payouts",
  "placements",
  "placements/report",
  "placements/rules",
  "programs",
  "referrals",
  "risk",
  "risk/rules",
  "settings",
  "settings/api-keys",
  "settings/fx",
  "settings/webhooks",
  "settings/ord",
];
/** Detail pages: [list page, href pattern of its links (relative to the tenant base), extra sub-pages]. */
export type Details = [string, RegExp, string[]][];
export const STAFF_DETAILS: Details = [
  ["brands", /^\/brands\/(?!new$|export$)[^/?#]+$/, []],
  ["creators", /^\/creators\/(?!new$|export$)[^/?#]+$/, []],
  ["partners", /^\/partners\/(?!new$|export$)[^/?#]+$/, []],
  ["opportunities", /^\/opportunities\/(?!new$|export$)[^/?#]+$/, ["edit", "matches", "opt-ins"]],
  ["referrals", /^\/referrals\/(?!new$|export$)[^/?#]+$/, []],
  ["commissions", /^\/commissions\/(?!rules$|export$)[^/?#]+$/, []],
  ["payouts", /^\/payouts\/(?!export$)[^/?#]+$/, []],
  ["placements", /^\/placements\/(?!new$|rules$|report$)[^/?#]+$/, ["ord"]],
  ["messages", /^\/messages\/(?!new$)[^/?#]+$/, []],
  ["programs", /^\/programs\/[^/?#]+\/groups$/, []],
];
export const PORTAL_PAGES = ["", "referrals", "referrals/new", "opportunities", "links", "funnel", "earnings", "placements", "messages", "account", "account/tax"];
export const PORTAL_DETAILS: Details = [
  ["referrals", /^\/referrals\/(?!new$|export$)[^/?#]+$/, []],
  ["opportunities", /^\/opportunities\/[^/?#]+$/, []],
  ["earnings", /^\/earnings\/payouts\/[^/?#]+$/, []],
  ["messages", /^\/messages\/[^/?#]+$/, []],
];
/** Pages anyone may open, below /<locale>/ (invitations with an unknown token show their error page). */
export const PUBLIC_PAGES = ["", "sign-in", "sign-up", "check-email", "invite/no-such-token", "partner-invite/no-such-token", "o/northstar", "embed/northstar/board", "no-such-page"];
/** The embedded copy (docs/embedding.md) of a public page below /<locale>/: "o/northstar/<id>", "apply/northstar/<id>". */
export function embeddedPath(publicPath: string): string {
  return publicPath.replace(/^o\/([^/]+)\//, "embed/$1/board/").replace(/^apply\/([^/]+)\//, "embed/$1/apply/");
}

/** The first link on each list page that matches its pattern, as paths below `base` (plus sub-pages). */
export async function collectDetails(page: Page, base: string, details: Details, prefix: string) {
  const found: string[] = [];
  for (const [list, pattern, subs] of details) {
    await page.goto(`${base}/${list}`);
    const hrefs = await page.locator(`a[href^="${base}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.map((h) => h.slice(base.length).split(/[?#]/)[0]).find((h) => pattern.test(h) && !/\.\w+$/.test(h)); // not a download (registry.csv)
    if (!href) throw new Error(`no link matching ${pattern} on ${base}/${list} — the seeded demo data changed?`);
    const rel = `${prefix}${href.slice(1)}`;
    found.push(rel, ...subs.map((s) => `${rel}/${s}`));
  }
  return found;
}

/** Every staff page of the demo agency, detail pages included (a payout is reached from its run's page). */
export async function allStaffPages(page: Page, base: string) {
  const details = await collectDetails(page, base, STAFF_DETAILS, "");
  const run = details.find((p) => p.startsWith("payouts/"))!;
  const payout = await collectDetails(page, base, [[run, /^\/payouts\/[^/?#]+\/[^/?#]+$/, []]], "");
  return [...STAFF_PAGES, ...details, ...payout];
}

/** Every portal page of the demo agency, detail pages included. */
export async function allPortalPages(page: Page, base: string) {
  return [...PORTAL_PAGES, ...(await collectDetails(page, base, PORTAL_DETAILS, ""))];
}
