// Two app instances on one PostgreSQL, modelled as two redirect cores (two link caches, two click
// writers, two repeat memories): a link disabled through the product stops redirecting on the
// other instance within 2 s (NOTIFY from the triggers → LISTEN), and a repeat click is recognised
// even when the first click went through the other instance (decided when the batch is stored).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { createLinkAsStaff, setLinkDisabled } from "@/lib/links/staff-links";
import { staffLinkInput } from "@/lib/links/schemas";
import { ClickWriter } from "@/lib/tracking/click-store";
import { createRedirectCore, type RedirectCore, type RedirectInput, type RedirectOutcome } from "@/lib/tracking/core";
import { listenForLinkChanges, type LinkChangeListener } from "@/lib/tracking/link-invalidation";
import { createLinkLookup } from "@/lib/tracking/link-lookup";
import { poolProgram } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";

const APP = "http://app.test";
const SECRET = "shared-state-test-secret";

type Instance = { core: RedirectCore; writer: ClickWriter; listener: LinkChangeListener };

let pool: pg.Pool;
let a: { fixture: TenantFixture; ctx: TenantContext };
let partnerId: string;
let programId: string;
const instances: Instance[] = [];

function instance(now?: () => number): Instance {
  const writer = new ClickWriter({ db: pool, intervalMs: 60_000 }); // flushed by the test
  const core = createRedirectCore({ lookup: createLinkLookup(pool), sink: writer, secret: SECRET, register: false, now });
  const listener = listenForLinkChanges({
    connection: () => new pg.Client({ connectionString: process.env.DATABASE_URL }),
    cache: core.cache,
    log: () => undefined,
  });
  const made = { core, writer, listener };
  instances.push(made);
  return made;
}

const visit = (code: string, ip = "203.0.113.7"): RedirectInput => ({
  method: "GET",
  url: `/r/${code}`,
  headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" },
  ip,
  https: true,
});

const statusOf = async (core: RedirectCore, code: string) => (await core.respond(visit(code))).status;
const clickIdOf = (outcome: RedirectOutcome) => new URL(outcome.headers[outcome.headers.indexOf("Location") + 1]).searchParams.get("tw_click");

async function newLink() {
  return createLinkAsStaff(a.ctx, staffLinkInput.parse({ partnerId, programId }), APP);
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  a = await tenantWithOwner("Shared State Agency");
  const alice = await partnerWithContext(a.fixture, { name: "Alice Shared", market: "US" });
  partnerId = alice.partnerId;
  programId = (await poolProgram(a.fixture, [partnerId])).id;
});

afterAll(async () => {
  for (const i of instances) await Promise.all([i.listener.close(), i.writer.close()]);
  await pool.end();
});

describe("link changes reach every instance", () => {
  it("a link disabled through one instance stops redirecting on the other within 2 s", async () => {
    const one = instance();
    const two = instance();
    await Promise.all([one.listener.listening, two.listener.listening]);
    const link = await newLink();
    expect(await statusOf(one.core, link.code)).toBe(302);
    expect(await statusOf(two.core, link.code)).toBe(302);
    expect(two.core.cache.peek(link.code)).not.toBeUndefined(); // cached: without a message it would redirect for 30 s

    const started = Date.now();
    await setLinkDisabled(a.ctx, link.id, true);
    let status = 302;
    while (status === 302 && Date.now() - started < 2_000) {
      await new Promise((r) => setTimeout(r, 10));
      status = await statusOf(two.core, link.code);
    }
    const elapsed = Date.now() - started;
    console.info(`[shared-tracking-state] invalidation reached the other instance after ${elapsed} ms`);
    expect(status).toBe(404);
    expect(await statusOf(one.core, link.code)).toBe(404);
  });

  it("covers writers outside lib/links too: a partner suspended by any statement", async () => {
    const one = instance();
    await one.listener.listening;
    const link = await newLink();
    expect(await statusOf(one.core, link.code)).toBe(302);
    const other = await partnerWithContext(a.fixture, { name: "Bob Other", market: "US" });
    // a change to an unrelated partner's status clears too (payload '*'), which is harmless
    await pool.query(`UPDATE "Partner" SET status = 'suspended' WHERE id = $1`, [other.partnerId]);
    await expect.poll(() => one.core.cache.peek(link.code), { timeout: 2_000, interval: 10 }).toBeUndefined();
    await pool.query(`UPDATE "Partner" SET status = 'suspended' WHERE id = $1`, [partnerId]);
    await expect.poll(() => statusOf(one.core, link.code), { timeout: 2_000, interval: 10 }).toBe(404);
    await pool.query(`UPDATE "Partner" SET status = 'active' WHERE id = $1`, [partnerId]);
    await expect.poll(() => statusOf(one.core, link.code), { timeout: 2_000, interval: 10 }).toBe(302);
  });

  it("a code asked for before it existed redirects as soon as it is created elsewhere", async () => {
    const one = instance();
    await one.listener.listening;
    const code = `ss${randomBytes(4).toString("hex")}`;
    expect(await statusOf(one.core, code)).toBe(404); // cached as missing
    await prisma.trackedLink.create({
      data: { tenantId: a.fixture.tenantId, partnerId, programId, code, destinationUrl: "https://example.com/", sourceMarket: "US", targetMarket: "RU" },
    });
    await expect.poll(() => statusOf(one.core, code), { timeout: 2_000, interval: 10 }).toBe(302);
  });
});

