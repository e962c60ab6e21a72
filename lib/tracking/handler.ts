// The node:http adapter of the `/r/<code>` redirect, served by scripts/server.ts before Next (the
// hot path). The decision lives in core.ts; this file only reads the request and writes the answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRedirectCore, type RedirectCore, type RedirectCoreOptions, type RedirectOutcome } from "./core";
import type { LinkCache } from "./link-cache";
import type { RepeatTracker } from "./repeat-tracker";
import { clientIp, isHttps } from "./request-info";

export { codeFromPath, toLiveLink, type ClickSink } from "./core";

export type RedirectHandlerOptions = RedirectCoreOptions & {
  /** Behind a proxy that sets X-Forwarded-For / X-Forwarded-Proto (TRUST_PROXY=1). */
  trustProxy?: boolean;
};

export type RedirectHandler = {
  handle(req: IncomingMessage, res: ServerResponse): void;
  core: RedirectCore;
  cache: LinkCache;
  repeats: RepeatTracker;
};

/** True for the paths the lean handler owns (GET/HEAD /r/…); everything else goes to Next. */
export function isTrackedLinkRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "HEAD") && !!req.url && req.url.startsWith("/r/");
}

export function createRedirectHandler(options: RedirectHandlerOptions): RedirectHandler {
  const trustProxy = options.trustProxy ?? false;
  const core = createRedirectCore(options);

  function write(req: IncomingMessage, res: ServerResponse, outcome: RedirectOutcome) {
    try {
      res.writeHead(outcome.status, outcome.headers);
      res.end(outcome.body ?? undefined);
    } catch (err) {
      const page = core.failure({ method: req.method ?? "GET", headers: req.headers }, err);
      if (res.headersSent) res.end();
      else res.writeHead(page.status, page.headers).end(page.body ?? undefined);
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const outcome = core.respond({
      method: req.method ?? "GET",
      url: req.url ?? "",
      headers: req.headers,
      ip: clientIp(req, trustProxy),
      https: isHttps(req, trustProxy),
    });
    if (outcome instanceof Promise) outcome.then((o) => write(req, res, o));
    else write(req, res, outcome);
  }

  return { handle, core, cache: core.cache, repeats: core.repeats };
}
