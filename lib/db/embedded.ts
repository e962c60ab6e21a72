// Zero-setup Postgres for `npm start`: PGlite (Postgres compiled to WASM) persisted in a folder
// and served over the wire protocol on 127.0.0.1, so the app talks to it through `pg` unchanged.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; port: number; dataDir: string; stop(): Promise<void> };

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  // Several processes may connect at once (start script, `next start`, build workers, psql).
  // PGlite is one backend: the socket server runs one query at a time and, while a connection
  // holds a transaction open, only that connection's queries. Keep each process's pool at one
  // connection (DATABASE_POOL_MAX=1) so a process never waits on itself.
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const unlock = lockDataDir(`${dataDir}.lock`);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create({ dataDir });
    server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: opts.port ?? 0,
      maxConnections: opts.maxConnections ?? 16,
    });
    await server.start();
  } catch (err) {
    await db?.close().catch(() => {});
    unlock();
    throw err;
  }
  const port = Number(server.getServerConn().split(":").pop());
  let stopping: Promise<void> | undefined;
  return {
    port,
    dataDir,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop() {
      stopping ??= (async () => {
        try {
          await server.stop();
          await db.close(); // flushes and closes the data files cleanly
        } finally {
          unlock();
        }
      })();
      return stopping;
    },
  };
}

// Two PGlite instances writing one folder would corrupt it; a second `npm start` must fail instead.
function lockDataDir(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(lockFile, "utf8"));
      if (pid && isAlive(pid)) {
        throw new Error(
          `The embedded database ${lockFile.replace(/\.lock$/, "")} is in use by process ${pid}. ` +
            `Stop the other \`npm start\` first (or delete the .lock file if that process is not Twoway).`,
        );
      }
      rmSync(lockFile, { force: true }); // stale lock from a crashed run
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