describe("a lost LISTEN connection", () => {
  it("reconnects, drops the whole cache (changes meanwhile were not heard) and hears changes again", async () => {
    const one = instance();
    await one.listener.listening;
    const link = await newLink();
    expect(await statusOf(one.core, link.code)).toBe(302);
    const { rowCount } = await pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN twoway_link_changed' AND pid <> pg_backend_pid()`);
    expect(rowCount).toBeGreaterThan(0);
    await expect.poll(() => one.core.cache.peek(link.code), { timeout: 5_000, interval: 20 }).toBeUndefined();
    // listening again: the next change arrives by notification
    await expect.poll(async () => {
      await statusOf(one.core, link.code);
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN twoway_link_changed'`);
      return rows[0].n;
    }, { timeout: 5_000, interval: 50 }).toBeGreaterThan(0);
    await setLinkDisabled(a.ctx, link.id, true);
    await expect.poll(() => statusOf(one.core, link.code), { timeout: 2_000, interval: 10 }).toBe(404);
  });
});

describe("repeat clicks across instances", () => {
  async function stored(linkId: string) {
    return (await pool.query<{ id: string; repeatOfId: string | null; isBot: boolean }>(
      `SELECT id, "repeatOfId", "isBot" FROM "Click" WHERE "linkId" = $1 ORDER BY "occurredAt", id`, [linkId])).rows;
  }
  async function daily(linkId: string) {
    const { rows } = await pool.query<{ clicks: number; repeats: number }>(
      `SELECT sum(clicks)::int AS clicks, sum(repeats)::int AS repeats FROM "ClickDaily" WHERE "linkId" = $1`, [linkId]);
    return rows[0];
  }

  it("a visitor's second click on the other instance within 30 min is a repeat of the first, in rows and rollups", async () => {
    let clock = Date.parse("2026-12-01T10:00:00Z");
    const now = () => clock;
    const one = instance(now);
    const two = instance(now);
    const link = await newLink();

    const first = clickIdOf(await one.core.respond(visit(link.code)));
    await one.writer.flush();
    clock += 10 * 60_000;
    // on the other instance: its memory has never seen this visitor; two clicks in one batch
    const second = clickIdOf(await two.core.respond(visit(link.code)));
    clock += 1_000;
    await two.core.respond(visit(link.code));
    // another visitor is counted
    await two.core.respond(visit(link.code, "198.51.100.9"));
    await two.writer.flush();

    const rows = await stored(link.id);
    expect(rows).toHaveLength(4);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first!)!.repeatOfId).toBeNull();
    expect(byId.get(second!)!.repeatOfId).toBe(first);
    expect(rows.filter((r) => r.repeatOfId === first)).toHaveLength(2);
    expect(await daily(link.id)).toEqual({ clicks: 2, repeats: 2 });

    // 31 minutes after the first click the window is over: counted again, on either instance
    clock = Date.parse("2026-12-01T10:31:00Z");
    await one.core.respond(visit(link.code));
    await one.writer.flush();
    expect(await daily(link.id)).toEqual({ clicks: 3, repeats: 2 });
  });

  it("keeps the window from the counted click: a repeat does not extend it", async () => {
    let clock = Date.parse("2026-12-02T10:00:00Z");
    const now = () => clock;
    const one = instance(now);
    const two = instance(now);
    const link = await newLink();

    await one.core.respond(visit(link.code)); // 10:00 counted
    await one.writer.flush();
    clock += 20 * 60_000;
    await two.core.respond(visit(link.code)); // 10:20 repeat of 10:00 (two's memory: counted)
    await two.writer.flush();
    clock += 20 * 60_000;
    await two.core.respond(visit(link.code)); // 10:40: two's memory says repeat of 10:20, but 10:20 is itself a repeat
    await two.writer.flush();
    expect(await daily(link.id)).toEqual({ clicks: 2, repeats: 1 });
  });
});
