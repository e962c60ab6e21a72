// The job queue's own tables (graphile-worker, schema `graphile_worker`): installed and upgraded by
// the library's migrations, next to ours (scripts/db-migrate.ts, scripts/start.ts, the test setup).
// They belong to no tenant: a job carries its tenantId in the payload and does its work through
// SystemContext.forTenant (row-level security applies there).
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";

/** graphile-worker's logger: warnings and errors to stderr, the rest (a line per job) dropped. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${level}: ${message}`);
});

export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  // An idle client dropped by the server: the next query reconnects.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await runMigrations({ pgPool: pool, logger: quietLogger });
  } finally {
    await pool.end();
  }
}
