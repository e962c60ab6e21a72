// `/r/<code>` inside Next (app/r/[code]/route.ts), for when the app runs under plain `next start`
// or `next dev` without scripts/server.ts. Slower than the custom server (Next's pipeline runs
// first) but the same decision: one core per process, kept on globalThis so dev reloads of the
// route do not open new pools, reusing the process's registered link cache and click writer when
// there are ones (under the custom server this route never runs: it answers GET/HEAD /r/* first).
import { trustedProxyHops } from "@/lib/http/client-ip";
import { createRedirectPool } from "@/lib/db/tracking-pool";
import { processClickWriter } from "./click-store";
import { createLinkLookup } from "./link-lookup";
import { createRedirectCore, type RedirectCore } from "./core";
import { friendlyPage, pageLocale } from "./friendly-page";
import { registeredLinkCache } from "./registry";
import { trackingSecret } from "./tracking-secret";
import { respondToWebRequest } from "./web";

type Fallback = { core: RedirectCore; trustProxy: boolean };

const SLOT = Symbol.for("twoway.redirectRoute");
const slots = globalThis as typeof globalThis & { [SLOT]?: Fallback };

/** The process's fallback redirect, created on first use (never at build time). */
export function fallbackRedirect(): Fallback {
  let fallback = slots[SLOT];
  if (!fallback) {
    const pool = createRedirectPool();
    const core = createRedirectCore({
      lookup: createLinkLookup(pool),
      sink: processClickWriter(pool),
      cache: registeredLinkCache(),
      secret: trackingSecret(),
      // Off the hot path (at most hourly per link): loads Prisma only when a link is refused.
      onUnlabelled: (link) => import("@/lib/placements/unlabelled-alert").then((m) => m.alertUnlabelledLink(link)).then(() => undefined),
    });
    fallback = slots[SLOT] = { core, trustProxy: trustedProxyHops() > 0 };
  }
  return fallback;
}

export async function handleTrackedLinkRequest(request: Request): Promise<Response> {
  let fallback: Fallback;
  try {
    fallback = fallbackRedirect();
  } catch (err) {
    console.error(`[twoway] tracked link failed: ${err instanceof Error ? err.message : String(err)}`);
    const body = friendlyPage(pageLocale(request.headers.get("cookie") ?? undefined, request.headers.get("accept-language") ?? undefined), "failure");
    return new Response(request.method === "HEAD" ? null : new Uint8Array(body), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
    });
  }
  return respondToWebRequest(fallback.core, request, fallback.trustProxy);
}
