// Throwaway PostgreSQL clusters on this machine, for the streaming-replica test: a primary made by
// initdb and a hot standby made from it by pg_basebackup, each on a free port under one temp dir.
// The binaries refuse to run as root, so as root they run as `postgres` (runuser); as any other
// user they run as that user. Nothing here touches the shared server on 5432.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const PREFIX = "twoway-replica-";

/** The newest /usr/lib/postgresql/<ver>/bin with pg_basebackup (PG_BIN overrides). */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "pg_basebackup"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("No PostgreSQL server binaries under /usr/lib/postgresql (set PG_BIN)");
  return join(root, newest, "bin");
}

const isRoot = () => process.getuid?.() === 0;

async function pg(dir: string, tool: string, args: string[]): Promise<string> {
  const bin = join(postgresBin(), tool);
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  try {
    const { stdout } = await run(file, argv, { cwd: dir, timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`${tool} ${args.join(" ")} failed: ${e.stderr || e.message}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Cluster = { dir: string; port: number; url(database: string): string };

export class ClusterPair {
  readonly base = mkdtempSync(join(tmpdir(), PREFIX));
  primary?: Cluster;
  replica?: Cluster;

  constructor() {
    if (isRoot()) chownSync(this.base, ...postgresIds());
  }

  private async start(dir: string, port: number, settings: string[]): Promise<Cluster> {
    const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${this.base}`, ...settings].join(" ");
    // -w: returns once the server accepts connections (a hot standby: once it is consistent).
    await pg(this.base, "pg_ctl", ["-D", dir, "-l", `${dir}.log`, "-w", "-t", "60", "-o", options, "start"]);
    return { dir, port, url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}` };
  }

  /** initdb + start; wal_level=replica and wal senders are initdb's defaults, its pg_hba trusts local replication. */
  async startPrimary(): Promise<Cluster> {
    const dir = join(this.base, "primary");
    await pg(this.base, "initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    this.primary = await this.start(dir, await freePort(), ["-c wal_level=replica", "-c max_wal_senders=4", "-c fsync=off"]);
    return this.primary;
  }

  /** pg_basebackup of the primary (-R: standby.signal + primary_conninfo, -X stream), started as a hot standby. */
  async startReplica(): Promise<Cluster> {
    if (!this.primary) throw new Error("start the primary first");
    const dir = join(this.base, "replica");
    await pg(this.base, "pg_basebackup", ["-h", "127.0.0.1", "-p", String(this.primary.port), "-U", "postgres", "-D", dir, "-R", "-X", "stream", "-c", "fast", "--no-sync"]);
    this.replica = await this.start(dir, await freePort(), ["-c hot_standby=on"]);
    return this.replica;
  }

  async stopReplica(): Promise<void> {
    if (this.replica) await stop(this.base, this.replica.dir);
  }

  /** Stops both servers (if running) and deletes the directory; safe to call twice and after a failed start. */
  async destroy(): Promise<void> {
    for (const dir of [join(this.base, "replica"), join(this.base, "primary")]) await stop(this.base, dir).catch(() => undefined);
    rmSync(this.base, { recursive: true, force: true });
  }
}

async function stop(base: string, dir: string): Promise<void> {
  if (existsSync(join(dir, "postmaster.pid"))) await pg(base, "pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
}

/** The data directories must belong to the user the servers run as. */
function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return [id("-u"), id("-g")];
}

/** Stops and deletes clusters left by runs killed before their cleanup (older than `olderThanMs`). */
export async function removeStaleClusters(olderThanMs = 30 * 60 * 1000): Promise<string[]> {
  const stale = readdirSync(tmpdir())
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => join(tmpdir(), name))
    .filter((path) => Date.now() - statSync(path).mtimeMs > olderThanMs);
  for (const base of stale) {
    for (const dir of [join(base, "replica"), join(base, "primary")]) await stop(base, dir).catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
  }
  return stale;
}
