// The raw Prisma client. Be extremely careful: it is NOT tenant-scoped. Only lib/db/ imports it (the
// tenant-scoped client and the owner handles of owner.ts are built on it here), and outside the app
// scripts/ (the seed and jobs among them) and tests/. ESLint's no-restricted-imports
// (eslint.config.mjs) refuses it in app/, components/ and every other lib/ folder — lib/auth/
// included, which makes the contexts from owner.ts; type-only imports are allowed. Everything else
// goes through a context's `ctx.db`.
//
// The second wall (row-level security, docs/security.md) lives in the pg pool below: a query issued
// while a tenant is in scope (lib/db/tenant-scope.ts; `tenantDb()` puts every operation in scope)
// runs in a transaction that first did `SET LOCAL ROLE twoway_app` and
// `set_config('app.tenant_id', id, true)`, so Postgres itself hides other tenants' rows.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { poolTimeouts } from "./pool-config";
import { currentTenant, runAsOwner, runAsTenant, tenantPreamble } from "./tenant-scope";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  return url;
}

type QueryArgs = [config: unknown, values?: unknown, callback?: unknown];

function statementText(config: unknown): string | undefined {
  if (typeof config === "string") return config;
  if (config && typeof config === "object" && typeof (config as { text?: unknown }).text === "string") {
    return (config as { text: string }).text;
  }
  return undefined;
}

const BEGIN = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const END = /^\s*(COMMIT|END|ROLLBACK|ABORT)\b(?!\s+TO\b)(?!\s+PREPARED\b)/i;
const ROLLBACK_TO = /^\s*ROLLBACK\s+(WORK\s+|TRANSACTION\s+)?TO\b/i;
const SET_TRANSACTION = /^\s*SET\s+TRANSACTION\b/i;

/**
 * A connection that applies the tenant role inside transactions. When a transaction is open on it
 * (Prisma's interactive and batch transactions: `BEGIN` first) and a statement arrives while a
 * tenant is in scope, it first runs the tenant preamble in that transaction — once; a different
 * tenant later in the same transaction is refused. Only transaction-local state is ever set
 * (PGlite's socket shares one backend session between all connections).
 */
class TenantAwareClient extends pg.Client {
  inTransaction = false;
  appliedTenant: string | undefined;

  /** Starts a transaction already dropped to `tenantId`'s role and setting (one round trip). */
  async beginAsTenant(tenantId: string): Promise<void> {
    const preamble = tenantPreamble(tenantId);
    await super.query(`BEGIN; ${preamble}`);
    this.inTransaction = true;
    this.appliedTenant = tenantId;
  }

  resetTenantState(): void {
    this.inTransaction = false;
    this.appliedTenant = undefined;
  }

  // pg's overloads (callback and promise forms) pass straight through; only the tenant path adds work.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const text = statementText(args[0]);
    if (text !== undefined) {
      if (BEGIN.test(text)) {
        this.inTransaction = true;
        this.appliedTenant = undefined;
        return super.query(...(args as Parameters<pg.Client["query"]>));
      }
      if (END.test(text)) {
        this.resetTenantState();
        return super.query(...(args as Parameters<pg.Client["query"]>));
      }
      // Rolling back to a savepoint may undo the role and setting: apply them again next time.
      if (ROLLBACK_TO.test(text)) this.appliedTenant = undefined;
      if (SET_TRANSACTION.test(text)) return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    // The callback form is used only by pg.Pool.query's own internals, on the owner path that
    // TenantScopedPool.query already chose in the caller's context. Its callback can run in another
    // request's async context (a connection handed over when someone else releases it), so the
    // ambient tenant must not be read here.
    if (typeof args[args.length - 1] === "function") {
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    const tenantId = currentTenant();
    if (tenantId === undefined || this.appliedTenant === tenantId) {
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    if (!this.inTransaction) {
      // A connection checked out directly (not through Pool.query) used outside a transaction:
      // there is nowhere to put SET LOCAL. Refuse rather than run as the owner.
      return Promise.reject(new Error("Tenant-scoped query on a dedicated connection outside a transaction"));
    }
    if (this.appliedTenant !== undefined) {
      return Promise.reject(new Error(`Transaction already scoped to tenant ${this.appliedTenant}, refusing ${tenantId}`));
    }
    return (async () => {
      await super.query(tenantPreamble(tenantId));
      this.appliedTenant = tenantId;
      return super.query(...(args as Parameters<pg.Client["query"]>));
    })();
  }
}

/**
 * The pool Prisma's adapter uses. A plain query (no transaction) issued while a tenant is in scope
 * gets a transaction of its own: BEGIN + role + setting (one round trip), the query, COMMIT.
 * The tenant is read when the query is issued, in the caller's async context, never later (a
 * pooled callback may run in someone else's context).
 */
export class TenantScopedPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super({ ...config, Client: TenantAwareClient as unknown as NonNullable<pg.PoolConfig["Client"]> });
    // A connection goes back to the pool with no tenant state, whatever happened to it.
    this.on("release", (_err, client) => (client as unknown as TenantAwareClient).resetTenantState?.());
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const tenantId = currentTenant();
    if (tenantId === undefined) return super.query(...(args as Parameters<pg.Pool["query"]>));
    if (typeof args[args.length - 1] === "function") {
      throw new Error("Tenant-scoped queries use pg's promise API only");
    }
    return this.queryAsTenant(tenantId, args as QueryArgs);
  }

