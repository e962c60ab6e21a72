// What `/r/<code>` answers, independent of the server it runs in. Two thin adapters feed it:
// handler.ts (node:http, scripts/server.ts — the hot path) and web.ts (Web Request/Response, the
// fallback Next route app/r/[code]/route.ts). Per request: one cache hit, a hash, a few header
// reads, one push into the click buffer. Nothing here awaits the database except the first lookup
// of a code per cache period; the answer is synchronous whenever the link is cached.
import { destinationParts, destinationWithClick } from "./destination";
import { friendlyPage, pageLocale, type FriendlyKind } from "./friendly-page";
import { LinkCache } from "./link-cache";
import { registerClickSink, registerLinkCache, type ClickSink } from "./registry";
import { RepeatTracker } from "./repeat-tracker";
import { countryFrom, hasCookie, referrerHostFrom, type HeaderBag } from "./request-info";
import type { LinkRecord, LiveLink } from "./types";
import { deviceClass, isBotUserAgent } from "./user-agent";
import { newClickId, visitorHash } from "./visitor";

export type { ClickSink } from "./registry";

/** The request as the decision needs it; each adapter builds it from its own request type. */
export type RedirectInput = {
  method: string; // GET or HEAD
  url: string; // "/r/<code>[/][?…]"
  /** Lower-case names; at least REQUEST_HEADERS. Node's `req.headers` is used as is. */
  headers: HeaderBag;
  ip: string;
  https: boolean;
};

/** The headers the decision reads (the Web adapter copies just these). */
export const REQUEST_HEADERS = ["user-agent", "cookie", "accept-language", "referer", "cf-ipcountry", "x-vercel-ip-country", "x-country-code"] as const;

/**
 * The answer. `headers` is a flat [name, value, name, value, …] list — what node:http's
 * writeHead takes without conversion; Set-Cookie may appear twice. `body` is null for HEAD.
 */
export type RedirectOutcome = { status: number; headers: string[]; body: Buffer | null };

export type RedirectCoreOptions = {
  lookup: (code: string) => Promise<LinkRecord | null>;
  sink: ClickSink;
  secret: string;
  cacheTtlMs?: number;
  /** Use this cache instead of a new one (the process's registered cache, see fallback.ts). */
  cache?: LinkCache;
  /**
   * Register the cache and the sink as this process's (registry.ts), so lib/links can invalidate
   * a code at once and a fallback route reuses the writer. Default true; tests that run several
   * handlers side by side may turn it off.
   */
  register?: boolean;
  now?: () => number;
  log?: (message: string, err?: unknown) => void;
  /**
   * A visitor was refused a placement link aimed at a Russian audience without an erid: alert staff
   * (fire and forget; called at most once an hour per link per process, the alert itself is deduped per day).
   */
  onUnlabelled?: (link: LiveLink) => void | Promise<void>;
};

export type RedirectCore = {
  /** Synchronous when the code is cached (the hot path), else a promise. Never rejects. */
  respond(input: RedirectInput): RedirectOutcome | Promise<RedirectOutcome>;
  /** The 503 page for a failure in an adapter (logged at most every 10 s). */
  failure(input: Pick<RedirectInput, "method" | "headers">, err: unknown): RedirectOutcome;
  cache: LinkCache;
  repeats: RepeatTracker;
};

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
// strict-origin-when-cross-origin: the destination learns the partner's site, not the page path.
const REFERRER_POLICY = "strict-origin-when-cross-origin";

/** The code from `/r/<code>[/][?…]`, or null when it is not a plausible code. */
export function codeFromPath(url: string): string | null {
  const end = url.indexOf("?");
  let code = url.slice(3, end < 0 ? undefined : end);
  if (code.endsWith("/")) code = code.slice(0, -1);
  return CODE.test(code) ? code : null;
}

/** A link that may redirect, with everything per link precomputed; null when it must not. */
export function toLiveLink(record: LinkRecord | null): LiveLink | null {
  if (!record || record.disabled) return null;
  const destination = destinationParts(record.destinationUrl, {
    programId: record.programId,
    partnerRef: record.partnerRefCode || record.partnerId,
    erid: record.erid,
  });
  if (!destination) return null;
  const maxAge = Math.max(1, record.attributionWindowDays) * 86_400;
  return { ...record, destination, cookieAttributes: `; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax` };
}

const one = (value: string | string[] | undefined): string | undefined => (typeof value === "string" ? value : value?.[0]);

