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

export const prisma: PrismaClient = globalForPrisma.__twowayPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__twowayPrisma = prisma;

export type { PrismaClient };