  private async queryAsTenant(tenantId: string, args: QueryArgs) {
    tenantPreamble(tenantId); // validates before a connection is taken
    const client = (await this.connect()) as unknown as TenantAwareClient & pg.PoolClient;
    let result: unknown;
    try {
      await client.beginAsTenant(tenantId);
      result = await (args[1] === undefined ? client.query(args[0]) : client.query(args[0], args[1]));
      await client.query("COMMIT");
    } catch (err) {
      try {
        await client.query("ROLLBACK"); // also after a failed BEGIN preamble (aborted transaction)
        client.release();
      } catch (rollbackError) {
        client.release(rollbackError as Error); // broken connection: discard it
      }
      throw err;
    }
    client.release();
    return result;
  }
}

/** `pool`: extra pg settings on top of the shared ones (the read client of read-client.ts adds a read-only session). */
export function createPrismaClient(url = databaseUrl(), pool: Pick<pg.PoolConfig, "options"> = {}): PrismaClient {
  // The embedded database (PGlite) serves one connection at a time; DATABASE_POOL_MAX=1 there.
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const tenantPool = new TenantScopedPool({ connectionString: url, max, ...poolTimeouts(), ...pool });
  const adapter = new PrismaPg(tenantPool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  keepBatchesPerTenant(client);
  return client;
}

type LoaderRequest = object;
type DataLoaderOptions = {
  batchBy: (request: LoaderRequest) => string | undefined;
  singleLoader: (request: LoaderRequest) => Promise<unknown>;
  batchLoader: (requests: LoaderRequest[]) => Promise<unknown>;
};

/**
 * Prisma batches `findUnique` calls issued in the same tick into one query and sends it from a
 * `process.nextTick` callback — in the async context of whoever queued first. Two tenants (or a
 * tenant and the owner) in one tick would share one role and setting. Keep batches per tenant and
 * send each in its own tenant's context. This reaches into Prisma's request handler (pinned
 * version); if its shape changes this throws at client creation instead of mixing tenants
 * (rls.test.ts covers the behaviour).
 */
function keepBatchesPerTenant(client: PrismaClient): void {
  const options = (client as unknown as { _requestHandler?: { dataloader?: { options?: DataLoaderOptions } } })._requestHandler
    ?.dataloader?.options;
  if (!options || typeof options.batchBy !== "function" || typeof options.singleLoader !== "function" || typeof options.batchLoader !== "function") {
    throw new Error("Prisma's request batching changed: update keepBatchesPerTenant in lib/db/client.ts");
  }
  const tenantOf = new WeakMap<LoaderRequest, string | undefined>();
  const inScope = <T>(tenantId: string | undefined, fn: () => T): T =>
    tenantId === undefined ? runAsOwner(fn) : runAsTenant(tenantId, fn);
  const { batchBy, singleLoader, batchLoader } = options;
  options.batchBy = (request) => {
    const tenantId = currentTenant(); // called synchronously by the caller
    tenantOf.set(request, tenantId);
    const key = batchBy(request);
    return key ? `${tenantId ?? ""}\u0000${key}` : key;
  };
  options.singleLoader = (request) => inScope(tenantOf.get(request), () => singleLoader(request));
  options.batchLoader = (requests) => inScope(requests[0] ? tenantOf.get(requests[0]) : undefined, () => batchLoader(requests));
}

const globalForPrisma = globalThis as unknown as { __twowayPrisma?: PrismaClient };

function instance(): PrismaClient {
  // Created on first use, not at import: `next build` imports modules without a database.
  globalForPrisma.__twowayPrisma ??= createPrismaClient();
  return globalForPrisma.__twowayPrisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { PrismaClient };
