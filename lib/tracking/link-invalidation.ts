// Link-cache invalidation across app instances. Triggers on "TrackedLink", "Partner" and "Program"
// (migration 20261206120000_shared_tracking_state) NOTIFY channel `twoway_link_changed` after every
// committed change that can alter what /r/<code> answers, whoever made it; each redirect server
// LISTENs on one dedicated connection and evicts the code (payload '*': everything).
//
// The connection can drop (database restart, network): then we reconnect with backoff, and once
// listening again drop the whole cache, because notifications sent while we were away are lost.
// Until then the cache TTL (30 s) still bounds how stale an entry gets.
//
// Only for a real PostgreSQL: PGlite's socket serves every connection from one backend session and
// delivers a NOTIFY only to the connection that sent it (tried), so the embedded default is
// single-instance by design and relies on the in-process invalidation (registry.ts).
import type { LinkCache } from "./link-cache";

export const LINK_CHANGED_CHANNEL = "twoway_link_changed";

/** The part of a pg `Client` the listener uses (scripts/server.ts passes `new pg.Client(…)`). */
export type ListenConnection = {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  on(event: "notification", listener: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: "error", listener: (err: Error) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  end(): Promise<void>;
};

export type LinkChangeListenerOptions = {
  /** A new, unconnected connection per attempt. */
  connection: () => ListenConnection;
  cache: Pick<LinkCache, "invalidate">;
  log?: (message: string) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

export type LinkChangeListener = {
  /** Resolves once the first LISTEN is in place (or never, while the database is unreachable). */
  readonly listening: Promise<void>;
  close(): Promise<void>;
};

export function listenForLinkChanges(options: LinkChangeListenerOptions): LinkChangeListener {
  const { cache } = options;
  const log = options.log ?? ((m) => console.error(`[twoway] ${m}`));
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  let backoff = 0;
  let closed = false;
  let current: ListenConnection | undefined;
  let timer: NodeJS.Timeout | undefined;
  let markListening!: () => void;
  const listening = new Promise<void>((resolve) => (markListening = resolve));

  function retry(reason: string) {
    if (closed || timer) return;
    backoff = Math.min(Math.max(backoff * 2, minBackoff), maxBackoff);
    log(`link change listener: ${reason}; reconnecting in ${backoff} ms`);
    timer = setTimeout(() => {
      timer = undefined;
      void start();
    }, backoff);
    timer.unref?.();
  }

  async function start() {
    const connection = (current = options.connection());
    let lost = false;
    const onLost = (reason: string) => {
      if (lost || connection !== current) return;
      lost = true;
      current = undefined;
      connection.end().catch(() => undefined);
      retry(reason);
    };
    connection.on("error", (err) => onLost(err.message));
    connection.on("end", () => onLost("connection ended"));
    connection.on("notification", (message) => {
      if (message.channel !== LINK_CHANGED_CHANNEL) return;
      if (!message.payload || message.payload === "*") cache.invalidate();
      else cache.invalidate(message.payload);
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${LINK_CHANGED_CHANNEL}`);
    } catch (err) {
      onLost((err as Error).message);
      return;
    }
    if (closed) return void connection.end().catch(() => undefined);
    // Changes made while no LISTEN was in place were not heard: forget everything once.
    if (backoff > 0) log("link change listener: listening again, link cache cleared");
    cache.invalidate();
    backoff = 0;
    markListening();
  }

  void start();
  return {
    listening,
    async close() {
      closed = true;
      clearTimeout(timer);
      const connection = current;
      current = undefined;
      await connection?.end().catch(() => undefined);
    },
  };
}
