// The route label of a request for metrics and access logs: a pattern such as /r/:code or
// /:locale/t/:tenant/payouts/:id, never a raw path. Only words from the app's own route folders
// survive (a test keeps ROUTE_WORDS in step with app/); anything else becomes a parameter, so the
// number of label values stays bounded whatever clients send, and no token in a path is logged.

/** Static segments of app/ routes (folder names without brackets or groups). */
export const ROUTE_WORDS = new Set([
  "1099", "account", "api", "api-keys", "apply", "audit", "auth", "board", "brands", "check-email", "clicks",
  "commissions", "compliance", "creators", "customers", "deliveries", "dev", "earnings", "edit", "embed", "events", "export", "funnel",
  "fx", "groups", "import", "invite", "links", "matches", "messages", "new", "notifications", "o", "opportunities", "opt-ins", "ord", "ord-export", "outbox", "p", "placements",
  "partner-invite", "partners", "payouts", "programs", "r", "ref", "referrals", "registry.csv", "registry.xlsx", "report", "risk",
  "rules", "search", "settings", "sign-in", "sign-up", "stripe", "t", "tax", "v1", "webhooks", "accept",
]);

const LOCALES = new Set(["en", "ru"]);
/** Segments after these name a tenant. */
const TENANT_AREAS = new Set(["t", "p", "o", "apply"]);
const MAX_SEGMENTS = 7;

export function routeLabel(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0];
  if (path.startsWith("/r/")) return "/r/:code";
  if (path.startsWith("/_next/static/")) return "/_next/static";
  if (path.startsWith("/_next/")) return "/_next";
  if (path.startsWith("/api/auth/")) return "/api/auth/*";
  if (path === "/metrics" || path === "/healthz" || path === "/readyz" || path === "/") return path;
  if (/\.[a-z0-9]{2,5}$/i.test(path) && !/\/registry\.(csv|xlsx)$/.test(path)) return "/:file";
  const segments = path.split("/").filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < segments.length && i < MAX_SEGMENTS; i++) {
    const s = segments[i];
    if (i === 0 && LOCALES.has(s)) out.push(":locale");
    else if (i > 0 && TENANT_AREAS.has(out[i - 1])) out.push(":tenant");
    else out.push(ROUTE_WORDS.has(s) ? s : ":id");
  }
  if (segments.length > MAX_SEGMENTS) out.push("*");
  return `/${out.join("/")}`;
}
