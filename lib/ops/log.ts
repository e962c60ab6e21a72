// The process's one logger: JSON lines (pino) with level, time, msg and — inside a request — the
// request id the server assigned (lib/ops/observe.ts). LOG_LEVEL picks the threshold (default info).
// Never pass secrets, tokens, e-mail bodies or magic-link URLs; the redact list below is a net for
// the obvious field names, not a licence to log whole objects.
//
// The request context and the logger live on globalThis: Next bundles its own copy of this module
// for server code, and that copy must see the context scripts/server.ts set for the request.
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };
export type RequestContext = { requestId: string };

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** LOG_LEVEL if it names a pino level, else "info". */
export function logLevel(value = process.env.LOG_LEVEL): string {
  const v = value?.trim().toLowerCase();
  return v && (LEVELS as readonly string[]).includes(v) ? v : "info";
}

const REDACT = ["authorization", "cookie", "token", "password", "secret", "url", "html", "text", "body"].flatMap((k) => [k, `*.${k}`]);

type Shared = { context: AsyncLocalStorage<RequestContext>; logger?: Logger };
const KEY = Symbol.for("twoway.ops.log");

function shared(): Shared {
  const g = globalThis as typeof globalThis & { [KEY]?: Shared };
  return (g[KEY] ??= { context: new AsyncLocalStorage<RequestContext>() });
}

/** A logger writing to `destination` (stdout by default); tests pass a stream to read the lines. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const { context } = shared();
  return pino(
    {
      level: options.level ?? logLevel(),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const id = context.getStore()?.requestId;
        return id ? { requestId: id } : {};
      },
      redact: { paths: REDACT, censor: "[redacted]" },
    },
    options.destination,
  );
}

/** The process logger (created on first use). */
export function log(): Logger {
  const s = shared();
  return (s.logger ??= createLogger());
}

/** Runs `fn` with `ctx` as the current request: every log line inside carries its id. */
export function withRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return shared().context.run(ctx, fn);
}

export function currentRequestId(): string | undefined {
  return shared().context.getStore()?.requestId;
}
