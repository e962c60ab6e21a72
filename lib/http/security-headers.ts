// Security headers. The Content-Security-Policy is built per request in proxy.ts (a fresh nonce
// that Next puts on its own scripts); the static ones come from next.config.ts for every response.
// HSTS is set by scripts/server.ts, which knows whether the request arrived over https.

/**
 * Public pages that agencies may embed on their own sites: the chrome-less embed routes
 * (/<locale>/embed/<tenant>/…, docs/embedding.md) and, as before them, the board and program applications.
 */
export function isEmbeddablePath(pathname: string): boolean {
  return /^\/(en|ru)\/(o|apply|embed)\//.test(pathname);
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/** frame-ancestors: 'none' everywhere except embeddable pages, which get the agency's listed origins. */
export function frameAncestors(pathname: string, listedOrigins: string | null): string {
  if (!isEmbeddablePath(pathname) || !listedOrigins) return "'none'";
  const origins = listedOrigins.split(/\s+/).filter((o) => ORIGIN.test(o));
  return origins.length ? `'self' ${origins.join(" ")}` : "'none'";
}

export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; frameAncestors: string }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next loads from a nonced script are trusted; nothing inline without the nonce.
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (charts, progress bars) need inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${opts.frameAncestors}`,
  ].join("; ");
}

/** Headers on every response (next.config.ts). */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "X-DNS-Prefetch-Control", value: "off" },
];
