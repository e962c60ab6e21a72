// Which tenant the current async call chain works for — the signal for the second wall (row-level
// security, docs/security.md). `tenantDb(id)` (tenant-client.ts) runs every operation inside
// `runAsTenant(id, …)`; the pg pool in client.ts reads `currentTenant()` when a query reaches the
// database and, if a tenant is in scope, runs it in a transaction that did
// `SET LOCAL ROLE twoway_app` + `set_config('app.tenant_id', id, true)` first.
// Outside any scope nothing changes: queries run as the connecting user (the owner), which
// row-level security does not restrict.
import { AsyncLocalStorage } from "node:async_hooks";

/** The role tenant-scoped work drops to (created by migration 20261206040000_row_level_security). */
export const TENANT_ROLE = "twoway_app";

// Tenant ids are cuids (or fixed ids in seeds/benchmarks); they are inlined into SQL, so anything
// outside this alphabet is refused (fail closed), never escaped.
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

// One store per process, on a `Symbol.for` slot. This module exists several times in one process:
// Next's build bundles a copy per layer (pages and server actions, route handlers such as the events
// API), and scripts/server.ts loads its own (the partner-mail sweep). All of them share the one Prisma
// client (client.ts keeps it on globalThis), whose pool reads the scope of the copy that created it —
// with a store per copy, tenant work of every other copy reached the pool as owner work, and RLS
// silently did not apply (seen in a production build: the events API wrote as the owner after a
// board page had created the client).
const SLOT = Symbol.for("twoway.tenantScope");
const slots = globalThis as typeof globalThis & { [SLOT]?: AsyncLocalStorage<string> };
const storage = (slots[SLOT] ??= new AsyncLocalStorage<string>());

export function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== "string" || !TENANT_ID.test(tenantId)) {
    throw new Error(`Refusing tenant scope for an invalid tenant id: ${JSON.stringify(tenantId)}`);
  }
}

/**
 * Runs `fn` with `tenantId` in scope (the innermost scope wins). Await the database work INSIDE
 * `fn`: Prisma promises are lazy and start on `.then`.
 */
export function runAsTenant<T>(tenantId: string, fn: () => T): T {
  assertTenantId(tenantId);
  return storage.run(tenantId, fn);
}

/** The tenant in scope, or undefined (owner work). */
export function currentTenant(): string | undefined {
  return storage.getStore();
}

/** Runs `fn` with no tenant in scope (owner work started from inside a tenant scope). */
export function runAsOwner<T>(fn: () => T): T {
  return storage.exit(fn);
}

/**
 * The statements that drop one transaction to the tenant role: one simple-protocol round trip.
 * `tenantId` is validated against a strict alphabet before it is inlined.
 */
export function tenantPreamble(tenantId: string): string {
  assertTenantId(tenantId);
  return `SET LOCAL ROLE ${TENANT_ROLE}; SELECT set_config('app.tenant_id', '${tenantId}', true)`;
}
