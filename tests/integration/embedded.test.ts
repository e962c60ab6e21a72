// The zero-setup database behind `npm start`: PGlite over a local socket, used through Prisma.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createLinkLookup } from "@/lib/tracking/link-lookup";
import { ClickWriter } from "@/lib/tracking/click-store";
import { newClickId } from "@/lib/tracking/visitor";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate, readMigrations } from "@/lib/db/migrate";

const dir = mkdtempSync(join(tmpdir(), "twoway-embedded-"));
const dataDir = join(dir, "pglite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withPoolMax<T>(fn: () => T): T {
  const before = process.env.DATABASE_POOL_MAX;
  process.env.DATABASE_POOL_MAX = "1";
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.DATABASE_POOL_MAX;
    else process.env.DATABASE_POOL_MAX = before;
  }
}

describe("embedded database", () => {
  it("migrates, serves Prisma (incl. interactive transactions) and keeps data across restarts", { timeout: 180_000 }, async () => {
    const db = await startEmbeddedPostgres({ dataDir });
    expect(db.url).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres\?sslmode=disable$/);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/is in use by process/);
    try {
      // Two runners at once: every connection shares PGlite's single session, so the advisory
      // lock does not exclude them; the runner's in-transaction re-check must.
      const runs = await Promise.all([migrate(db.url), migrate(db.url)]);
      expect(runs.flatMap((r) => r.applied)).toEqual(readMigrations("prisma/migrations").map((m) => m.name));
      expect((await migrate(db.url)).applied).toEqual([]);

      const prisma = withPoolMax(() => createPrismaClient(db.url));
      try {
        await prisma.tenant.create({ data: { slug: "embedded", name: "Embedded Co", enabledMarkets: ["US", "RU"] } });
        const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: "embedded" } });
        expect(tenant).toMatchObject({ name: "Embedded Co", reportingCurrency: "USD", enabledMarkets: ["US", "RU"] });

        // Committed and rolled-back interactive transactions, several at once.
        await Promise.all(
          Array.from({ length: 4 }, (_, i) =>
            prisma.$transaction(async (tx) => {
              const user = await tx.user.create({ data: { email: `u${i}@embedded.test` } });
              await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "analyst" } });
            }),
          ),
        );
        await expect(
          prisma.$transaction(async (tx) => {
            await tx.user.create({ data: { email: "rolled-back@embedded.test" } });
            throw new Error("abort");
          }),
        ).rejects.toThrow("abort");
        expect(await prisma.membership.count({ where: { tenantId: tenant.id } })).toBe(4);
        expect(await prisma.user.findUnique({ where: { email: "rolled-back@embedded.test" } })).toBeNull();
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await db.stop();
    }

    const again = await startEmbeddedPostgres({ dataDir });
    try {
      const prisma = withPoolMax(() => createPrismaClient(again.url));
      try {
        expect(await prisma.tenant.count({ where: { slug: "embedded" } })).toBe(1);
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await again.stop();
    }
  });

  it("answers tracked-link lookups across pool reconnects and idle gaps (one shared backend session)", { timeout: 120_000 }, async () => {
    const db = await startEmbeddedPostgres({ dataDir: join(dir, "pglite-idle") });
    try {
      await migrate(db.url);
      const prisma = withPoolMax(() => createPrismaClient(db.url));
      try {
        const tenant = await prisma.tenant.create({ data: { slug: "idle", name: "Idle Co" } });
        const program = await prisma.program.create({ data: { tenantId: tenant.id, name: "P" } });
        const partner = await prisma.partner.create({ data: { tenantId: tenant.id, name: "Partner", email: "p@idle.test", status: "active", market: "RU" } });
        await prisma.trackedLink.create({
          data: { tenantId: tenant.id, programId: program.id, partnerId: partner.id, code: "idle0001", destinationUrl: "https://example.com", sourceMarket: "RU", targetMarket: "US" },
        });
        // Like scripts/server.ts: the redirect's own pool next to Prisma's, both on the one PGlite
        // session; the pool drops idle connections quickly so lookups meet reconnects.
        const pools = [0, 1].map(() => new pg.Pool({ connectionString: db.url, max: 1, idleTimeoutMillis: 50 }));
        try {
          const lookups = pools.map((pool) => createLinkLookup(pool));
          for (let round = 0; round < 4; round++) {
            for (const lookup of lookups) expect(await lookup("idle0001")).toMatchObject({ tenantId: tenant.id, disabled: false });
            await new Promise((r) => setTimeout(r, 150)); // idle gap: both pools disconnect
          }
          expect(await prisma.trackedLink.count()).toBe(1);
        } finally {
          await Promise.all(pools.map((p) => p.end()));
        }
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await db.stop();
    }
  });
  it("keys the funnel's rollups by the agency's local day (zone rules, rollup locks, the click writer, a re-key)", { timeout: 120_000 }, async () => {
    const db = await startEmbeddedPostgres({ dataDir: join(dir, "pglite-local-days") });
    try {
      await migrate(db.url);
      const prisma = withPoolMax(() => createPrismaClient(db.url));
      const pool = new pg.Pool({ connectionString: db.url, max: 1 });
      try {
        const tenant = await prisma.tenant.create({ data: { slug: "moscow", name: "Moscow Co", timeZone: "Europe/Moscow" } });
        expect(tenant.rollupTimeZone).toBe("Europe/Moscow");
        const program = await prisma.program.create({ data: { tenantId: tenant.id, name: "P" } });
        const partner = await prisma.partner.create({ data: { tenantId: tenant.id, name: "Partner", email: "p@moscow.test", status: "active", market: "RU" } });
        const link = await prisma.trackedLink.create({
          data: { tenantId: tenant.id, programId: program.id, partnerId: partner.id, code: "msk00001", destinationUrl: "https://example.com", sourceMarket: "RU", targetMarket: "US" },
        });
        // 00:30 in Moscow on 8 March is 21:30 UTC on the 7th.
        const at = new Date("2026-03-07T21:30:00Z");
        await prisma.referral.create({
          data: { tenantId: tenant.id, programId: program.id, partnerId: partner.id, kind: "brand", subjectName: "S", sourceMarket: "RU", targetMarket: "US", status: "submitted", submittedAt: at },
        });
        const writer = new ClickWriter({ db: pool, intervalMs: 60_000 });
        writer.add({
          id: newClickId(), tenantId: tenant.id, linkId: link.id, partnerId: partner.id, programId: program.id, opportunityId: null, sourceMarket: "RU",
          targetMarket: "US", occurredAt: at.getTime(), country: null, referrerHost: null, device: "desktop", visitorHash: "v", isBot: false, repeatOfId: null,
        });
        await writer.close();
        const days = async () =>
          (await prisma.funnelDaily.findMany({ where: { tenantId: tenant.id }, orderBy: { day: "asc" } }))
            .filter((r) => r.clicks || r.referrals)
            .map((r) => [r.day.toISOString().slice(0, 10), r.clicks, r.referrals]);
        expect(await days()).toEqual([["2026-03-08", 1, 1]]);
        // Back to UTC: the re-key moves both to the 7th.
        await prisma.tenant.update({ where: { id: tenant.id }, data: { timeZone: "UTC" } });
        await prisma.$queryRaw`SELECT twoway_rollup_rekey(${tenant.id})`;
        expect(await days()).toEqual([["2026-03-07", 1, 1]]);
      } finally {
        await pool.end();
        await prisma.$disconnect();
      }
    } finally {
      await db.stop();
    }
  });
});
