// Batched click writer for the redirect server (raw `pg`). Requests push rows into a buffer; a
// flush (at 500 rows or every 200 ms) stores them with ONE statement: a multi-row insert into
// "Click" from unnest() arrays, whose RETURNING feeds the "ClickDaily" upsert. One statement is
// one transaction, and because the rollup counts only rows actually inserted (ON CONFLICT DO
// NOTHING), retrying a batch whose commit was acknowledged late can never double count.
// Repeats are decided here, against the stored clicks, so they hold across app instances: a click
// whose visitor already has a counted click on the link from the last 30 minutes (stored by any
// instance) points at it. The in-memory RepeatTracker only answers the redirect itself (cookie and
// `tw_click`); a repeat id there still resolves to the counted click (lib/attribution/resolve-click).
// "ClickDaily".day is the agency's local day ("Tenant"."rollupTimeZone", read in the same statement;
// migration 20261206181000_rollups_local_days): a re-key of the tenant's rollups locks "ClickDaily",
// so a batch that waited for it starts with a snapshot that has the new zone.
// On failure the rows stay buffered and the flush is retried with backoff; `close()` drains.
import { createTrackingPool, type Queryable, type TrackingPool } from "@/lib/db/tracking-pool";
import { registerClickSink, registeredClickSink, type ClickSink } from "./registry";
import { OverflowLog } from "./overflow-log";
import type { ClickRow } from "./types";

export type { Queryable };

export type ClickWriterOptions = {
  /** Where to write; or `url` to let the writer own a small pool. */
  db?: Queryable;
  url?: string;
  batchSize?: number; // flush as soon as this many rows wait (default 500)
  intervalMs?: number; // otherwise flush this often while rows wait (default 200)
  maxBatch?: number; // rows per statement (default 5000)
  maxBuffered?: number; // beyond this, new clicks are dropped and counted (default 200k)
  maxBackoffMs?: number;
  log?: (message: string) => void;
};

export type ClickWriterStats = { buffered: number; written: number; dropped: number; failures: number };

// Link-derived columns (tenant, partner, program, opportunity, markets) come from the link row
// itself: fewer arrays to ship, and clicks on a link deleted meanwhile are dropped by the join
// instead of failing the whole batch on the foreign key forever.
const INSERT = `
WITH batch AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::text[],
                       $6::"DeviceClass"[], $7::text[], $8::boolean[], $9::text[])
    AS b(id, "linkId", "atMs", country, "referrerHost", device, "visitorHash", "isBot", "repeatOfId")
), judged AS (
  -- The earliest counted click of this visitor on this link in the 30 minutes up to this one, from
  -- any instance (REPEAT_WINDOW_MS; index "Click_linkId_visitorHash_occurredAt_idx").
  SELECT b.*, CASE WHEN b."isBot" THEN NULL ELSE (
           SELECT c.id FROM "Click" c
            WHERE c."linkId" = b."linkId" AND c."visitorHash" = b."visitorHash" AND c.id <> b.id
              AND NOT c."isBot" AND c."repeatOfId" IS NULL
              AND c."occurredAt" >  to_timestamp((b."atMs" - 1800000) / 1000.0) AT TIME ZONE 'UTC'
              AND c."occurredAt" <= to_timestamp(b."atMs" / 1000.0) AT TIME ZONE 'UTC'
            ORDER BY c."occurredAt" LIMIT 1) END AS prior
    FROM batch b
), decided AS (
  -- The stored click wins over this process's memory; the memory's answer still holds when its
  -- counted click is in this same batch (not stored yet) and stays counted.
  SELECT j.id, j."linkId", j."atMs", j.country, j."referrerHost", j.device, j."visitorHash", j."isBot",
         CASE WHEN j."isBot" THEN NULL
              ELSE COALESCE(j.prior, (SELECT h.id FROM judged h WHERE h.id = j."repeatOfId" AND h.prior IS NULL)) END AS "repeatOfId"
    FROM judged j
), inserted AS (
  INSERT INTO "Click" (id, "tenantId", "linkId", "partnerId", "programId", "opportunityId",
                       "sourceMarket", "targetMarket", "occurredAt", country, "referrerHost",
                       device, "visitorHash", "isBot", "repeatOfId")
  SELECT b.id, l."tenantId", l.id, l."partnerId", l."programId", l."opportunityId",
         l."sourceMarket", l."targetMarket", to_timestamp(b."atMs" / 1000.0) AT TIME ZONE 'UTC',
         b.country, b."referrerHost", b.device, b."visitorHash", b."isBot", b."repeatOfId"
    FROM decided b JOIN "TrackedLink" l ON l.id = b."linkId"
  ON CONFLICT (id, "occurredAt") DO NOTHING -- the primary key (Click is partitioned on occurredAt)
  RETURNING "tenantId", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket",
            "occurredAt", "isBot", "repeatOfId"
)
INSERT INTO "ClickDaily" ("tenantId", day, "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", clicks, repeats, bots)
SELECT i."tenantId", twoway_local_day(i."occurredAt", t."rollupTimeZone"), i."linkId", min(i."partnerId"), min(i."programId"),
       min(i."sourceMarket"::text)::"Market", min(i."targetMarket"::text)::"Market",
       count(*) FILTER (WHERE NOT i."isBot" AND i."repeatOfId" IS NULL),
       count(*) FILTER (WHERE NOT i."isBot" AND i."repeatOfId" IS NOT NULL),
       count(*) FILTER (WHERE i."isBot")
  FROM inserted i JOIN "Tenant" t ON t.id = i."tenantId" -- the agency's local day (rollupTimeZone)
 GROUP BY i."tenantId", twoway_local_day(i."occurredAt", t."rollupTimeZone"), i."linkId"
 ORDER BY 1, 2, 3 -- one lock order for every writer process: concurrent upserts cannot deadlock
ON CONFLICT ("tenantId", day, "linkId") DO UPDATE
   SET clicks = "ClickDaily".clicks + EXCLUDED.clicks,
       repeats = "ClickDaily".repeats + EXCLUDED.repeats,
       bots = "ClickDaily".bots + EXCLUDED.bots`;

