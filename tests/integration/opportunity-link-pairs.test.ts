// One flow, one market pair: a partner's tracked link for "RU brand seeks US creators" (RU → US)
// counts its clicks under the pair of the referral its applicant becomes (US → RU), so the funnel's
// market-pair split puts the click and the referral on the same row. And the migration
// 20261206080000_opportunity_link_pairs moves links, clicks and rollups made the old way.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LAST_CLICK_COOKIE } from "@/lib/attribution/click-cookies";
import { ClickWriter } from "@/lib/tracking/click-store";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Market } from "@/lib/db/generated/enums";
import { createLinkLookup } from "@/lib/tracking/link-lookup";
import { migrate, readMigrations } from "@/lib/db/migrate";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { funnelScopeForPartner, funnelScopeForTenant, getFunnelSplit } from "@/lib/funnel/queries";
import { createLinkAsPartner } from "@/lib/links/partner-links";
import { changeOpportunityStatus } from "@/lib/opportunities/change-opportunity-status";
import { opportunityLinkMarkets, referralMarkets } from "@/lib/kernel/markets";
import { submitOptIn } from "@/lib/opportunities/opt-in";
import { acceptOptIn } from "@/lib/opportunities/review-accept";
import { createOpportunity } from "@/lib/opportunities/save-opportunity";
import { optInInput } from "@/lib/opportunities/schemas";
import { createRedirectCore } from "@/lib/tracking/core";
import { opportunityForm, poolProgram } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { createScratchDatabase } from "../helpers/scratch-db";

