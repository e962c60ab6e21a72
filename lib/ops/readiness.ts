// The readiness checks behind /readyz: a registry any part of the process adds to (the web server
// registers the database, migrations and click buffer; a job worker can register its heartbeat:
// `registerReadinessCheck("worker", () => ({ ok: age < 30_000, detail: { age } }))`). Each check runs
// with a time limit; a check that throws or times out fails. Kept on globalThis so the custom
// server and modules Next loads separately share one registry.
export type CheckResult = { ok: boolean; detail?: unknown };
export type ReadinessCheck = () => CheckResult | Promise<CheckResult>;
export type CheckReport = { ok: boolean; ms: number; detail?: unknown; error?: string };
export type ReadinessReport = { ok: boolean; checks: Record<string, CheckReport> };

const SLOT = Symbol.for("twoway.readinessChecks");
const STOPPING = Symbol.for("twoway.stopping");
const slots = globalThis as typeof globalThis & { [SLOT]?: Map<string, ReadinessCheck>; [STOPPING]?: boolean };
const registry = (slots[SLOT] ??= new Map());

/**
 * The process is shutting down (SIGTERM/SIGINT): from now on /readyz answers 503 "stopping" without
 * running the checks, so a load balancer takes this instance out while it drains. There is no way back.
 */
export function markStopping(): void {
  slots[STOPPING] = true;
}

export function isStopping(): boolean {
  return slots[STOPPING] === true;
}

/** Adds (or replaces) the check called `name`; returns a function that removes it. */
export function registerReadinessCheck(name: string, check: ReadinessCheck): () => void {
  registry.set(name, check);
  return () => {
    if (registry.get(name) === check) registry.delete(name);
  };
}

export function readinessCheckNames(): string[] {
  return [...registry.keys()];
}

/** Runs every registered check in parallel, each bounded by `timeoutMs`. Never rejects. */
export async function runReadinessChecks(timeoutMs = 2_000): Promise<ReadinessReport> {
  const entries = await Promise.all(
    [...registry].map(async ([name, check]): Promise<[string, CheckReport]> => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        const result = await Promise.race([
          Promise.resolve().then(() => check()),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        const report: CheckReport = { ok: result.ok === true, ms: Math.round(performance.now() - started) };
        if (result.detail !== undefined) report.detail = result.detail;
        return [name, report];
      } catch (err) {
        return [name, { ok: false, ms: Math.round(performance.now() - started), error: err instanceof Error ? err.message : String(err) }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  return { ok: entries.every(([, r]) => r.ok), checks };
}
