// The processes of the fault suite: each in its own process group (so a kill reaches its children,
// e.g. `npm start`'s server), output appended to test-results/faults/<name>.log. killAll() SIGKILLs
// every group still alive; it also runs when the suite's process exits for any reason.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";

export const LOG_DIR = "test-results/faults";

export type Exit = { code: number | null; signal: NodeJS.Signals | null; at: number };

export type Proc = {
  name: string;
  child: ChildProcess;
  pid: number;
  exited: Promise<Exit>;
  alive(): boolean;
  /** Sends `signal` to this process only (not its group). */
  signal(signal: NodeJS.Signals): void;
  /** The last lines of its log. */
  tail(lines?: number): string;
  /** Everything it printed since it started (the last 256 kB). */
  output(): string;
};

const groups = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGKILLs every process group the suite started that may still be alive. */
export function killAll() {
  for (const pid of groups) killGroup(pid, "SIGKILL");
  groups.clear();
}
process.on("exit", killAll);

/** Runs `node <args>` (this Node, the project's TypeScript loader available) as its own process group. */
export function launch(name: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  mkdirSync(LOG_DIR, { recursive: true });
  const file = join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(file, { flags: "a" });
  log.write(`\n--- ${new Date().toISOString()} node ${args.join(" ")}\n`);
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const pid = child.pid!;
  groups.add(pid);
  let printed = "";
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString("utf8")).slice(-256 * 1024);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.on("exit", (code, signal) => {
      exit = { code, signal, at: Date.now() };
      log.write(`--- exited ${signal ?? `code ${code}`}\n`);
      // Whatever it left behind in its group goes too (a server whose `npm start` died).
      killGroup(pid, "SIGKILL");
      groups.delete(pid);
      resolve(exit);
    });
  });
  return {
    name,
    child,
    pid,
    exited,
    alive: () => exit === undefined,
    signal(signal) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    },
    output: () => printed,
    tail(lines = 30) {
      try {
        return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
      } catch {
        return "";
      }
    },
  };
}

/** The pids of a process's direct children whose command line contains `match` (e.g. not tsx's esbuild service). */
export function childPids(pid: number, match: string): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
      .filter((m): m is RegExpMatchArray => !!m && m[2].includes(match))
      .map((m) => Number(m[1]));
  } catch {
    return [];
  }
}

/** `ps` lines (pid, ppid, state, command) of every process in a process group, for diagnostics. */
export function groupTree(pgid: number): string {
  try {
    return execFileSync("ps", ["-o", "pid=,ppid=,stat=,args=", "-g", String(pgid)], { encoding: "utf8" }).trim();
  } catch {
    return "(none)";
  }
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` every `everyMs` until `done` or the deadline; returns the last value and when it was reached. */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 100): Promise<{ value: T; ok: boolean; at: number }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let value: T;
    try {
      value = await probe();
    } catch (err) {
      value = err as T;
    }
    if (done(value)) return { value, ok: true, at: Date.now() };
    if (Date.now() > until) return { value, ok: false, at: Date.now() };
    await sleep(everyMs);
  }
}

/** Waits until `url` answers at all (any status), failing early if `proc` died. */
export async function waitForHttp(url: string, proc: Proc, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!proc.alive()) throw new Error(`${proc.name} exited before answering ${url}:\n${proc.tail()}`);
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.tail()}`);
}
