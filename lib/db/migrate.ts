// Applies prisma/migrations/*/migration.sql and records them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does (same table, same sha256 checksum), because the Prisma CLI cannot
// run its native schema engine here. Wherever the engine is available, `prisma migrate status`
// agrees with this runner.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { timeoutSetting } from "./pool-config";

// Same key as Prisma's schema engine, so this runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type LocalMigration = { name: string; sql: string; checksum: string };
type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir: string): LocalMigration[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

export async function migrate(
  databaseUrl: string,
  opts: { migrationsDir?: string; log?: (m: string) => void } = {},
): Promise<{ applied: string[] }> {
  const dir = resolve(opts.migrationsDir ?? "prisma/migrations");
  const log = opts.log ?? (() => {});
  const local = readMigrations(dir);
  // A bounded connect (an unreachable database fails the start); no statement timeout: a migration may be long.
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutSetting("DATABASE_CONNECT_TIMEOUT_MS") });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const rows = await appliedRows(client);
      verifyHistory(rows, local, log);

      for (const m of local) {
        if (rows.some((r) => r.migration_name === m.name)) continue;
        await client.query("BEGIN");
        try {
          // Re-check inside the transaction: on the embedded database every connection shares one
          // backend session, so the advisory lock alone does not exclude a concurrent runner.
          const again = await client.query(
            `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`,
            [m.name],
          );
          if (again.rowCount) {
            await client.query("ROLLBACK");
            continue;
          }
          const id = randomUUID();
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, m.checksum, m.name],
          );
          await client.query(m.sql);
          await client.query(
            `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {});
          const msg = err instanceof Error ? err.message : String(err);
          throw new Error(`Migration ${m.name} failed and was rolled back: ${msg}`, { cause: err });
        }
        applied.push(m.name);
        log(`applied ${m.name}`);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
  return { applied };
}

async function appliedRows(client: pg.Client): Promise<AppliedRow[]> {
  const res = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return res.rows;
}

function verifyHistory(rows: AppliedRow[], local: LocalMigration[], log: (m: string) => void) {
  const unfinished = rows.filter((r) => r.finished_at === null);
  if (unfinished.length) {
    throw new Error(
      `Migration ${unfinished.map((r) => r.migration_name).join(", ")} was started but never finished. ` +
        `Fix the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
        `WHERE migration_name = '...') or run \`prisma migrate resolve\` where the engine is available.`,
    );
  }
  for (const r of rows) {
    const m = local.find((l) => l.name === r.migration_name);
    if (!m) {
      log(`warning: ${r.migration_name} is applied in the database but missing from the migrations folder`);
    } else if (m.checksum !== r.checksum && migrationChecksum(m.sql.replace(/\r\n/g, "\n")) !== r.checksum) {
      throw new Error(
        `Migration ${r.migration_name} was modified after it was applied (checksum ${r.checksum} in the ` +
          `database, ${m.checksum} on disk). Never edit an applied migration; write a new one.`,
      );
    }
  }
}
