// Fail fast at start on a database that cannot be reached: one connection with the configured
// connect timeout and a `SELECT 1`, turned into a message that names DATABASE_URL's host and port
// (never its password) instead of a hang or a bare `ECONNREFUSED`.
import pg from "pg";
import { timeoutSetting } from "@/lib/db/pool-config";

export async function assertDatabaseReachable(url: string, timeoutMs = timeoutSetting("DATABASE_CONNECT_TIMEOUT_MS")): Promise<void> {
  let where = "the database";
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || 5432}`;
  } catch {
    // validateEnv (lib/config/env.ts) reports a malformed URL before this runs
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => {}); // a connection dropped after the check must not crash the starter
  const started = Date.now();
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const reason = err instanceof Error ? err.message || err.name : String(err);
    throw new Error(
      `Cannot reach the database at ${where} (DATABASE_URL) within ${timeoutMs} ms: ${reason} ` +
        `[${Date.now() - started} ms]. Check that PostgreSQL is running and reachable, or raise DATABASE_CONNECT_TIMEOUT_MS.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
