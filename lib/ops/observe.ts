// What scripts/server.ts does around every request: assign the request id (echoed as X-Request-Id,
// carried by every log line made while the request runs), count it in the metrics and write one
// access line when the response is done. The access line names the route pattern, never the raw
// path or query string (tokens and magic links live there).
//
// Tracked-link redirects log their access line at debug (errors still at error): a line per
// redirect doubled the server CPU per redirect (bench:redirect), and the metrics count every one.
import type { IncomingMessage, ServerResponse } from "node:http";
import { log, withRequestContext, type Logger } from "./log";
import type { Metrics } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFor } from "./request-id";
import { routeLabel } from "./route-label";

const REDIRECT = "/r/:code";
const READYZ = "/readyz";

export type ObserveOptions = { metrics: Metrics; hops: number; logger?: () => Logger };

export function createObserver(options: ObserveOptions) {
  const { metrics, hops } = options;
  const logger = options.logger ?? log;
  // Label children looked up once per (method, route, status): prom-client's per-call label
  // hashing is a measurable share of a redirect's cost. Bounded like the labels themselves.
  const children = new Map<string, { count: { inc(): void }; duration: { observe(v: number): void } }>();
  const child = (method: string, route: string, status: string) => {
    const key = `${method} ${route} ${status}`;
    let c = children.get(key);
    if (!c) {
      const duration = route === REDIRECT ? metrics.redirectDuration.labels({ status }) : metrics.httpDuration.labels({ route });
      children.set(key, (c = { count: metrics.httpRequests.labels({ method, route, status }), duration }));
    }
    return c;
  };

  /** Runs `handler` for the request inside its context; the bookkeeping happens on finish/close. */
  return function observe(req: IncomingMessage, res: ServerResponse, handler: () => void): void {
    const start = process.hrtime.bigint();
    const requestId = requestIdFor(req, hops);
    req.headers[REQUEST_ID_HEADER] = requestId; // code behind Next can read it too
    res.setHeader("X-Request-Id", requestId);
    const route = routeLabel(req.url);
    // "close" follows "finish" on every response, and also comes alone when the client hangs up.
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
      const c = child(req.method ?? "GET", route, String(status));
      c.count.inc();
      c.duration.observe(seconds); // a redirect's into its own histogram, not the per-route one
      const line = { requestId, method: req.method, route, status, ms: Math.round(seconds * 1e4) / 10 };
      // A 503 from /readyz is an answer, not a failure (a stopping or not-yet-ready instance): warn.
      if (status >= 500 && route !== READYZ) logger().error(line, "request");
      else if (status >= 500) logger().warn(line, "request");
      else if (route === REDIRECT) logger().debug(line, "request");
      else logger().info(line, "request");
    });
    withRequestContext({ requestId }, handler);
  };
}
