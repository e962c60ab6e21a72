// What scripts/server.ts does around every request: assign the request id (echoed as X-Request-Id,
// carried by every log line made while the request runs), count it in the metrics and write one
// access line when the response is done. The access line names the route pattern, never the raw
// path or query string (tokens and magic links live there).
import type { IncomingMessage, ServerResponse } from "node:http";
import { log, withRequestContext, type Logger } from "./log";
import type { Metrics } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFor } from "./request-id";
import { routeLabel } from "./route-label";

export type ObserveOptions = { metrics: Metrics; hops: number; logger?: () => Logger };

export function createObserver(options: ObserveOptions) {
  const { metrics, hops } = options;
  const logger = options.logger ?? log;

  /** Runs `handler` for the request inside its context; the bookkeeping happens on finish/close. */
  return function observe(req: IncomingMessage, res: ServerResponse, handler: () => void): void {
    const start = process.hrtime.bigint();
    const requestId = requestIdFor(req, hops);
    req.headers[REQUEST_ID_HEADER] = requestId; // code behind Next can read it too
    res.setHeader("X-Request-Id", requestId);
    const route = routeLabel(req.url);
    const done = () => {
      res.off("finish", done);
      res.off("close", done);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
      metrics.httpRequests.inc({ method: req.method ?? "GET", route, status: String(status) });
      metrics.httpDuration.observe({ route }, seconds);
      if (route === "/r/:code") metrics.redirectDuration.observe({ status: String(status) }, seconds);
      const line = { requestId, method: req.method, route, status, ms: Math.round(seconds * 1e4) / 10 };
      if (status >= 500) logger().error(line, "request");
      else logger().info(line, "request");
    };
    res.on("finish", done);
    res.on("close", done);
    withRequestContext({ requestId }, handler);
  };
}
