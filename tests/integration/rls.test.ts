// The second wall between tenants: PostgreSQL row-level security (docs/security.md). Runs against its own
// scratch database filled with the demo seed (two tenants, northstar and volga), so every
// tenant-owned table can be checked with rows of both tenants in it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { cloneTenantRows } from "../helpers/clone-tenant";
import { createScratchDatabase } from "../helpers/scratch-db";

type Db = Awaited<ReturnType<typeof createScratchDatabase>>;
type Modules = {
  client: typeof import("@/lib/db/client");
  tenant: typeof import("@/lib/db/tenant-client");
  scope: typeof import("@/lib/db/tenant-scope");
};

let db: Db;
let owner: pg.Client;
let m: Modules;
let A: string; // northstar
let B: string; // volga
const savedUrl = process.env.DATABASE_URL;

/** Owner's row counts per tenant for every table in the list (Tenant: per id). */
let ownerCounts: Map<string, Map<string, number>>;
let tables: string[];

const column = (table: string) => (table === "Tenant" ? "id" : "tenantId");

async function asTenantRole<T>(tenantId: string | null, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  await owner.query("BEGIN");
  try {
    await owner.query("SET LOCAL ROLE twoway_app");
    if (tenantId !== null) await owner.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    return await fn(owner);
  } finally {
    await owner.query("ROLLBACK");
  }
}

beforeAll(async () => {
  db = await createScratchDatabase("twoway_rls");
  await migrate(db.url);
  // lib/db/client creates the shared client on first use: point it at this database first.
  process.env.DATABASE_URL = db.url;
  delete (globalThis as { __twowayPrisma?: unknown }).__twowayPrisma;
  m = {
    client: await import("@/lib/db/client"),
    tenant: await import("@/lib/db/tenant-client"),
    scope: await import("@/lib/db/tenant-scope"),
  };
  const { seedDemo } = await import("@/prisma/seed");
  await seedDemo(m.client.prisma); // the seed's payouts go through tenant contexts: RLS on the way in
  const prisma = m.client.prisma;
  A = (await prisma.tenant.findUniqueOrThrow({ where: { slug: "northstar" } })).id;
  B = (await prisma.tenant.findUniqueOrThrow({ where: { slug: "volga" } })).id;
  // A person who works for both tenants: a relation path out of A's rows into B's (test c).
  const both = await prisma.user.create({ data: { email: "both-tenants@rls.test" } });
  await prisma.membership.createMany({ data: [{ tenantId: A, userId: both.id, role: "analyst" }, { tenantId: B, userId: both.id, role: "analyst" }] });

  owner = new pg.Client({ connectionString: db.url });
  await owner.connect();
  tables = ["Tenant", ...m.tenant.tenantOwnedModels];
  // Tables the demo seed leaves empty: one row each for northstar.
  const [partner, opportunity] = await Promise.all([
    prisma.partner.findFirstOrThrow({ where: { tenantId: A } }),
    prisma.opportunity.findFirstOrThrow({ where: { tenantId: A } }),
  ]);
  const later = new Date(Date.now() + 86_400_000);
  await prisma.staffInvite.create({ data: { tenantId: A, email: "invitee@rls.test", role: "analyst", tokenHash: "rls-staff", expiresAt: later } });
  await prisma.partnerInvite.create({ data: { tenantId: A, partnerId: partner.id, tokenHash: "rls-partner", expiresAt: later } });
  await prisma.outboxEmail.create({ data: { tenantId: A, to: "x@rls.test", subject: "s", text: "t" } });
  await prisma.optIn.create({
    data: {
      tenantId: A, opportunityId: opportunity.id, kind: "brand", name: "Opt-in Co", market: "US", contactEmail: "c@rls.test",
      consentVersion: "v1", consentText: "yes", consentedAt: new Date(),
    },
  });
  await prisma.opportunityInvitation.create({ data: { tenantId: A, opportunityId: opportunity.id, email: "o@rls.test" } });
  await prisma.apiKey.create({ data: { tenantId: A, name: "k", prefix: "rlsk", keyHash: "rls-hash" } });
  const referral = await prisma.referral.findFirstOrThrow({ where: { tenantId: A, partnerId: { not: null } } });
  await prisma.partnerNotice.create({ data: { tenantId: A, partnerId: referral.partnerId!, referralId: referral.id, toStatus: "in_review" } });
  const statement = await prisma.statementImport.create({ data: { tenantId: A, fileName: "s.csv", lineCount: 1 } });
  await prisma.statementLine.create({ data: { tenantId: A, importId: statement.id, lineNo: 1, amountMinor: 100n, currency: "USD", result: "unknown" } });
  await prisma.riskRule.create({ data: { tenantId: A, kind: "click_spike", threshold: 500, minClicks: 50 } });
  const riskCase = await prisma.riskCase.create({ data: { tenantId: A, partnerId: partner.id, severity: "high" } });
  await prisma.riskHit.create({ data: { tenantId: A, caseId: riskCase.id, kind: "self_referral", severity: "high", subjectKey: "rls" } });
  await prisma.partnerVisitor.create({ data: { tenantId: A, partnerId: partner.id, visitorHash: "rls-visitor" } });
  const hook = await prisma.webhookEndpoint.create({ data: { tenantId: A, url: "https://hooks.rls.test/x", events: ["referral.submitted"], secret: "whsec_rls" } });
  await prisma.webhookEvent.create({ data: { id: "evt_rls", tenantId: A, type: "referral.submitted", body: "{}" } });
  const delivery = await prisma.webhookDelivery.create({ data: { tenantId: A, endpointId: hook.id, eventId: "evt_rls" } });
  await prisma.webhookAttempt.create({
    data: { tenantId: A, deliveryId: delivery.id, endpointId: hook.id, number: 1, trigger: "queue", requestUrl: hook.url, requestHeaders: {}, requestBody: "{}", durationMs: 1 },
  });
  // The demo seed fills every table for northstar but only the directory for volga: give volga a
  // copy of northstar's rows (keys suffixed) so every table holds rows of both tenants.
  await cloneTenantRows(owner, { from: A, to: B, tables: [...m.tenant.tenantOwnedModels], suffix: "~volga" });
  ownerCounts = new Map();
  for (const t of tables) {
    const { rows } = await owner.query<{ k: string; n: number }>(`SELECT "${column(t)}" AS k, count(*)::int AS n FROM "${t}" GROUP BY 1`);
    ownerCounts.set(t, new Map(rows.map((r) => [r.k, r.n])));
  }
}, 300_000);

