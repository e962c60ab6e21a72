// `npm run bench:bundle` — First Load JS of key pages from the production build (.next).
// Next 16 no longer prints sizes, so this sums what a first visit downloads: the root main
// files plus the client chunks of the page and its layouts (from the client reference
// manifest), raw and gzip-compressed.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const pages = [
  "/[locale]/(staff)/t/[tenant]/page",
  "/[locale]/(staff)/t/[tenant]/brands/page",
  "/[locale]/(staff)/t/[tenant]/creators/[id]/page",
  "/[locale]/(auth)/sign-in/page",
  "/[locale]/(portal)/p/[tenant]/page",
  // Issue 5: the funnel (recharts loads after the page, via next/dynamic) and the partner's funnel.
  "/[locale]/(staff)/t/[tenant]/funnel/page",
  "/[locale]/(portal)/p/[tenant]/funnel/page",
];

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const build = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] };
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

for (const page of pages) {
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
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const body = readFileSync(`.next/${f}`);
    raw += body.length;
    gz += gzipSync(body).length;
  }
  console.log(`${page.padEnd(50)} ${String(files.size).padStart(2)} files  ${kb(raw).padStart(9)} raw  ${kb(gz).padStart(8)} gzip`);
}
