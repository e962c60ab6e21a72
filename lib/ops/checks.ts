// The web server's own readiness checks (registered by scripts/server.ts): the database answers,
// every migration in prisma/migrations is applied, the click buffer is below its cap; with
// DATABASE_READ_URL, the read replica's state (reported, never failing: see readReplicaCheck).
import type { Queryable } from "@/lib/db/tracking-pool";
import { readMigrations } from "@/lib/db/migrate";
import type { ReplicaHealth } from "@/lib/db/read-client";
import { registerReadinessCheck, type CheckResult } from "./readiness";

export function databaseCheck(db: Queryable): () => Promise<CheckResult> {
  return async () => {
    await db.query("SELECT 1");
    return { ok: true };
  };
}

/** Compares the migrations folder (read once) with the database's finished, not rolled back, migrations. */
export function migrationsCheck(db: Queryable, migrationsDir = "prisma/migrations"): () => Promise<CheckResult> {
  const expected = readMigrations(migrationsDir).map((m) => m.name);
  return async () => {
    const { rows } = await db.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = expected.filter((name) => !applied.has(name));
    return missing.length ? { ok: false, detail: { expected: expected.length, missing } } : { ok: true, detail: { applied: expected.length } };
  };
}

export function clickBufferCheck(writer: { pending: number; capacity: number }): () => CheckResult {
  return () => ({ ok: writer.pending < writer.capacity, detail: { pending: writer.pending, capacity: writer.capacity } });
}

/**
 * The read replica as /readyz shows it: which database the dashboards read now, how far behind the
 * primary it is (seconds, at least), standby or not, replay paused or not, WAL received but not
 * replayed (bytes), the last replayed position and the age of the last replayed commit. It never fails readiness: while the replica is unusable the dashboards read the primary
 * (lib/db/read-client.ts), so the instance still serves everything — taking it out of rotation
 * would stop redirects over a reporting copy.
 */
export function readReplicaCheck(probe?: () => Promise<ReplicaHealth>): () => Promise<CheckResult> {
  return async () => {
    // Loaded on the first /readyz, not at import: the custom server keeps Prisma out of its start-up.
    const health = await (probe ?? (await import("@/lib/db/read-client")).probeReplica)();
    const { usable, lagSeconds, status, error } = health;
    return { ok: true, detail: { readingFrom: usable ? "replica" : "primary", lagSeconds, ...status, ...(error ? { error } : {}) } };
  };
}

/** The checks every web server process registers for /readyz; returns a function that removes them. */
export function registerServerReadinessChecks(db: Queryable, clicks: { pending: number; capacity: number }): () => void {
  const removers = [
    registerReadinessCheck("database", databaseCheck(db)),
    registerReadinessCheck("migrations", migrationsCheck(db)),
    registerReadinessCheck("clickBuffer", clickBufferCheck(clicks)),
  ];
  if (process.env.DATABASE_READ_URL?.trim()) removers.push(registerReadinessCheck("readReplica", readReplicaCheck()));
  return () => removers.forEach((remove) => remove());
}