afterAll(async () => {
  await owner?.end();
  await m?.client.prisma.$disconnect();
  delete (globalThis as { __twowayPrisma?: unknown }).__twowayPrisma;
  process.env.DATABASE_URL = savedUrl;
  await db?.drop();
});

const countA = (t: string) => ownerCounts.get(t)?.get(A) ?? 0;
const countB = (t: string) => ownerCounts.get(t)?.get(B) ?? 0;

describe("row-level security", () => {
  it("covers exactly the tenant-owned tables, and the seed fills them for both tenants", async () => {
    const { rows } = await owner.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relrowsecurity ORDER BY 1`,
    );
    expect(rows.map((r) => r.relname)).toEqual([...tables].sort());
    // Every table that has a tenantId column is in the list (a new tenant-owned table needs a policy).
    // Partitions ("Click_2026_12", …) are reached only through their partitioned table and its policy.
    const withTenant = await owner.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenantId'
         AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition) ORDER BY 1`,
    );
    expect(withTenant.rows.map((r) => r.table_name)).toEqual([...m.tenant.tenantOwnedModels].sort());
    // Every policy reads the tenant setting once per statement (a sub-select), never once per row
    // (migration 20261206090000_rls_initplan): a new table that copies the old form fails here.
    const policies = await owner.query<{ tablename: string; qual: string; with_check: string }>(
      `SELECT tablename, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY 1`,
    );
    expect(policies.rows.map((r) => r.tablename)).toEqual([...tables].sort());
    const perStatement = /^\(\s*"?(tenantId|id)"?\s*=\s*\(\s*SELECT current_setting\('app\.tenant_id'::text, true\) AS current_setting\s*\)\s*\)$/;
    for (const r of policies.rows) {
      expect(r.qual, r.tablename).toMatch(perStatement);
      expect(r.with_check, r.tablename).toMatch(perStatement);
    }

    // Not vacuous: the owner sees rows of both tenants in every table.
    expect(tables.filter((t) => countA(t) === 0), "tables with no northstar rows").toEqual([]);
    expect(tables.filter((t) => countB(t) === 0), "tables with no volga rows").toEqual([]);
  });

  it("(a) twoway_app without the setting sees no row in any tenant-owned table", async () => {
    await asTenantRole(null, async (c) => {
      expect((await c.query("SELECT current_user AS u")).rows[0].u).toBe("twoway_app");
      for (const t of tables) {
        const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`);
        expect(rows[0].n, t).toBe(0);
      }
    });
  });

  it("(b) with tenant A's setting it sees exactly A's rows", async () => {
    await asTenantRole(A, async (c) => {
      for (const t of tables) {
        const { rows } = await c.query<{ n: number; other: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE "${column(t)}" <> $1)::int AS other FROM "${t}"`,
          [A],
        );
        expect(rows[0], t).toEqual({ n: countA(t), other: 0 });
      }
    });
  });

  it("(c) a query through A's tenant client that forgets the tenant filter returns only A's rows", async () => {
    const ctxDb = m.tenant.tenantDb(A);
    const referrals = await ctxDb.$queryRaw<{ tenantId: string }[]>`select "tenantId" from "Referral"`;
    expect(referrals.length).toBe(countA("Referral"));
    expect(new Set(referrals.map((r) => r.tenantId))).toEqual(new Set([A]));
    expect(countB("Referral")).toBeGreaterThan(0);

    const unsafe = await ctxDb.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "Partner"`);
    expect(unsafe[0].n).toBe(countA("Partner"));
    const touched = await ctxDb.$executeRaw`update "Partner" set "notes" = "notes"`;
    expect(touched).toBe(countA("Partner"));
    const tenants = await ctxDb.$queryRaw<{ id: string }[]>`select id from "Tenant"`;
    expect(tenants).toEqual([{ id: A }]);

    // A relation the extension does not filter: membership → user → all of that user's memberships.
    const rows = await ctxDb.membership.findMany({ select: { user: { select: { memberships: { select: { tenantId: true } } } } } });
    const reached = rows.flatMap((r) => r.user.memberships.map((x) => x.tenantId));
    expect(reached.length).toBeGreaterThan(0);
    expect(new Set(reached)).toEqual(new Set([A]));
    const ownerView = await m.client.prisma.user.findUniqueOrThrow({ where: { email: "both-tenants@rls.test" }, select: { memberships: true } });
    expect(ownerView.memberships).toHaveLength(2); // the owner (no RLS) does see both
  });

  it("(d) writing a row of tenant B under A's setting fails", async () => {
    await asTenantRole(A, async (c) => {
      await c.query("SAVEPOINT s");
      await expect(c.query(`INSERT INTO "AuditLog" ("id", "tenantId", "action", "entityType", "entityId") VALUES ('rls-x', $1, 'x', 'x', 'x')`, [B]))
        .rejects.toThrow(/row-level security/);
      await c.query("ROLLBACK TO SAVEPOINT s");
      // Moving one of A's rows into B is refused too (WITH CHECK on the new row).
      await expect(c.query(`UPDATE "Partner" SET "tenantId" = $1`, [B])).rejects.toThrow(/row-level security/);
    });
    const ctxDb = m.tenant.tenantDb(A);
    await expect(ctxDb.$executeRaw`update "Referral" set "tenantId" = ${B}`).rejects.toThrow(/row-level security/);
    // B's rows are invisible, so an unfiltered update/delete through A cannot touch them.
    expect(await ctxDb.$executeRaw`update "Referral" set "subjectName" = "subjectName" where "tenantId" = ${B}`).toBe(0);
  });

  it("(e) interactive and batch transactions through A's tenant client see only A", async () => {
    const ctxDb = m.tenant.tenantDb(A);
    const [raw, partners, who] = await ctxDb.$transaction(async (tx) => {
      const raw = await tx.$queryRaw<{ tenantId: string }[]>`select "tenantId" from "Customer"`;
      const partners = await tx.partner.count();
      const who = await tx.$queryRaw<{ u: string; t: string }[]>`select current_user as u, current_setting('app.tenant_id', true) as t`;
      return [raw, partners, who] as const;
    });
    expect(raw.length).toBe(countA("Customer"));
    expect(new Set(raw.map((r) => r.tenantId))).toEqual(new Set([A]));
    expect(partners).toBe(countA("Partner"));
    expect(who).toEqual([{ u: "twoway_app", t: A }]);

    const [events, programs] = await ctxDb.$transaction([
      ctxDb.$queryRaw<{ n: number }[]>`select count(*)::int as n from "ConversionEvent"`,
      ctxDb.program.findMany({ select: { id: true } }),
    ]);
    expect(events[0].n).toBe(countA("ConversionEvent"));
    expect(programs.length).toBe(countA("Program"));

    // A failing statement rolls the transaction back and the connection comes back clean.
    await expect(
      ctxDb.$transaction(async (tx) => {
        await tx.$executeRaw`update "Partner" set "notes" = 'rolled back'`;
        await tx.$executeRaw`select 1/0`;
      }),
    ).rejects.toThrow();
    expect(await m.client.prisma.partner.count({ where: { notes: "rolled back" } })).toBe(0);
    const ownerWho = await m.client.prisma.$queryRaw<{ u: string; t: string | null }[]>`select current_user as u, nullif(current_setting('app.tenant_id', true), '') as t`;
    expect(ownerWho[0]).toEqual({ u: expect.not.stringMatching(/^twoway_app$/), t: null });
  });

  it("keeps concurrent tenants apart (Prisma's findUnique batching) and leaves owner queries alone", async () => {
    const prisma = m.client.prisma;
    const pa = await prisma.partner.findFirstOrThrow({ where: { tenantId: A } });
    const pb = await prisma.partner.findFirstOrThrow({ where: { tenantId: B } });
    const dbA = m.tenant.tenantDb(A);
    const dbB = m.tenant.tenantDb(B);
    for (let i = 0; i < 5; i++) {
      // Same model and argument shape in one tick: Prisma would batch these into one query.
      const [a, b, o, a2] = await Promise.all([
        dbA.partner.findUnique({ where: { id: pa.id } }),
        dbB.partner.findUnique({ where: { id: pb.id } }),
        prisma.partner.findUnique({ where: { id: pb.id } }),
        dbA.partner.findUnique({ where: { id: pb.id } }),
      ]);
      expect(a?.id).toBe(pa.id);
      expect(b?.id).toBe(pb.id);
      expect(o?.id).toBe(pb.id);
      expect(a2).toBeNull();
    }
    const counts = await Promise.all([dbA.referral.count(), dbB.referral.count(), prisma.referral.count()]);
    expect(counts).toEqual([countA("Referral"), countB("Referral"), countA("Referral") + countB("Referral")]);
  });

  it("owner queries waiting for a pooled connection never inherit the tenant of whoever released it", async () => {
    // One connection: every owner query waits in pg's pool queue and is handed the connection from
    // a tenant query's release — in that tenant's async context. It must still run as the owner.
    const before = process.env.DATABASE_POOL_MAX;
    process.env.DATABASE_POOL_MAX = "1";
    const client = m.client.createPrismaClient(db.url);
    if (before === undefined) delete process.env.DATABASE_POOL_MAX;
    else process.env.DATABASE_POOL_MAX = before;
    try {
      const { runAsTenant } = await import("@/lib/db/tenant-scope");
      const rounds = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0 ? runAsTenant(A, async () => await client.referral.count()) : client.referral.count(),
        ),
      );
      for (const [i, n] of rounds.entries()) {
        expect(n).toBe(i % 2 === 0 ? countA("Referral") : countA("Referral") + countB("Referral"));
      }
    } finally {
      await client.$disconnect();
    }
  });

  it("rollup triggers keep FunnelDaily exact when writes run as twoway_app", async () => {
    const ctxDb = m.tenant.tenantDb(A);
    const refs = await ctxDb.referral.findMany({ where: { status: { not: "draft" } }, take: 3, orderBy: { id: "asc" } });
    expect(refs.length).toBe(3);
    await ctxDb.referral.update({ where: { id: refs[0].id }, data: { status: "won", qualifiedAt: new Date("2026-03-02T08:00:00Z"), closedAt: new Date("2026-03-06T08:00:00Z") } });
    await ctxDb.referral.update({ where: { id: refs[1].id }, data: { submittedAt: new Date("2026-02-20T12:00:00Z") } });
    const event = await ctxDb.conversionEvent.findFirst({ where: { type: "revenue", reportingAmountMinor: { not: null } } });
    expect(event).not.toBeNull();
    await ctxDb.conversionEvent.update({ where: { id: event!.id }, data: { type: "refund" } });
    const customer = await ctxDb.customer.findFirst({ where: { referralId: { not: null } } });
    if (customer) await ctxDb.customer.update({ where: { id: customer.id }, data: { referralId: refs[2].id } });
    const day = await ctxDb.clickDaily.findFirst();
    if (day) await ctxDb.$executeRaw`update "ClickDaily" set "clicks" = "clicks" + 2 where "tenantId" = ${A} and "day" = ${day.day} and "linkId" = ${day.linkId}`;

    for (const [table, rebuild] of [["FunnelDaily", "funnel_daily_rebuild"], ["FunnelDailyProgram", "funnel_program_rebuild"]] as const) {
      const snapshot = `SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) AS h, count(*)::int AS n FROM "${table}" x WHERE "tenantId" = $1
        AND ("clicks" <> 0 OR "referrals" <> 0 OR "qualified" <> 0 OR "closes" <> 0 OR "leads" <> 0 OR "eventCloses" <> 0 OR "revenueMinor" <> 0
          OR "revenueEvents" <> 0 OR "missingFxEvents" <> 0 OR "cohortQualified" <> 0 OR "cohortCloses" <> 0 OR "cohortRevenueMinor" <> 0
          OR "cohortRevenueEvents" <> 0 OR "cohortMissingFx" <> 0)`;
      const maintained = (await owner.query(snapshot, [A])).rows[0];
      await owner.query("BEGIN");
      if (table === "FunnelDailyProgram") await owner.query(`SELECT funnel_daily_rebuild($1)`, [A]);
      await owner.query(`SELECT ${rebuild}($1)`, [A]);
      const rebuilt = (await owner.query(snapshot, [A])).rows[0];
      await owner.query("ROLLBACK");
      expect(maintained.n, table).toBeGreaterThan(0);
      expect(maintained, table).toEqual(rebuilt);
    }
  });

  it("refuses tenant ids that are not plain identifiers (fail closed)", async () => {
    expect(() => m.tenant.tenantDb("x'; select 1; --")).toThrow(/invalid tenant id/);
    expect(() => m.scope.runAsTenant("", () => 1)).toThrow(/invalid tenant id/);
    expect(() => m.scope.tenantPreamble("a b")).toThrow(/invalid tenant id/);
  });
});

describe("row-level security on the embedded database (PGlite)", () => {
  const dir = mkdtempSync(join(tmpdir(), "twoway-rls-embedded-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the role, applies policies and scopes Prisma queries per transaction", { timeout: 180_000 }, async () => {
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
    const edb = await startEmbeddedPostgres({ dataDir: join(dir, "pglite") });
    const before = process.env.DATABASE_POOL_MAX;
    process.env.DATABASE_POOL_MAX = "1";
    const client = m.client.createPrismaClient(edb.url);
    if (before === undefined) delete process.env.DATABASE_POOL_MAX;
    else process.env.DATABASE_POOL_MAX = before;
    try {
      await migrate(edb.url);
      const ta = await client.tenant.create({ data: { slug: "emb-a", name: "A" } });
      const tb = await client.tenant.create({ data: { slug: "emb-b", name: "B" } });
      for (const t of [ta, tb]) {
        await client.partner.createMany({ data: [1, 2, 3].map((i) => ({ tenantId: t.id, name: `P${i}`, email: `p${i}@${t.slug}.test`, market: "US" as const })) });
      }
      const asA = <T>(fn: () => Promise<T>) => m.scope.runAsTenant(ta.id, async () => await fn());
      // A plain query: its own transaction as twoway_app.
      const seen = await asA(() => client.$queryRaw<{ tenantId: string; u: string }[]>`select "tenantId", current_user as u from "Partner"`);
      expect(seen).toHaveLength(3);
      expect(new Set(seen.map((r) => `${r.tenantId}/${r.u}`))).toEqual(new Set([`${ta.id}/twoway_app`]));
      expect(await asA(() => client.tenant.findMany())).toHaveLength(1);
      // An interactive transaction whose statements run with the tenant in scope.
      const inTx = await client.$transaction(async (tx) => asA(() => tx.partner.count()));
      expect(inTx).toBe(3);
      await expect(asA(() => client.$executeRaw`insert into "Partner" ("id", "tenantId", "name", "email", "market", "updatedAt") values ('x', ${tb.id}, 'x', 'x@x.test', 'US', now())`))
        .rejects.toThrow(/row-level security/);
      // Nothing leaks into the one shared backend session: the owner is the owner again, with no setting.
      await new Promise((r) => setTimeout(r, 50));
      const after = await client.$queryRaw<{ u: string; t: string | null; n: number }[]>`select current_user as u, nullif(current_setting('app.tenant_id', true), '') as t, (select count(*)::int from "Partner") as n`;
      expect(after).toEqual([{ u: "postgres", t: null, n: 6 }]);
    } finally {
      await client.$disconnect();
      await edb.stop();
    }
  });
});