function columns(rows: ClickRow[]): unknown[] {
  const n = rows.length;
  const cols = Array.from({ length: 9 }, () => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    cols[0][i] = r.id;
    cols[1][i] = r.linkId;
    cols[2][i] = r.occurredAt;
    cols[3][i] = r.country;
    cols[4][i] = r.referrerHost;
    cols[5][i] = r.device;
    cols[6][i] = r.visitorHash;
    cols[7][i] = r.isBot;
    cols[8][i] = r.repeatOfId;
  }
  return cols;
}

/** `work`, or a rejection once `deadline` (epoch ms) has passed, whichever comes first. */
function beforeDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the database did not answer before the shutdown deadline")), Math.max(0, deadline - Date.now()));
    timer.unref?.();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export class ClickWriter {
  private buffer: ClickRow[] = [];
  private readonly db: Queryable;
  private readonly ownPool?: TrackingPool;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;
  private readonly maxBackoffMs: number;
  private readonly log: (message: string) => void;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private backoffMs = 0;
  private inflight = 0;
  private closing = false;
  private readonly stats: ClickWriterStats = { buffered: 0, written: 0, dropped: 0, failures: 0 };
  private readonly overflow: OverflowLog;

  constructor(options: ClickWriterOptions) {
    if (options.db) this.db = options.db;
    else if (options.url) this.db = this.ownPool = createTrackingPool(options.url, 2);
    else throw new Error("ClickWriter needs `db` or `url`");
    this.batchSize = options.batchSize ?? 500;
    this.intervalMs = options.intervalMs ?? 200;
    this.maxBatch = options.maxBatch ?? 5000;
    this.maxBuffered = options.maxBuffered ?? 200_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.log = options.log ?? ((m) => console.error(`[twoway] ${m}`));
    this.overflow = new OverflowLog(this.log);
    // An idle pooled connection that dies (database restart) must not crash the server.
    this.ownPool?.on("error", (err) => this.log(`click writer pool: ${err.message}`));
  }

  /** Synchronous: the request never waits for the database. */
  add(row: ClickRow) {
    if (this.buffer.length >= this.maxBuffered) {
      this.stats.dropped++;
      this.overflow.note(this.maxBuffered, this.stats.dropped);
      return;
    }
    this.overflow.recovered(this.stats.dropped);
    this.buffer.push(row);
    if (this.closing) return; // close() is draining; it picks this row up
    if (this.buffer.length >= this.batchSize && !this.flushing && this.backoffMs === 0) this.kick(0);
    else if (!this.timer) this.kick(this.backoffMs || this.intervalMs);
  }

  /** True once close() has begun: the writer takes no new schedule, so the process must not reuse it. */
  get closed(): boolean {
    return this.closing;
  }

  /** Clicks not yet stored: buffered or in the batch being written. */
  get pending(): number {
    return this.buffer.length + this.inflight;
  }

  /** The buffer's cap: at this many pending clicks new ones are dropped (readiness reports it). */
  get capacity(): number {
    return this.maxBuffered;
  }

  getStats(): ClickWriterStats {
    return { ...this.stats, buffered: this.buffer.length };
  }

  /** Writes everything buffered now (one attempt per batch); throws if the database refuses. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, this.maxBatch);
      this.flushing = this.write(batch);
      try {
        await this.flushing;
      } finally {
        this.flushing = undefined;
      }
    }
  }

  /** Drains the buffer, retrying for up to `timeoutMs` (a batch in flight included), then releases the pool it owns. */
  async close(timeoutMs = 15_000): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const deadline = Date.now() + timeoutMs;
    for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
      try {
        // A batch stuck on a connection that no longer answers (a network partition: nothing reaches
        // the server, so its statement timeout never fires) must not hold the shutdown past the deadline.
        await beforeDeadline(this.flush(), deadline);
        break;
      } catch (err) {
        if (Date.now() + wait > deadline) {
          this.log(`click writer closing with ${this.pending} clicks unsaved: ${(err as Error).message}`);
          break;
        }
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    // end() waits for a connection still checked out by a stuck batch: bounded too.
    if (this.ownPool) await beforeDeadline(this.ownPool.end(), Date.now() + 2_000).catch(() => undefined);
  }

  private kick(delay: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, delay);
    if (delay > 0) this.timer.unref?.();
  }

  private async tick() {
    if (this.closing || this.flushing) return;
    try {
      await this.flush();
      this.backoffMs = 0;
    } catch (err) {
      this.stats.failures++;
      this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 250), this.maxBackoffMs);
      this.log(`click flush failed (${this.buffer.length} clicks kept, retry in ${this.backoffMs} ms): ${(err as Error).message}`);
    }
    if (this.buffer.length && !this.closing) this.kick(this.backoffMs || (this.buffer.length >= this.batchSize ? 0 : this.intervalMs));
  }

  private async write(batch: ClickRow[]) {
    this.inflight = batch.length;
    try {
      await this.db.query(INSERT, columns(batch));
      this.stats.written += batch.length;
    } catch (err) {
      this.buffer.unshift(...batch); // keep order; retried by the caller's schedule
      throw err;
    } finally {
      this.inflight = 0;
    }
  }
}

