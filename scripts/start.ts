// `npm start` (and `npm run dev` with --dev). Without DATABASE_URL it starts the embedded database
// in .data/pglite, migrates it and loads the demo data on first run; with DATABASE_URL it only
// migrates. Then it builds once if needed and runs scripts/server.ts (Next plus the /r/ redirect).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { configuredBaseUrl } from "@/lib/base-url";
import { validateEnv } from "@/lib/config/env";
import { exitCodeForChild } from "@/lib/ops/child-exit";
import { assertDatabaseReachable } from "@/lib/ops/startup-check";
import { loadDotEnv } from "./load-env";

loadDotEnv();

// TWOWAY_DATA_DIR moves the embedded database (the e2e suite runs it in a throwaway folder).
const DATA_ROOT = process.env.TWOWAY_DATA_DIR ?? ".data";
const DATA_DIR = join(DATA_ROOT, "pglite");
const SECRET_FILE = join(DATA_ROOT, "auth-secret");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const t0 = Date.now();
const timings: string[] = [];
// Next's CLI run directly on this Node (24): going through npx/npm adds shells that swallow signals.
const NEXT_BIN = join(dirname(createRequire(join(process.cwd(), "package.json")).resolve("next/package.json")), "dist/bin/next");
const say = (m: string) => console.log(`[twoway] ${m}`);
const mark = (label: string) => {
  timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  say(timings.at(-1)!);
};

let embedded: EmbeddedPostgres | undefined;
let current: ChildProcess | undefined; // the build or the server, whichever runs now
let signals = 0;
let forwarded: NodeJS.Signals | undefined; // the signal handed to the server: its death by it is a clean stop
const alive = (c?: ChildProcess) => !!c && c.exitCode === null && c.signalCode === null;

// First signal: hand it to the server (it flushes clicks; its exit then stops the database) or, during setup, stop right
// away. A second signal forces the exit.
function onSignal(sig: NodeJS.Signals) {
  signals++;
  if (signals === 1 && alive(current)) {
    forwarded = sig;
    current!.kill(sig);
    return;
  }
  if (alive(current)) current!.kill("SIGKILL");
  void (embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = (current = spawn(cmd, args, { stdio: "inherit", env }));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

function authSecret(): string {
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(DATA_ROOT, { recursive: true });
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

// Fail before starting anything rather than after a build, and never mistake another server for ours.
function assertPortFree(p: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${p} is already in use; set PORT to another port.`) : err),
    );
    probe.listen(p, () => probe.close(() => resolve()));
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && alive(child)) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return false;
}

async function main() {
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // Production = an external database outside dev: AUTH_SECRET and APP_URL are then required.
  validateEnv(process.env, { production: !dev && !!process.env.DATABASE_URL });
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_TRUST_HOST: "true", PORT: String(port) };
  let signIns: { email: string; password: string; role: string }[] = [];
  await assertPortFree(port);

  // The seed and the app import the generated client; it is not committed.
  if (!existsSync("lib/db/generated/client.ts")) await run("npm", ["run", "prisma:generate"], env);

  try {
    if (!process.env.DATABASE_URL) {
      embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: Number(process.env.EMBEDDED_DB_PORT ?? 0) });
      mark("embedded db ready");
      env.DATABASE_URL = process.env.DATABASE_URL = embedded.url;
      env.DATABASE_POOL_MAX = process.env.DATABASE_POOL_MAX = "1";
      env.TWOWAY_EMBEDDED_DB = "1"; // single-instance: the server skips the cross-instance LISTEN
      env.AUTH_SECRET ??= authSecret();
      env.TWOWAY_DEV_OUTBOX ??= "1"; // no SMTP in the demo: staff read mail in the outbox
      // Links in e-mails point at this local server, never at whatever Host a request claims.
      env.APP_URL ??= `http://localhost:${port}`;
      const { applied } = await migrate(embedded.url);
      mark(applied.length ? `migrated (${applied.length})` : "migrations up to date");

      // Imported only now: the generated client they load may have just been generated above.
      const { createPrismaClient } = await import("@/lib/db/client");
      const { seedDemo, demoSignIns, DEMO_TENANT_SLUG } = await import("@/prisma/seed");
      const prisma = createPrismaClient(embedded.url);
      try {
        if ((await prisma.tenant.count()) === 0) {
          signIns = (await seedDemo(prisma)).signIns;
          mark("seeded");
        } else if (await prisma.tenant.findUnique({ where: { slug: DEMO_TENANT_SLUG } })) {
          signIns = demoSignIns();
        }
      } finally {
        await prisma.$disconnect();
      }
    } else {
      await assertDatabaseReachable(process.env.DATABASE_URL); // bounded: fail fast, never hang
      const { applied } = await migrate(process.env.DATABASE_URL, { log: say });
      mark(applied.length ? `migrated (${applied.length})` : "migrations up to date");
      if (!env.AUTH_SECRET) say("warning: AUTH_SECRET is not set; sign-in will not work until it is.");
      if (!dev && !configuredBaseUrl(env)) {
        throw new Error("APP_URL is not set. Set it to the public base URL (e.g. https://twoway.example.com): links in e-mails are built from it, never from request headers.");
      }
    }

    if (!dev && !existsSync(".next/BUILD_ID")) {
      say("no production build yet: running `next build` (once)…");
      await run(process.execPath, [NEXT_BIN, "build"], env);
      mark("built");
    }
  } catch (err) {
    await embedded?.stop();
    throw err;
  }

  // Our server (scripts/server.ts) rather than `next start`: it answers /r/<code> before Next.
  const serverArgs = ["--import", "tsx", "scripts/server.ts", ...(dev ? ["--dev"] : [])];
  const child = (current = spawn(process.execPath, serverArgs, { stdio: "inherit", env }));
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => {
      const status = exitCodeForChild(code, signal, forwarded);
      if (status !== 0) say(`server exited with ${signal ?? `code ${code}`}; exiting ${status}`);
      resolve(status);
    });
    child.on("error", (err) => {
      console.error(err);
      resolve(1);
    });
  });

  const url = `http://localhost:${port}/en`;
  if (await waitForHttp(`http://127.0.0.1:${port}/en`, child)) {
    mark("server ready");
    const lines = [`Twoway is running at ${url}  (Russian: http://localhost:${port}/ru)`];
    if (embedded) lines.push(`Embedded database at ${DATA_DIR} (${embedded.url}); delete the folder to start over.`);
    if (signIns.length) {
      lines.push("Demo sign-ins (password for all: twoway-demo):");
      for (const s of signIns) lines.push(`  ${s.role.padEnd(8)} ${s.email}`);
    }
    lines.push(`Cold start: ${timings.join(" · ")}`);
    console.log(`\n${lines.map((l) => `[twoway] ${l}`).join("\n")}\n`);
  }

  const code = await exited;
  await embedded?.stop();
  process.exit(code);
}

main().catch((err) => {
  console.error(`[twoway] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
