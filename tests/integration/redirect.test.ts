// The /r/<code> handler end to end over real HTTP and a real database: redirect, cookies, the
// stored click and its rollup, repeat collapse, bots, the friendly page, the cache, no lost clicks.
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ClickWriter } from "@/lib/tracking/click-store";
import { createLinkLookup } from "@/lib/tracking/link-lookup";
import { createLinkAsPartner, disableOwnLink } from "@/lib/links/partner-links";
import { linkDestinationInput, staffLinkInput } from "@/lib/links/schemas";
import { createLinkAsStaff, setLinkDisabled, updateLinkDestination } from "@/lib/links/staff-links";
import { createRedirectHandler, isTrackedLinkRequest, type RedirectHandlerOptions } from "@/lib/tracking/handler";
import { invalidateAllTrackedLinks, registeredLinkCache } from "@/lib/tracking/registry";
import { poolProgram } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import { createTenantFixture, prisma } from "../helpers/db";
import { partnerIn, programIn } from "../helpers/partner-fixtures";
import { partnerWithContext } from "../helpers/partner-context";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

let pool: pg.Pool;
const running: { server: Server; writer: ClickWriter }[] = [];

beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
});
afterEach(async () => {
  for (const { server, writer } of running.splice(0)) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await writer.close();
  }
});
afterAll(() => pool.end());

type PartnerStatus = Parameters<typeof partnerIn>[1];