/**
 * The process's one click writer: the one a redirect handler already registered (scripts/server.ts
 * does, through createRedirectHandler), else a new writer on `db`, registered so nothing else in
 * this process starts a second one.
 *
 * A writer created here runs under plain `next start`/`next dev` (the fallback route, no custom
 * server). Its flush on SIGTERM/SIGINT is BEST EFFORT: Next's own signal handler closes its server
 * and then calls process.exit without waiting for us. A batch is one statement of a few ms, so the
 * drain normally wins that race, but clicks buffered at that moment can be lost. The custom server
 * (`npm start`) is the path that guarantees no click is lost on a clean shutdown.
 */
export function processClickWriter(db: Queryable): ClickSink {
  const existing = registeredClickSink();
  if (existing) return existing;
  const writer = new ClickWriter({ db });
  registerClickSink(writer);
  const drain = (signal: NodeJS.Signals) => {
    void writer.close(5_000).finally(() => {
      // Nobody else handles the signal (e.g. NEXT_MANUAL_SIG_HANDLE): exit as the default would.
      if (process.listenerCount(signal) === 0) process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.once("SIGTERM", drain);
  process.once("SIGINT", drain);
  process.once("beforeExit", () => void writer.close(5_000));
  return writer;
}

/**
 * Recomputes a tenant's "ClickDaily" from raw clicks (repair after a manual fix or an import) with the
 * writer's counting rules — clicks = neither bot nor repeat; repeats; bots — on the agency's local
 * days (SQL click_daily_rebuild, migration 20261206181000_rollups_local_days). Only the days the raw
 * clicks still cover are recomputed: retention (lib/tracking/partitions.ts) deletes whole UTC months,
 * and the rows of days before the first local day inside the covered span stay as they are (rollups
 * stay forever). The table lock makes concurrent click batches wait (they would otherwise land
 * between the delete and the re-insert); rebuilds are rare, and the redirects themselves never wait
 * for the database. Then the tenant's rollup lock (lock order: "ClickDaily", then the tenant).
 */
export async function rebuildClickDaily(pool: Pick<TrackingPool, "connect">, tenantId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`LOCK TABLE "ClickDaily" IN EXCLUSIVE MODE`);
    await client.query(`SELECT twoway_rollup_lock($1)`, [tenantId]);
    await client.query(`SELECT click_daily_rebuild($1)`, [tenantId]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
