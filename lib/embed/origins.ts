// Be careful: these origins may show the agency's board and application form inside their own pages
// (CSP frame-ancestors, docs/embedding.md). An origin is scheme + host (+ port), as frame-ancestors
// takes it: https only, except http://localhost (and 127.0.0.1, [::1]) for an agency developing its site
// — refused in production, where a plain-http parent could be anyone on the network path, unless
// EMBED_ALLOW_LOCALHOST=1 says so explicitly (the e2e server: a production build on localhost).

export type EmbedOriginPolicy = { allowLocalhost: boolean };

export function embedOriginPolicy(env: NodeJS.ProcessEnv = process.env): EmbedOriginPolicy {
  return { allowLocalhost: env.NODE_ENV !== "production" || env.EMBED_ALLOW_LOCALHOST === "1" };
}

const HTTPS = /^https:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::(\d{1,5}))?$/;
const LOCAL = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/;

/** "https://agency.example/" or " HTTPS://Agency.Example " → "https://agency.example": how an origin is stored. */
export function normalizeEmbedOrigin(value: string): string {
  return value.trim().replace(/\/+$/, "").toLowerCase();
}

/** True for an origin (already normalized) that may be listed under `policy`. */
export function isAllowedEmbedOrigin(origin: string, policy: EmbedOriginPolicy = embedOriginPolicy()): boolean {
  const m = HTTPS.exec(origin) ?? (policy.allowLocalhost ? LOCAL.exec(origin) : null);
  if (!m) return false;
  return m[1] === undefined || (Number(m[1]) >= 1 && Number(m[1]) <= 65_535);
}

/** The stored origins that still count (one stored before the rules tightened, or localhost in production, does not). */
export function allowedEmbedOrigins(stored: readonly string[], policy: EmbedOriginPolicy = embedOriginPolicy()): string[] {
  return stored.filter((o) => isAllowedEmbedOrigin(o, policy));
}