async function linkFixture(options: {
  tenantId?: string; windowDays?: number; destination?: string; refCode?: string | null; disabled?: boolean;
  partnerStatus?: PartnerStatus; programArchived?: boolean;
} = {}) {
  const tenantId = options.tenantId ?? (await createTenantFixture("Redirect Agency")).tenantId;
  const program = await programIn(tenantId, { archived: options.programArchived });
  await prisma.program.update({ where: { id: program.id }, data: { attributionWindowDays: options.windowDays ?? 30 } });
  const partner = await partnerIn(tenantId, options.partnerStatus ?? "active");
  const refCode = options.refCode === undefined ? `ref${randomBytes(3).toString("hex")}` : options.refCode;
  await prisma.partner.update({ where: { id: partner.id }, data: { refCode } });
  const link = await prisma.trackedLink.create({
    data: {
      tenantId,
      partnerId: partner.id,
      programId: program.id,
      code: `t${randomBytes(5).toString("hex")}`,
      destinationUrl: options.destination ?? "https://shop.example/landing?lang=ru#offer",
      sourceMarket: "US",
      targetMarket: "RU",
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  return { tenantId, program, partner, refCode, link };
}

async function startServer(overrides: Partial<RedirectHandlerOptions> & { writer?: ClickWriter } = {}) {
  const writer = overrides.writer ?? new ClickWriter({ db: pool, intervalMs: 60_000 });
  const handler = createRedirectHandler({ lookup: createLinkLookup(pool), sink: writer, secret: "test-salt", trustProxy: true, ...overrides });
  const server = createServer((req, res) => {
    if (isTrackedLinkRequest(req)) return handler.handle(req, res);
    res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  running.push({ server, writer });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const hit = (code: string, headers: Record<string, string> = {}, method = "GET") =>
    fetch(`${base}/r/${code}`, { redirect: "manual", method, headers: { "user-agent": CHROME, ...headers } });
  return { base, hit, handler, writer };
}

const setCookies = (res: Response) => res.headers.getSetCookie();
const cookieId = (res: Response, name: string) =>
  setCookies(res)
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0]
    .slice(name.length + 1);

const clicksOf = (linkId: string) => prisma.click.findMany({ where: { linkId }, orderBy: { occurredAt: "asc" } });
const dailyOf = (linkId: string) => prisma.clickDaily.findMany({ where: { linkId } });

describe("GET /r/<code> for a live link", () => {
  it("redirects with UTM and click id, sets both cookies and stores the click with its details", async () => {
    const { link, program, partner, refCode } = await linkFixture({ windowDays: 45 });
    const { hit, writer } = await startServer();
    const res = await hit(link.code, {
      "cf-ipcountry": "ru",
      referer: "https://Blog.Partner.example/post/1?secret=x",
      "user-agent": IPHONE,
      "x-forwarded-for": "198.51.100.1",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://shop.example/landing");
    expect(location.hash).toBe("#offer");
    expect(location.searchParams.get("lang")).toBe("ru");
    expect(location.searchParams.get("utm_source")).toBe("twoway");
    expect(location.searchParams.get("utm_medium")).toBe("partner");
    expect(location.searchParams.get("utm_campaign")).toBe(program.id);
    expect(location.searchParams.get("utm_content")).toBe(refCode);
    const clickId = location.searchParams.get("tw_click")!;
    expect(clickId).toMatch(/^[A-Za-z0-9_-]{16}$/);

    expect(cookieId(res, "tw_lc")).toBe(clickId);
    expect(cookieId(res, "tw_fc")).toBe(clickId);
    for (const cookie of setCookies(res)) {
      expect(cookie).toContain("Path=/");
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
      expect(cookie).toContain(`Max-Age=${45 * 86400}`);
      expect(cookie).not.toContain("Secure");
    }

    expect(await clicksOf(link.id)).toHaveLength(0); // nothing awaited the database
    await writer.flush();
    const [click] = await clicksOf(link.id);
    expect(click).toMatchObject({
      id: clickId,
      tenantId: link.tenantId,
      partnerId: partner.id,
      programId: program.id,
      sourceMarket: "US",
      targetMarket: "RU",
      country: "RU",
      referrerHost: "blog.partner.example",
      device: "mobile",
      isBot: false,
      repeatOfId: null,
    });
    expect(click.visitorHash).toMatch(/^[0-9a-f]{32}$/);
    expect(Math.abs(click.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [daily] = await dailyOf(link.id);
    expect(daily).toMatchObject({ tenantId: link.tenantId, clicks: 1, repeats: 0, bots: 0, partnerId: partner.id });
    expect(daily.day.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  });

  it("uses the partner id in utm_content when the partner has no ref code, and marks https cookies Secure", async () => {
    const { link, partner } = await linkFixture({ refCode: null });
    const { hit } = await startServer();
    const res = await hit(link.code, { "x-forwarded-proto": "https" });
    expect(new URL(res.headers.get("location")!).searchParams.get("utm_content")).toBe(partner.id);
    expect(setCookies(res).every((c) => c.includes("; Secure"))).toBe(true);
  });

  it("collapses a repeat within 30 minutes into the counted click; other visitors count", async () => {
    const { link } = await linkFixture();
    let t = Date.parse("2026-11-27T10:00:00Z");
    const { hit, writer } = await startServer({ now: () => t });
    const visitor = { "x-forwarded-for": "203.0.113.5" };
    const first = await hit(link.code, visitor);
    t += 10 * 60_000;
    const again = await hit(link.code, { ...visitor, cookie: `tw_fc=${cookieId(first, "tw_fc")}` });
    const countedId = cookieId(first, "tw_lc")!;
    expect(cookieId(again, "tw_lc")).toBe(countedId);
    expect(new URL(again.headers.get("location")!).searchParams.get("tw_click")).toBe(countedId);

    await hit(link.code, { ...visitor, "user-agent": IPHONE }); // same IP, other browser
    await hit(link.code, { "x-forwarded-for": "203.0.113.6" }); // other IP
    t += 31 * 60_000;
    await hit(link.code, visitor); // outside the window: counted again
    await writer.flush();

    const clicks = await clicksOf(link.id);
    expect(clicks).toHaveLength(5);
    const repeats = clicks.filter((c) => c.repeatOfId);
    expect(repeats).toHaveLength(1);
    expect(repeats[0].repeatOfId).toBe(countedId);
    expect(repeats[0].id).not.toBe(countedId);
    const [daily] = await dailyOf(link.id);
    expect(daily).toMatchObject({ clicks: 4, repeats: 1, bots: 0 });
  });

  it("records bots flagged, without cookies, and counts them apart", async () => {
    const { link } = await linkFixture();
    const { hit, writer } = await startServer();
    const res = await hit(link.code, { "user-agent": GOOGLEBOT });
    expect(res.status).toBe(302);
    expect(setCookies(res)).toEqual([]);
    const noUa = await fetch(res.url, { redirect: "manual", headers: { "user-agent": "" } });
    expect(noUa.status).toBe(302);
    await writer.flush();
    const clicks = await clicksOf(link.id);
    expect(clicks.map((c) => [c.isBot, c.device])).toEqual([
      [true, "bot"],
      [true, "bot"],
    ]);
    expect((await dailyOf(link.id))[0]).toMatchObject({ clicks: 0, repeats: 0, bots: 2 });
  });

  it("keeps an existing first-click cookie and only refreshes the last click", async () => {
    const { link } = await linkFixture();
    const { hit } = await startServer();
    const res = await hit(link.code, { cookie: "twoway_locale=ru; tw_fc=EARLIERCLICK0001" });
    expect(cookieId(res, "tw_fc")).toBeUndefined();
    expect(cookieId(res, "tw_lc")).toBe(new URL(res.headers.get("location")!).searchParams.get("tw_click"));
  });

  it("answers HEAD with the destination but records nothing", async () => {
    const { link } = await linkFixture();
    const { hit, writer } = await startServer();
    const res = await hit(link.code, {}, "HEAD");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("utm_source=twoway");
    expect(res.headers.get("location")).not.toContain("tw_click");
    expect(setCookies(res)).toEqual([]);
    await writer.flush();
    expect(await clicksOf(link.id)).toHaveLength(0);
  });
});

describe("links that do not redirect", () => {
  it("unknown codes get the friendly page, in Russian for Russian readers", async () => {
    const { hit } = await startServer();
    const ru = await hit("nosuchcode", { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" });
    expect(ru.status).toBe(404);
    expect(ru.headers.get("content-type")).toContain("text/html");
    const ruBody = await ru.text();
    expect(ruBody).toContain('lang="ru"');
    expect(ruBody).toContain("Эта ссылка не работает");

    const en = await hit("nosuchcode", { "accept-language": "en-US" });
    expect(en.status).toBe(404);
    expect(await en.text()).toContain("This link is not active");

    const cookie = await hit("nosuchcode", { "accept-language": "en-US", cookie: "twoway_locale=ru" });
    expect(await cookie.text()).toContain("Эта ссылка не работает");
  });

  it("odd codes never reach the database and never show an error", async () => {
    let lookups = 0;
    const { base } = await startServer({ lookup: async () => (lookups++, null) });
    for (const path of ["/r/", "/r/a%20b", "/r/..%2F..%2Fetc", "/r/a/b", `/r/${"x".repeat(65)}`, "/r/<script>"]) {
      const res = await fetch(base + path, { redirect: "manual" });
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain("This link is not active");
    }
    expect(lookups).toBe(0);
  });

  it("a disabled link shows the friendly page and records no click", async () => {
    const { link } = await linkFixture({ disabled: true });
    const { hit, writer } = await startServer();
    const res = await hit(link.code);
    expect(res.status).toBe(404);
    expect(setCookies(res)).toEqual([]);
    await writer.flush();
    expect(await clicksOf(link.id)).toHaveLength(0);
  });

  it.each(["suspended", "removed", "invited", "applied", "declined"] as const)(
    "a link of a %s partner gets the friendly page and records no click",
    async (status) => {
      const { link } = await linkFixture({ partnerStatus: status });
      const { hit, writer } = await startServer();
      const res = await hit(link.code, { "accept-language": "en" });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("This link is not active");
      expect(setCookies(res)).toEqual([]);
      await writer.flush();
      expect(await clicksOf(link.id)).toHaveLength(0);
    },
  );

  it("a link of an archived program gets the friendly page and records no click", async () => {
    const { link } = await linkFixture({ programArchived: true });
    const { hit, writer } = await startServer();
    const res = await hit(link.code);
    expect(res.status).toBe(404);
    expect(setCookies(res)).toEqual([]);
    expect((await hit(link.code, {}, "HEAD")).status).toBe(404);
    await writer.flush();
    expect(await clicksOf(link.id)).toHaveLength(0);
  });

  it("a live link stops once its partner is suspended or its program archived, and works again when restored", async () => {
    const { link, partner, program } = await linkFixture();
    const { hit } = await startServer();
    expect((await hit(link.code)).status).toBe(302);
    await prisma.partner.update({ where: { id: partner.id }, data: { status: "suspended" } });
    invalidateAllTrackedLinks();
    expect((await hit(link.code)).status).toBe(404);
    await prisma.partner.update({ where: { id: partner.id }, data: { status: "active" } });
    await prisma.program.update({ where: { id: program.id }, data: { archivedAt: new Date() } });
    invalidateAllTrackedLinks();
    expect((await hit(link.code)).status).toBe(404);
    await prisma.program.update({ where: { id: program.id }, data: { archivedAt: null } });
    invalidateAllTrackedLinks();
    expect((await hit(link.code)).status).toBe(302);
  });

  it("a destination that is not http(s) never redirects", async () => {
    const { link } = await linkFixture({ destination: "javascript:alert(1)" });
    const { hit } = await startServer();
    expect((await hit(link.code)).status).toBe(404);
  });

  it("a database failure gives a 503 friendly page without details, and is not cached", async () => {
    const { link } = await linkFixture();
    let down = true;
    const lookup = createLinkLookup(pool);
    const logged: string[] = [];
    const { hit } = await startServer({
      lookup: (code) => (down ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) : lookup(code)),
      log: (m) => logged.push(m),
    });
    const res = await hit(link.code, { "accept-language": "ru" });
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(body).toContain("Не удалось открыть ссылку");
    expect(body).not.toContain("ECONNREFUSED");
    expect(logged).toHaveLength(1);
    down = false;
    expect((await hit(link.code)).status).toBe(302);
  });
});

describe("link cache", () => {
  it("a disabled link keeps redirecting until invalidation, then stops", async () => {
    const { link } = await linkFixture();
    const { hit, handler } = await startServer();
    expect((await hit(link.code)).status).toBe(302);
    await prisma.trackedLink.update({ where: { id: link.id }, data: { disabledAt: new Date() } });
    expect((await hit(link.code)).status).toBe(302); // served from memory
    handler.cache.invalidate(link.code);
    expect((await hit(link.code)).status).toBe(404);
  });

  it("expires after the TTL without invalidation", async () => {
    const { link } = await linkFixture();
    const { hit } = await startServer({ cacheTtlMs: 100 });
    expect((await hit(link.code)).status).toBe(302);
    await prisma.trackedLink.update({ where: { id: link.id }, data: { disabledAt: new Date() } });
    await new Promise((r) => setTimeout(r, 150));
    expect((await hit(link.code)).status).toBe(404);
  });
});

describe("immediate invalidation through lib/links (same process, no TTL wait)", () => {
  // The default TTL (30 s) stays in force: only the invalidation can explain the change.
  async function staffSetup() {
    const owner = await tenantWithOwner("Invalidation Agency");
    const partner = await partnerWithContext(owner.fixture, { name: "Ina Valid" });
    const program = await poolProgram(owner.fixture, [partner.partnerId]);
    return { owner, partner, program };
  }

  it("registers the handler's cache as the process's link cache", async () => {
    const { handler } = await startServer();
    expect(registeredLinkCache()).toBe(handler.cache);
  });

  it("staff disable → the next request gets the friendly page; enable → it redirects again", async () => {
    const { owner, partner, program } = await staffSetup();
    const link = await createLinkAsStaff(owner.ctx, staffLinkInput.parse({ partnerId: partner.partnerId, programId: program.id, destinationUrl: "https://shop.example/a" }), "http://app.test");
    const { hit, writer } = await startServer();
    expect((await hit(link.code)).status).toBe(302);
    await setLinkDisabled(owner.ctx, link.id, true);
    const res = await hit(link.code);
    expect(res.status).toBe(404);
    expect(setCookies(res)).toEqual([]);
    await setLinkDisabled(owner.ctx, link.id, false);
    expect((await hit(link.code)).status).toBe(302);
    await writer.flush();
    expect(await clicksOf(link.id)).toHaveLength(2); // the friendly page stored nothing
  });

  it("a partner disabling their own link stops it at once", async () => {
    const { owner, partner, program } = await staffSetup();
    const link = await createLinkAsPartner(partner.ctx, { programId: program.id, label: null }, "http://app.test");
    const { hit } = await startServer();
    expect((await hit(link.code)).status).toBe(302);
    await disableOwnLink(partner.ctx, link.id);
    expect((await hit(link.code)).status).toBe(404);
    expect(owner.fixture.tenantId).toBe(link.tenantId);
  });

  it("a staff edit of the destination is served by the next request", async () => {
    const { owner, partner, program } = await staffSetup();
    const link = await createLinkAsStaff(owner.ctx, staffLinkInput.parse({ partnerId: partner.partnerId, programId: program.id, destinationUrl: "https://shop.example/old" }), "http://app.test");
    const { hit } = await startServer();
    expect(new URL((await hit(link.code)).headers.get("location")!).pathname).toBe("/old");
    await updateLinkDestination(owner.ctx, link.id, linkDestinationInput.parse({ destinationUrl: "https://shop.example/new", label: "" }), "http://app.test");
    expect(new URL((await hit(link.code)).headers.get("location")!).pathname).toBe("/new");
  });

  it("without invalidation the cached answer would have stayed (the test can fail)", async () => {
    const { owner, partner, program } = await staffSetup();
    const link = await createLinkAsStaff(owner.ctx, staffLinkInput.parse({ partnerId: partner.partnerId, programId: program.id }), "http://app.test");
    const { hit } = await startServer({ register: false });
    expect((await hit(link.code)).status).toBe(302);
    await setLinkDisabled(owner.ctx, link.id, true); // invalidates the registered cache, not this one
    expect((await hit(link.code)).status).toBe(302);
  });
});

describe("no lost clicks", () => {
  it("N concurrent requests, then close(): exactly N rows and N in the rollup", async () => {
    const { link } = await linkFixture();
    const writer = new ClickWriter({ db: pool }); // real schedule: 500 rows or 200 ms
    const { hit } = await startServer({ writer });
    const N = 1200;
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) => hit(link.code, { "x-forwarded-for": `10.1.${i >> 8}.${i & 255}` })),
    );
    expect(responses.every((r) => r.status === 302)).toBe(true);
    await writer.close();
    expect(await prisma.click.count({ where: { linkId: link.id } })).toBe(N);
    const [daily] = await dailyOf(link.id);
    expect(daily.clicks + daily.repeats + daily.bots).toBe(N);
    expect(daily.clicks).toBe(N);
  });

  it("clicks buffered while the database refuses are written on retry", async () => {
    const { link } = await linkFixture();
    let failures = 0;
    const flaky = {
      query: ((...args: Parameters<pg.Pool["query"]>) => {
        if (failures++ === 0) return Promise.reject(new Error("the database system is starting up"));
        return (pool.query as (...a: unknown[]) => unknown)(...args);
      }) as pg.Pool["query"],
    };
    const logged: string[] = [];
    const writer = new ClickWriter({ db: flaky, intervalMs: 20, log: (m) => logged.push(m) });
    const { hit } = await startServer({ writer });
    for (let i = 0; i < 5; i++) expect((await hit(link.code, { "x-forwarded-for": `10.2.0.${i}` })).status).toBe(302);
    for (let i = 0; i < 100 && writer.pending > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(writer.pending).toBe(0);
    expect(writer.getStats()).toMatchObject({ failures: 1, written: 5, dropped: 0 });
    expect(logged[0]).toContain("click flush failed");
    expect(await prisma.click.count({ where: { linkId: link.id } })).toBe(5);
    expect((await dailyOf(link.id))[0].clicks).toBe(5);
  });
});

describe("tenant isolation of clicks and rollups", () => {
  it("each tenant's clicks and ClickDaily rows carry its own tenant", async () => {
    const a = await linkFixture();
    const b = await linkFixture();
    const { hit, writer } = await startServer();
    await hit(a.link.code, { "x-forwarded-for": "192.0.2.1" });
    await hit(a.link.code, { "x-forwarded-for": "192.0.2.2" });
    await hit(b.link.code, { "x-forwarded-for": "192.0.2.1" });
    await writer.flush();
    expect(await prisma.click.count({ where: { tenantId: a.tenantId } })).toBe(2);
    expect(await prisma.click.count({ where: { tenantId: b.tenantId } })).toBe(1);
    const rollA = await prisma.clickDaily.findMany({ where: { tenantId: a.tenantId } });
    const rollB = await prisma.clickDaily.findMany({ where: { tenantId: b.tenantId } });
    expect(rollA.map((r) => [r.linkId, r.clicks])).toEqual([[a.link.id, 2]]);
    expect(rollB.map((r) => [r.linkId, r.clicks])).toEqual([[b.link.id, 1]]);
    // Same visitor on two tenants' links: not a repeat across links.
    expect(rollB[0].repeats).toBe(0);
  });
});