process.env.AUTH_SECRET ??= "opportunity-link-pairs-secret-0123456789";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { default: PortalLinksPage } = await import("@/app/[locale]/(portal)/p/[tenant]/links/page");
const { default: StaffLinksPage } = await import("@/app/[locale]/(staff)/t/[tenant]/links/page");
type Page = (props: { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;

/** A page's HTML as the signed-in user gets it. */
async function render(page: Page, userId: string, locale: string, tenant: string) {
  session.userId = userId;
  const tree = await page({ params: Promise.resolve({ locale, tenant }), searchParams: Promise.resolve({}) });
  return renderToStaticMarkup(createElement("div", null, tree));
}

const APP = "http://app.test";
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const MIGRATION = "20261206080000_opportunity_link_pairs";

describe("the market pair rule", () => {
  it("gives an opportunity's links the pair of the referral its sought applicant becomes", () => {
    const posted = { sourceMarket: "RU", targetMarket: "US" } as const;
    expect(opportunityLinkMarkets(posted)).toEqual({ sourceMarket: "US", targetMarket: "RU" });
    expect(opportunityLinkMarkets(posted)).toEqual(referralMarkets(posted, { market: "US" }));
    expect(opportunityLinkMarkets({ sourceMarket: "RU", targetMarket: "RU" })).toEqual({ sourceMarket: "RU", targetMarket: "RU" });
  });
});

describe("a pool opportunity's click and its referral", () => {
  let pool: pg.Pool;
  let writer: ClickWriter;
  let a: { fixture: TenantFixture; ctx: TenantContext };
  let boris: Awaited<ReturnType<typeof partnerWithContext>>;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    writer = new ClickWriter({ db: pool, intervalMs: 60_000 });
    a = await tenantWithOwner("Pair Agency");
    // The partner's own market plays no part in an opportunity link's pair.
    boris = await partnerWithContext(a.fixture, { name: "Борис Орлов", market: "RU", locale: "ru" });
  });
  afterAll(async () => {
    await writer.close();
    await pool.end();
  });

  it("land in one market pair: the link's click, the accepted referral and the funnel's split row", async () => {
    const program = await poolProgram(a.fixture, [boris.partnerId]);
    const opportunity = await createOpportunity(a.ctx, opportunityForm(program.id)); // RU skincare brand seeks US creators
    await changeOpportunityStatus(a.ctx, opportunity.id, "open");
    expect(opportunity).toMatchObject({ sourceMarket: "RU", targetMarket: "US" });

    const link = await createLinkAsPartner(boris.ctx, { programId: program.id, opportunityId: opportunity.id, label: "Telegram" }, APP);
    expect(link).toMatchObject({ opportunityId: opportunity.id, sourceMarket: "US", targetMarket: "RU" });

    // A US creator follows /r/<code>: the redirect stores the click through the batched writer.
    const core = createRedirectCore({ lookup: createLinkLookup(pool), sink: writer, secret: "test-salt", register: false });
    const outcome = await core.respond({ method: "GET", url: `/r/${link.code}`, headers: { "user-agent": CHROME }, ip: "203.0.113.7", https: true });
    expect(outcome.status).toBe(302);
    await writer.flush();
    const click = await prisma.click.findFirstOrThrow({ where: { linkId: link.id } });
    const lastClick = outcome.headers.find((h) => h.startsWith(`${LAST_CLICK_COOKIE}=`))!.split(";")[0].slice(LAST_CLICK_COOKIE.length + 1);
    expect(lastClick).toBe(click.id);

    // They opt in on the board with the click cookie; staff accept.
    const input = optInInput.parse({
      kind: "creator", name: "Jess Glow", market: "US", country: "US", website: "",
      platforms: [{ platform: "tiktok", handle: `@jess${randomBytes(3).toString("hex")}`, audienceSize: "40000" }],
      contactName: "Jess", contactEmail: `jess-${randomBytes(4).toString("hex")}@glow.test`, pitch: "US skincare creator.", consent: "yes",
    });
    const cookies = { get: (name: string) => (name === LAST_CLICK_COOKIE ? { value: lastClick } : undefined) };
    expect(await submitOptIn({ slug: a.fixture.slug, opportunityId: opportunity.id }, input, { locale: "en", ip: "203.0.113.7", cookies })).toBe("received");
    const optIn = await prisma.optIn.findFirstOrThrow({ where: { contactEmail: input.contactEmail } });
    expect(optIn).toMatchObject({ partnerId: boris.partnerId, clickId: click.id });
    const { referralId } = await acceptOptIn(a.ctx, { opportunityId: opportunity.id, optInId: optIn.id }, null, { appUrl: APP });
    const referral = await prisma.referral.findUniqueOrThrow({ where: { id: referralId } });

    expect(referral).toMatchObject({ clickId: click.id, partnerId: boris.partnerId });
    expect({ sourceMarket: click.sourceMarket, targetMarket: click.targetMarket }).toEqual({ sourceMarket: referral.sourceMarket, targetMarket: referral.targetMarket });
    expect(`${referral.sourceMarket}>${referral.targetMarket}`).toBe("US>RU");

    // The funnel by market pair: one row with the click and the referral, for staff and for the partner.
    const day = Date.UTC(click.occurredAt.getUTCFullYear(), click.occurredAt.getUTCMonth(), click.occurredAt.getUTCDate());
    const filter = { from: new Date(day), to: new Date(day + 2 * 86_400_000), basis: "period" as const, programId: program.id };
    for (const scope of [funnelScopeForTenant(a.ctx), await funnelScopeForPartner(boris.ctx)]) {
      const rows = await getFunnelSplit(scope, filter, "marketPair");
      expect(rows.map((r) => ({ key: r.key, clicks: r.totals.clicks, referrals: r.totals.referrals }))).toEqual([{ key: "US>RU", clicks: 1, referrals: 1 }]);
      expect(rows[0].rates.clickToReferral).toEqual({ numerator: 1, denominator: 1, value: 1 });
    }

    // The partner's and the staff's link lists show the link's (funnel) pair, the posted one on hover;
    // the create form still names the opportunity as posted, as the board does.
    const portal = await render(PortalLinksPage, boris.userId, "ru", a.fixture.slug);
    expect(portal).toContain('title="Предложение опубликовано для пары Россия → США; переходы по ссылке считаются так же, как рекомендации, которые оно приносит."');
    // MarketPair is a client component: this harness renders it without translations (the codes are its fallback).
    expect(portal).toMatch(/>US<\/span> → <span[^>]*>RU<\/span>/);
    expect(portal).toContain("RU skincare brand seeks US beauty creators (Россия → США)");
    const staff = await render(StaffLinksPage, a.fixture.userId, "en", a.fixture.slug);
    expect(staff).toContain('title="Opportunity posted as Russia → United States; clicks on this link count like the referrals it brings."');
    expect(staff).toMatch(/>US<\/span> → <span[^>]*>RU<\/span>/);
  });
});

