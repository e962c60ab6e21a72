// `npm run bench:bundle` — what a first visit to key pages downloads, from the production build.
//
// First Load JS: Next 16 no longer prints sizes, so this sums the root main files plus the client
// chunks of the page and its layouts (from the client reference manifest), gzip-compressed.
// HTML: with BENCH_URL pointing at a running production server (e.g. `E2E_DB=embedded PORT=3400
// node_modules/.bin/tsx scripts/e2e-server.ts`, then `BENCH_URL=http://localhost:3400 npm run
// bench:bundle`), each page is fetched in English and Russian — signed in as the demo owner for staff
// pages and as the Russian demo partner (magic link from the dev outbox) for the portal — and its HTML,
// which carries the RSC payload and with it the translations sent to the browser, is gzip-compressed.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type APIRequestContext } from "@playwright/test";
import { magicLinkSignIn, signIn } from "../../tests/e2e/helpers";

type Who = "visitor" | "staff" | "partner";
type Bench = { name: string; route: string; who: Who; path: (locale: string, ids: { opportunity: string }) => string };

const benches: Bench[] = [
  { name: "sign-in", route: "/[locale]/(auth)/sign-in/page", who: "visitor", path: (l) => `/${l}/sign-in` },
  { name: "board: list", route: "/[locale]/(board)/o/[tenant]/page", who: "visitor", path: (l) => `/${l}/o/northstar` },
  { name: "board: opportunity", route: "/[locale]/(board)/o/[tenant]/[id]/page", who: "visitor", path: (l, ids) => `/${l}/o/northstar/${ids.opportunity}` },
  { name: "portal: home", route: "/[locale]/(portal)/p/[tenant]/page", who: "partner", path: (l) => `/${l}/p/northstar` },
  { name: "portal: submit referral", route: "/[locale]/(portal)/p/[tenant]/referrals/new/page", who: "partner", path: (l) => `/${l}/p/northstar/referrals/new` },
  // Issue 5: the funnel (recharts loads after the page, via next/dynamic) and the partner's funnel.
  { name: "portal: funnel", route: "/[locale]/(portal)/p/[tenant]/funnel/page", who: "partner", path: (l) => `/${l}/p/northstar/funnel` },
  { name: "staff: dashboard", route: "/[locale]/(staff)/t/[tenant]/page", who: "staff", path: (l) => `/${l}/t/northstar` },
  { name: "staff: funnel", route: "/[locale]/(staff)/t/[tenant]/funnel/page", who: "staff", path: (l) => `/${l}/t/northstar/funnel` },
  { name: "staff: referrals", route: "/[locale]/(staff)/t/[tenant]/referrals/page", who: "staff", path: (l) => `/${l}/t/northstar/referrals` },
  { name: "staff: brands", route: "/[locale]/(staff)/t/[tenant]/brands/page", who: "staff", path: (l) => `/${l}/t/northstar/brands` },
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function firstLoadJs(page: string): number {
  const build = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] };
  const file = `.next/server/app${page}_client-reference-manifest.js`;
  const g = globalThis as unknown as { __RSC_MANIFEST: Record<string, { entryJSFiles: Record<string, string[]> }> };
  g.__RSC_MANIFEST = {};
  new Function(readFileSync(file, "utf8"))();
  const manifest = g.__RSC_MANIFEST[page];
  const segments = page.replace(/\/page$/, "");
  const files = new Set(build.rootMainFiles);
  for (const [entry, chunks] of Object.entries(manifest.entryJSFiles)) {
    const route = entry.replace("[project]/app", "");
    const isLayout = route.endsWith("/layout") && segments.startsWith(route.replace(/\/layout$/, ""));
    if (isLayout || route === page) chunks.forEach((c) => files.add(c));
  }
  let gz = 0;
  for (const f of files) gz += gzipSync(readFileSync(`.next/${f}`)).length;
  return gz;
}

async function htmlSizes(base: string): Promise<Map<string, number>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const sizes = new Map<string, number>();
  try {
    const contexts: Record<Who, APIRequestContext> = {} as Record<Who, APIRequestContext>;
    for (const who of ["visitor", "staff", "partner"] as const) {
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      if (who === "staff") await signIn(page, "owner@northstar.test");
      if (who === "partner") await magicLinkSignIn(page, "partner.ru@northstar.test", "ru");
      await page.close();
      contexts[who] = context.request;
    }
    const board = await (await contexts.visitor.get("/en/o/northstar")).text();
    const opportunity = board.match(/href="\/en\/o\/northstar\/([^"/?]+)"/)?.[1];
    if (!opportunity) throw new Error("no opportunity on the demo board");
    for (const bench of benches) {
      for (const locale of ["en", "ru"]) {
        const path = bench.path(locale, { opportunity });
        const res = await contexts[bench.who].get(path);
        if (!res.ok() || new URL(res.url()).pathname !== path) throw new Error(`${path}: ${res.status()} at ${res.url()}`);
        sizes.set(`${bench.name}|${locale}`, gzipSync(await res.body()).length);
      }
    }
  } finally {
    await browser.close();
  }
  return sizes;
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build: run `npm run build` first.");
    process.exit(1);
  }
  const base = process.env.BENCH_URL;
  const html = base ? await htmlSizes(base) : null;
  if (!html) console.log("First Load JS only; set BENCH_URL to a running production server for HTML sizes.\n");
  const header = ["page", "lang", "HTML gzip", "First Load JS gzip", "total"];
  console.log(`| ${header.join(" | ")} |\n|${header.map(() => " --- ").join("|")}|`);
  for (const bench of benches) {
    const js = firstLoadJs(bench.route);
    const rows = html ? ["en", "ru"] : ["—"];
    for (const locale of rows) {
      const h = html?.get(`${bench.name}|${locale}`);
      const cells = [bench.name, locale, h === undefined ? "—" : kb(h), kb(js), h === undefined ? "—" : kb(h + js)];
      console.log(`| ${cells.join(" | ")} |`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
