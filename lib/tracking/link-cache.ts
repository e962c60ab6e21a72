// In-memory cache of code → link, in front of the database. A change made through lib/links
// invalidates the code at once in this process (registry.ts); entries still expire after `ttlMs`
// (30 s), which is how a change reaches the other app instances. Misses are cached too, in a
// separate, smaller map, so a flood of random codes costs one query per code and bounded memory.
// Concurrent misses for one code share one query.
// Stale-if-error: an expired entry is kept (not served) until its code is looked up again; when that
// lookup fails or takes longer than `loadTimeoutMs` (2 s), the last known answer is served for
// another `staleRetryMs` (5 s) before the next attempt, so a database outage or partition neither
// hangs redirects nor turns known links into 503s. invalidate() drops stale entries too.
import type { LiveLink } from "./types";

type Entry = { link: LiveLink | null; expires: number };

export type LinkCacheOptions = {
  load: (code: string) => Promise<LiveLink | null>;
  ttlMs?: number;
  /** A lookup slower than this counts as failed (default 2000 ms). */
  loadTimeoutMs?: number;
  /** After a failed lookup, serve the stale answer this long before trying again (default 5000 ms). */
  staleRetryMs?: number;
  /** Called when a stale answer is served instead of a failed lookup. */
  onStale?: (code: string, err: unknown) => void;
  maxEntries?: number;
  maxNegative?: number;
  now?: () => number;
};

export class LinkCache {
  private readonly live = new Map<string, Entry>();
  private readonly missing = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<LiveLink | null>>();
  // Bumped by invalidate(): a load that started before an invalidation may have read the old row,
  // so its answer is given to the requests that waited for it but not stored.
  private generation = 0;
  private readonly ttlMs: number;
  private readonly loadTimeoutMs: number;
  private readonly staleRetryMs: number;
  private readonly maxEntries: number;
  private readonly maxNegative: number;
  private readonly now: () => number;

  constructor(private readonly options: LinkCacheOptions) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.loadTimeoutMs = options.loadTimeoutMs ?? 2_000;
    this.staleRetryMs = options.staleRetryMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.maxNegative = options.maxNegative ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The cached answer if fresh, else undefined (the caller then awaits `load`). Sync for the hot path. */
  peek(code: string): LiveLink | null | undefined {
    const entry = this.live.get(code) ?? this.missing.get(code);
    if (!entry || entry.expires <= this.now()) return undefined; // an expired entry stays for stale-if-error
    return entry.link;
  }

  get(code: string): Promise<LiveLink | null> {
    const cached = this.peek(code);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = this.inflight.get(code);
    if (!pending) {
      const generation = this.generation;
      const loading: Promise<LiveLink | null> = withTimeout(this.options.load(code), this.loadTimeoutMs).then(
        (link) => {
          if (this.inflight.get(code) === loading) this.inflight.delete(code);
          if (generation === this.generation) this.store(code, link);
          return link;
        },
        (err: unknown) => {
          if (this.inflight.get(code) === loading) this.inflight.delete(code);
          const stale = generation === this.generation ? (this.live.get(code) ?? this.missing.get(code)) : undefined;
          if (!stale) throw err; // failures are not cached: the next request retries
          stale.expires = this.now() + this.staleRetryMs;
          this.options.onStale?.(code, err);
          return stale.link;
        },
      );
      this.inflight.set(code, (pending = loading));
    }
    return pending;
  }

  /** Forget one code (after an edit in this process) or everything, including loads under way. */
  invalidate(code?: string) {
    this.generation++;
    if (code === undefined) {
      this.live.clear();
      this.missing.clear();
      this.inflight.clear();
    } else {
      this.live.delete(code);
      this.missing.delete(code);
      this.inflight.delete(code);
    }
  }

  get size() {
    return { live: this.live.size, missing: this.missing.size };
  }

  private store(code: string, link: LiveLink | null) {
    const map = link ? this.live : this.missing;
    const max = link ? this.maxEntries : this.maxNegative;
    map.delete(code);
    // Maps iterate in insertion order: the first key is the oldest entry.
    while (map.size >= max) map.delete(map.keys().next().value!);
    map.set(code, { link, expires: this.now() + this.ttlMs });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`link lookup timed out after ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