export function createRedirectCore(options: RedirectCoreOptions): RedirectCore {
  const { sink, secret } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message, err) => console.error(`[twoway] ${message}`, err instanceof Error ? err.message : (err ?? "")));
  const cache =
    options.cache ??
    new LinkCache({ load: async (code) => toLiveLink(await options.lookup(code)), ttlMs: options.cacheTtlMs, now, onStale: (_code, err) => logStale(err) });
  const repeats = new RepeatTracker();
  if (options.register ?? true) {
    registerLinkCache(cache);
    registerClickSink(sink);
  }
  const unlabelledAlerts = new Map<string, number>();
  let lastLoggedAt = 0;
  let lastStaleAt = 0;
  // The cache answered from its last known entry because the lookup failed (at most every 10 s).
  function logStale(err: unknown) {
    if (now() - lastStaleAt <= 10_000) return;
    lastStaleAt = now();
    log("link lookup failed; serving the last known link (stale-if-error)", err);
  }

  function friendly(input: Pick<RedirectInput, "method" | "headers">, status: number, kind: FriendlyKind): RedirectOutcome {
    const { headers } = input;
    const body = friendlyPage(pageLocale(one(headers.cookie), one(headers["accept-language"])), kind);
    return {
      status,
      headers: [
        "Content-Type", "text/html; charset=utf-8",
        "Content-Length", String(body.length),
        "Cache-Control", "no-store",
        "X-Robots-Tag", "noindex",
      ],
      body: input.method === "HEAD" ? null : body,
    };
  }

  function redirect(input: RedirectInput, link: LiveLink): RedirectOutcome {
    if (input.method === "HEAD") {
      // Link previews and checkers: show where it goes, record nothing, set nothing.
      return { status: 302, headers: ["Location", link.destination.url, "Cache-Control", "no-store", "Content-Length", "0"], body: null };
    }
    const at = now();
    const headers = input.headers;
    const userAgent = one(headers["user-agent"]) ?? "";
    const bot = isBotUserAgent(userAgent);
    const hash = visitorHash(secret, input.ip, userAgent);
    const id = newClickId();
    const repeatOfId = bot ? null : repeats.check(`${hash}|${link.id}`, id, at);
    const counted = repeatOfId ?? id;
    sink.add({
      id,
      tenantId: link.tenantId,
      linkId: link.id,
      partnerId: link.partnerId,
      programId: link.programId,
      opportunityId: link.opportunityId,
      sourceMarket: link.sourceMarket,
      targetMarket: link.targetMarket,
      occurredAt: at,
      country: countryFrom(headers),
      referrerHost: referrerHostFrom(one(headers.referer)),
      device: bot ? "bot" : deviceClass(userAgent),
      visitorHash: hash,
      isBot: bot,
      repeatOfId,
    });
    const out = [
      "Location", destinationWithClick(link.destination, counted),
      "Cache-Control", "no-store",
      "Referrer-Policy", REFERRER_POLICY,
      "Content-Length", "0",
    ];
    if (!bot) {
      const attributes = input.https ? `${link.cookieAttributes}; Secure` : link.cookieAttributes;
      out.push("Set-Cookie", `tw_lc=${counted}${attributes}`);
      if (!hasCookie(one(headers.cookie), "tw_fc")) out.push("Set-Cookie", `tw_fc=${counted}${attributes}`);
    }
    return { status: 302, headers: out, body: null };
  }

  function failure(input: Pick<RedirectInput, "method" | "headers">, err: unknown): RedirectOutcome {
    // Log at most every 10 s: a database outage must not turn into a log flood.
    if (now() - lastLoggedAt > 10_000) {
      lastLoggedAt = now();
      log("tracked link failed", err);
    }
    return friendly(input, 503, "failure");
  }

  /** 451: the law forbids serving an unlabelled ad to a Russian audience (38-ФЗ ст. 18.1). Nothing is recorded. */
  function unlabelled(input: RedirectInput, link: LiveLink): RedirectOutcome {
    const at = now();
    if (options.onUnlabelled && (unlabelledAlerts.get(link.id) ?? -Infinity) < at - 3_600_000) {
      unlabelledAlerts.set(link.id, at);
      if (unlabelledAlerts.size > 10_000) unlabelledAlerts.clear();
      Promise.resolve()
        .then(() => options.onUnlabelled!(link))
        .catch((err: unknown) => log("unlabelled-link alert failed", err));
    }
    return friendly(input, 451, "unlabelled");
  }

  function answer(input: RedirectInput, link: LiveLink | null): RedirectOutcome {
    try {
      if (link && link.eridRequired && !link.erid) return unlabelled(input, link);
      return link ? redirect(input, link) : friendly(input, 404, "unavailable");
    } catch (err) {
      return failure(input, err);
    }
  }

  function respond(input: RedirectInput): RedirectOutcome | Promise<RedirectOutcome> {
    const code = codeFromPath(input.url);
    if (!code) return friendly(input, 404, "unavailable");
    const cached = cache.peek(code);
    if (cached !== undefined) return answer(input, cached);
    return cache.get(code).then(
      (link) => answer(input, link),
      (err: unknown) => failure(input, err),
    );
  }

  return { respond, failure, cache, repeats };
}
