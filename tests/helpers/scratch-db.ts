// Throwaway Postgres databases next to the test database (for tests that need a pristine one).
import pg from "pg";

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `Cannot reach the test Postgres at ${ADMIN_URL} (set TEST_DATABASE_URL, or start it with ` +
        `\`pg_ctlcluster --skip-systemctl-redirect 15 main start\`): ${(err as Error).message}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(prefix = "twoway_test"): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: url.toString(),
    drop: () =>
      admin(async (c) => {
        await c.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
  };
}

/**
 * Drops databases with this prefix left behind by runs that were killed before cleaning up
 * (Playwright stops its web server with a signal that the server cannot always outlive).
 * Only databases older than `olderThanMs` (encoded in the name) are touched.
 */
export async function dropStaleDatabases(prefix: string, olderThanMs = 10 * 60 * 1000): Promise<string[]> {
  return admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]);
    const stale = rows
      .map((r) => r.datname)
      .filter((name) => Number(name.slice(prefix.length + 1).split("_")[0]) < Date.now() - olderThanMs);
    for (const name of stale) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return stale;
  });
}
