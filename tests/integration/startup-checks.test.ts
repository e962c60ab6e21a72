// Boot-time checks, on the real scripts: bad configuration or an unreachable database stops
// `npm start` (scripts/start.ts) and the server (scripts/server.ts) at once, with a non-zero exit and
// a message naming the variable — instead of a misleading error later or a silent hang.
import { spawn } from "node:child_process";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { describe, expect, it } from "vitest";

type Run = { code: number | null; signal: NodeJS.Signals | null; output: string; ms: number };

// No .env/.env.local influence: only what the test gives (plus PATH/HOME for node and tsx).
function run(script: string, env: Record<string, string>, args: string[] = [], timeoutMs = 20_000): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: process.cwd(),
      // No NODE_ENV either: the scripts set it themselves.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(40_000 + Math.floor(Math.random() * 10_000)), ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: Date.now() - started });
    });
  });
}

const SECRETS = { AUTH_SECRET: "startup-test-secret-0123456789", APP_URL: "https://twoway.example" };

describe("npm start (scripts/start.ts) refuses bad configuration", () => {
  it("names DATABASE_URL when it is not a URL, instead of `getaddrinfo ENOTFOUND`", async () => {
    const r = await run("scripts/start.ts", { ...SECRETS, DATABASE_URL: "not-a-url" });
    expect(r.code).toBe(1);
    expect(r.output).toContain("DATABASE_URL must be a PostgreSQL URL");
    expect(r.output).not.toContain("ENOTFOUND");
  });

  it("refuses to start without AUTH_SECRET or APP_URL on a production database, naming both", async () => {
    const r = await run("scripts/start.ts", { DATABASE_URL: process.env.DATABASE_URL! });
    expect(r.code).toBe(1);
    expect(r.output).toContain("AUTH_SECRET is required in production");
    expect(r.output).toContain("APP_URL is required in production");
  });

  it("names a malformed timeout setting", async () => {
    const r = await run("scripts/start.ts", { ...SECRETS, DATABASE_URL: process.env.DATABASE_URL!, DATABASE_STATEMENT_TIMEOUT_MS: "30s" });
    expect(r.code).toBe(1);
    expect(r.output).toContain("DATABASE_STATEMENT_TIMEOUT_MS must be a positive whole number");
  });

  it("fails fast with a clear message when the database refuses connections", async () => {
    const r = await run("scripts/start.ts", { ...SECRETS, DATABASE_URL: "postgresql://twoway@127.0.0.1:1/twoway" });
    expect(r.code).toBe(1);
    expect(r.output).toContain("Cannot reach the database at 127.0.0.1:1 (DATABASE_URL)");
  });

  it("gives up on a database that does not answer after the connect timeout instead of hanging", async () => {
    // A listener that accepts the connection and never says a word, as in a network partition.
    const sockets: Socket[] = [];
    const silent = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as AddressInfo;
    try {
      const r = await run("scripts/start.ts", { ...SECRETS, DATABASE_URL: `postgresql://twoway@127.0.0.1:${port}/twoway`, DATABASE_CONNECT_TIMEOUT_MS: "1500" });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`Cannot reach the database at 127.0.0.1:${port} (DATABASE_URL) within 1500 ms: timeout expired`);
      expect(sockets.length).toBeGreaterThan(0); // it did connect, and waited for an answer
      expect(r.ms).toBeLessThan(8_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});

describe("the server (scripts/server.ts) refuses bad configuration", () => {
  it("refuses to start in production without AUTH_SECRET", async () => {
    const r = await run("scripts/server.ts", { DATABASE_URL: process.env.DATABASE_URL!, APP_URL: "https://twoway.example" });
    expect(r.code).toBe(1);
    expect(r.output).toContain("AUTH_SECRET is required in production");
  });
});
