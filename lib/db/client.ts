// The raw Prisma client. Be extremely careful: it is NOT tenant-scoped. Import it only from
// lib/db/ (which builds the tenant-scoped client on top of it), lib/auth/ (users and sessions
// are global), migrations, the seed and scripts. Everything else goes through `ctx.db`.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  return url;
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  // The embedded database (PGlite) serves one connection at a time; DATABASE_POOL_MAX=1 there.
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const adapter = new PrismaPg({ connectionString: url, max });
  return new PrismaClient({ adapter });
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
