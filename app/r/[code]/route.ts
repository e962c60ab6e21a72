// Fallback for `/r/<code>` when the app runs under plain `next start`/`next dev`. With `npm start`
// (scripts/server.ts) GET/HEAD /r/* are answered before Next and this route never runs. Same
// lookup, click id, cookies, UTM, repeat and bot rules; see lib/tracking/fallback.ts.
import { handleTrackedLinkRequest } from "@/lib/tracking/fallback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleTrackedLinkRequest(request);
}

export function HEAD(request: Request): Promise<Response> {
  return handleTrackedLinkRequest(request);
}