describe(`migration ${MIGRATION}`, () => {
  const drops: (() => Promise<void>)[] = [];
  let url: string;
  let db: PrismaClient;
  let owner: pg.Client;
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await owner.query<T>(sql, params)).rows;

  const day1 = new Date("2026-11-20T00:00:00Z");
  const day2 = new Date("2026-11-21T00:00:00Z");
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A database migrated up to the migration before this one, then data as the old code wrote it.
    const scratch = await createScratchDatabase("twoway_linkpairs");
    drops.push(scratch.drop);
    url = scratch.url;
    const before = mkdtempSync(join(tmpdir(), "twoway-before-linkpairs-"));
    drops.push(async () => rmSync(before, { recursive: true, force: true }));
    const earlier = readMigrations("prisma/migrations").filter((m) => m.name < MIGRATION);
    for (const m of earlier) cpSync(join("prisma/migrations", m.name), join(before, m.name), { recursive: true });
    expect((await migrate(url, { migrationsDir: before })).applied).toEqual(earlier.map((m) => m.name));

    db = createPrismaClient(url);
    drops.push(() => db.$disconnect());
    owner = new pg.Client({ connectionString: url });
    await owner.connect();
    drops.push(() => owner.end());
    await seedOldData(db, ids, day1, day2);
  });
  afterAll(async () => {
    for (const drop of drops.reverse()) await drop();
  });

  /** FunnelDaily's (or FunnelDailyProgram's) non-zero rows, as comparable strings. */
  async function rollup(table: "FunnelDaily" | "FunnelDailyProgram") {
    const all = await rows<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE "tenantId" = $1`, [ids.tenant]);
    const metrics = ["clicks", "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents",
      "cohortQualified", "cohortCloses", "cohortRevenueMinor", "cohortRevenueEvents", "cohortMissingFx"];
    return all
      .filter((r) => metrics.some((m) => Number(r[m]) !== 0))
      .map((r) => [(r.day as Date).toISOString().slice(0, 10), r.partnerId ?? "", r.programId, r.sourceMarket, r.targetMarket, r.reportingCurrency, ...metrics.map((m) => String(r[m]))].join("|"))
      .sort();
  }

  /** What the rollups would be if rebuilt from the raw tables now (in a rolled-back transaction). */
  async function rebuilt() {
    await owner.query("BEGIN");
    try {
      await owner.query("SELECT funnel_daily_rebuild($1)", [ids.tenant]);
      await owner.query("SELECT funnel_program_rebuild($1)", [ids.tenant]);
      return { daily: await rollup("FunnelDaily"), program: await rollup("FunnelDailyProgram") };
    } finally {
      await owner.query("ROLLBACK");
    }
  }

  const pairOf = async (table: string, where: string, params: unknown[]) =>
    (await rows<{ pair: string }>(`SELECT DISTINCT "sourceMarket" || '>' || "targetMarket" AS pair FROM "${table}" WHERE ${where} ORDER BY 1`, params)).map((r) => r.pair);

  /** Clicks and referrals per market pair, straight from the funnel rollup. */
  const byPair = async () =>
    rows<{ pair: string; clicks: number; referrals: number; revenue: number }>(
      `SELECT "sourceMarket" || '>' || "targetMarket" AS pair, SUM(clicks)::int AS clicks, SUM(referrals)::int AS referrals, SUM("revenueMinor")::int AS revenue
       FROM "FunnelDailyProgram" WHERE "tenantId" = $1 GROUP BY 1 HAVING SUM(clicks) <> 0 OR SUM(referrals) <> 0 OR SUM("revenueMinor") <> 0 ORDER BY 1`,
      [ids.tenant],
    );

  it("starts from the split the bug made: the opportunity's clicks on RU>US, its referral on US>RU", async () => {
    expect(await byPair()).toEqual([
      { pair: "RU>RU", clicks: 4, referrals: 0, revenue: 0 },
      { pair: "RU>US", clicks: 3, referrals: 0, revenue: 25_000 },
      { pair: "US>RU", clicks: 2, referrals: 1, revenue: 0 },
    ]);
  });

  it("swaps the old opportunity links and moves their clicks, rollups and click-credited customers and events", async () => {
    // This migration first; later ones (e.g. 20261206090000_rls_initplan) may follow it.
    expect((await migrate(url)).applied[0]).toBe(MIGRATION);

    expect(await pairOf("TrackedLink", `id = $1`, [ids.oppLink])).toEqual(["US>RU"]);
    expect(await pairOf("Click", `"linkId" = $1`, [ids.oppLink])).toEqual(["US>RU"]);
    expect(await pairOf("ClickDaily", `"linkId" = $1`, [ids.oppLink])).toEqual(["US>RU"]);
    expect(await pairOf("Customer", `id = $1`, [ids.clickCustomer])).toEqual(["US>RU"]);
    expect(await pairOf("ConversionEvent", `id = $1`, [ids.clickEvent])).toEqual(["US>RU"]);
    // Left alone: a program link, a link of a single-market opportunity, a referral's customer, a referral.
    expect(await pairOf("TrackedLink", `id = $1`, [ids.programLink])).toEqual(["US>RU"]);
    expect(await pairOf("Click", `"linkId" = $1`, [ids.programLink])).toEqual(["US>RU"]);
    expect(await pairOf("TrackedLink", `id = $1`, [ids.sameMarketLink])).toEqual(["RU>RU"]);
    expect(await pairOf("ClickDaily", `"linkId" = $1`, [ids.sameMarketLink])).toEqual(["RU>RU"]);
    expect(await pairOf("Referral", `id = $1`, [ids.referral])).toEqual(["US>RU"]);

    // One flow, one row: the opportunity's 3 counted clicks join the program link's 2 and the referral.
    expect(await byPair()).toEqual([
      { pair: "RU>RU", clicks: 4, referrals: 0, revenue: 0 },
      { pair: "US>RU", clicks: 5, referrals: 1, revenue: 25_000 },
    ]);
    // Both rollups are exactly what a rebuild from the raw tables gives.
    const fresh = await rebuilt();
    expect(await rollup("FunnelDaily")).toEqual(fresh.daily);
    expect(await rollup("FunnelDailyProgram")).toEqual(fresh.program);
  });

  it("changes nothing when run again, or on data with nothing to fix", async () => {
    const snapshot = async () => ({
      links: await rows(`SELECT id, "sourceMarket", "targetMarket", "updatedAt" FROM "TrackedLink" ORDER BY id`),
      clicks: await rows(`SELECT id, "sourceMarket", "targetMarket" FROM "Click" ORDER BY id`),
      daily: await rows(`SELECT "linkId", day, "sourceMarket", "targetMarket", clicks FROM "ClickDaily" ORDER BY 1, 2`),
      customers: await rows(`SELECT id, "sourceMarket", "targetMarket", "updatedAt" FROM "Customer" ORDER BY id`),
      events: await rows(`SELECT id, "sourceMarket", "targetMarket" FROM "ConversionEvent" ORDER BY id`),
      funnel: await rollup("FunnelDaily"),
      program: await rollup("FunnelDailyProgram"),
    });
    const before = await snapshot();
    // As the runner does: the whole file in one transaction.
    await owner.query("BEGIN");
    await owner.query(readFileSync(join("prisma/migrations", MIGRATION, "migration.sql"), "utf8"));
    await owner.query("COMMIT");
    expect(await snapshot()).toEqual(before);
  });

  it("keeps FunnelDaily exact when a ClickDaily row changes pair or partner (the fixed trigger)", async () => {
    await owner.query(`UPDATE "ClickDaily" SET "sourceMarket" = 'KZ', clicks = clicks + 1 WHERE "linkId" = $1`, [ids.programLink]);
    await owner.query(`UPDATE "ClickDaily" SET "partnerId" = $2 WHERE "linkId" = $1 AND day = $3`, [ids.sameMarketLink, ids.otherPartner, day2]);
    const fresh = await rebuilt();
    expect(await rollup("FunnelDaily")).toEqual(fresh.daily);
    expect(await rollup("FunnelDailyProgram")).toEqual(fresh.program);
    expect((await byPair()).find((r) => r.pair === "KZ>RU")).toMatchObject({ clicks: 3 });
  });
});

/**
 * One tenant as the pre-fix code left it: an RU → US opportunity whose partner link is RU → US
 * (clicks and ClickDaily too), the accepted opt-in's referral US → RU, a customer + revenue event
 * credited through one of the link's clicks without a referral (RU → US); a program link US → RU and
 * a link of an RU → RU opportunity, which the migration must leave alone.
 */
async function seedOldData(db: PrismaClient, ids: Record<string, string>, day1: Date, day2: Date) {
  // Raw SQL: Prisma's create would also write the defaults of columns later migrations add.
  const t = `pairs${randomBytes(6).toString("hex")}`;
  await db.$executeRaw`INSERT INTO "Tenant" ("id", "slug", "name", "enabledMarkets", "updatedAt")
    VALUES (${t}, ${`pairs-${randomBytes(3).toString("hex")}`}, 'Old Pairs', ARRAY['US', 'RU']::"Market"[], now())`;
  const newPartner = async (name: string, email: string, market: Market) => {
    const id = `pp${randomBytes(8).toString("hex")}`;
    await db.$executeRaw`INSERT INTO "Partner" ("id", "tenantId", "name", "email", "market", "status", "updatedAt")
      VALUES (${id}, ${t}, ${name}, ${email}, ${market}::"Market", 'active'::"PartnerStatus", now())`;
    return { id };
  };
  const partner = await newPartner("Борис", "boris@partners.test", "RU");
  const other = await newPartner("Other", "other@partners.test", "US");
  const program = await db.program.create({ data: { tenantId: t, name: "Pool", markets: ["US", "RU"], mode: "pool" } });
  const opportunity = await db.opportunity.create({ data: { tenantId: t, programId: program.id, side: "brand_seeks_creators", sourceMarket: "RU", targetMarket: "US", status: "open" } });
  const local = await db.opportunity.create({ data: { tenantId: t, programId: program.id, side: "brand_seeks_creators", sourceMarket: "RU", targetMarket: "RU", status: "open" } });

  const link = (pair: [Market, Market], opportunityId: string | null) =>
    db.trackedLink.create({
      data: { tenantId: t, partnerId: partner.id, programId: program.id, opportunityId, code: `o${randomBytes(5).toString("hex")}`, destinationUrl: "https://example.test/", sourceMarket: pair[0], targetMarket: pair[1] },
    });
  const oppLink = await link(["RU", "US"], opportunity.id);
  const programLink = await link(["US", "RU"], null);
  const sameMarketLink = await link(["RU", "RU"], local.id);

  /** Counted clicks (and one bot) of a link on a day, with the ClickDaily row the writer would upsert. */
  const clicks = async (l: typeof oppLink, day: Date, counted: number, bots = 0) => {
    const made: string[] = [];
    for (let i = 0; i < counted + bots; i++) {
      const id = `ck${randomBytes(8).toString("hex")}`;
      made.push(id);
      await db.click.create({
        data: {
          id, tenantId: t, linkId: l.id, partnerId: l.partnerId, programId: l.programId, opportunityId: l.opportunityId, sourceMarket: l.sourceMarket, targetMarket: l.targetMarket,
          occurredAt: new Date(day.getTime() + (i + 1) * 60_000), visitorHash: id, isBot: i >= counted, device: i >= counted ? "bot" : "mobile",
        },
      });
    }
    await db.clickDaily.create({
      data: { tenantId: t, day, linkId: l.id, partnerId: l.partnerId, programId: l.programId, sourceMarket: l.sourceMarket, targetMarket: l.targetMarket, clicks: counted, bots },
    });
    return made;
  };
  const [firstClick] = await clicks(oppLink, day1, 2, 1);
  const [laterClick] = await clicks(oppLink, day2, 1);
  await clicks(programLink, day1, 2);
  await clicks(sameMarketLink, day1, 1);
  await clicks(sameMarketLink, day2, 3);

  const referral = await db.referral.create({
    data: {
      tenantId: t, programId: program.id, opportunityId: opportunity.id, partnerId: partner.id, clickId: firstClick, kind: "creator", mechanic: "pool",
      subjectName: "Jess Glow", sourceMarket: "US", targetMarket: "RU", status: "submitted", submittedAt: new Date(day1.getTime() + 3_600_000),
    },
  });
  const customer = await db.customer.create({
    data: { tenantId: t, name: "Direct after a click", source: "referral", partnerId: partner.id, programId: program.id, clickId: laterClick, sourceMarket: "RU", targetMarket: "US", firstSeenAt: day2 },
  });
  const event = await db.conversionEvent.create({
    data: {
      tenantId: t, type: "revenue", source: "api", idempotencyKey: "old-pair-revenue", payloadHash: "x", occurredAt: new Date(day2.getTime() + 7_200_000),
      amountMinor: 25_000n, currency: "USD", reportingAmountMinor: 25_000n, reportingCurrency: "USD", customerId: customer.id, clickId: laterClick,
      partnerId: partner.id, programId: program.id, sourceMarket: "RU", targetMarket: "US",
    },
    // Only the id back: a RETURNING of every column would name later columns (ConversionEvent.promoCodeId).
    select: { id: true },
  });
  Object.assign(ids, {
    tenant: t, otherPartner: other.id, oppLink: oppLink.id, programLink: programLink.id, sameMarketLink: sameMarketLink.id,
    referral: referral.id, clickCustomer: customer.id, clickEvent: event.id,
  });
}
