// The fallback route app/r/[code]/route.ts (plain `next start`/`next dev`, no custom server),
// called through its exported GET/HEAD with a Web Request against a real database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/r/[code]/route";
import { ClickWriter, processClickWriter } from "@/lib/tracking/click-store";
import { createLinkAsStaff, setLinkDisabled } from "@/lib/links/staff-links";
import { staffLinkInput } from "@/lib/links/schemas";
import { fallbackRedirect } from "@/lib/tracking/fallback";
import { registerClickSink, registeredClickSink, registeredLinkCache } from "@/lib/tracking/registry";
import { poolProgram } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerIn } from "../helpers/partner-fixtures";
import { partnerWithContext } from "../helpers/partner-context";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const APP = "http://app.test";

let pool: pg.Pool;
let writer: ClickWriter;
let owner: Awaited<ReturnType<typeof tenantWithOwner>>;
let partner: Awaited<ReturnType<typeof partnerWithContext>>;
let program: { id: string };

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  // The process's writer, as scripts/server.ts's handler would have registered it: the route must use it.
  writer = new ClickWriter({ db: pool, intervalMs: 60_000 });
  registerClickSink(writer);
  owner = await tenantWithOwner("Route Agency");
  partner = await partnerWithContext(owner.fixture, { name: "Rita Route" });
  program = await poolProgram(owner.fixture, [partner.partnerId], { attributionWindowDays: 14 });
});
afterAll(async () => {
  await writer.close();
  await pool.end();
});

const newLink = (destinationUrl?: string) =>
  createLinkAsStaff(owner.ctx, staffLinkInput.parse({ partnerId: partner.partnerId, programId: program.id, destinationUrl }), APP);
const request = (code: string, headers: Record<string, string> = {}, method = "GET") =>
  new Request(`${APP}/r/${code}`, { method, headers: { "user-agent": CHROME, "x-twoway-client-ip": "198.51.100.7", ...headers } });
const cookieId = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(";")[0].slice(name.length + 1);

describe("GET /r/<code> through the Next route", () => {
  it("redirects with UTM and click id, sets the cookies, and records through the process's one writer", async () => {
    const link = await newLink("https://shop.example/spring?x=1");
    const res = await GET(request(link.code, { "cf-ipcountry": "us", referer: "https://blog.example/p" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://shop.example/spring");
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ x: "1", utm_source: "twoway", utm_medium: "partner", utm_campaign: program.id });
    const clickId = location.searchParams.get("tw_click")!;
    expect(cookieId(res, "tw_lc")).toBe(clickId);
    expect(cookieId(res, "tw_fc")).toBe(clickId);
    expect(res.headers.getSetCookie()[0]).toContain(`Max-Age=${14 * 86400}`);

    expect(registeredClickSink()).toBe(writer);
    expect(writer.pending).toBe(1); // buffered in the shared writer, not a second one
    await writer.flush();
    const [click] = await prisma.click.findMany({ where: { linkId: link.id } });
    expect(click).toMatchObject({ id: clickId, tenantId: owner.fixture.tenantId, partnerId: partner.partnerId, country: "US", referrerHost: "blog.example", device: "desktop", isBot: false });
  });

  it("collapses a repeat and flags bots, like the custom server", async () => {
    const link = await newLink();
    const first = await GET(request(link.code, { "x-twoway-client-ip": "198.51.100.20" }));
    const again = await GET(request(link.code, { "x-twoway-client-ip": "198.51.100.20" }));
    expect(cookieId(again, "tw_lc")).toBe(cookieId(first, "tw_lc"));
    const bot = await GET(request(link.code, { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" }));
    expect(bot.status).toBe(302);
    expect(bot.headers.getSetCookie()).toEqual([]);
    await writer.flush();
    expect((await prisma.clickDaily.findFirstOrThrow({ where: { linkId: link.id } }))).toMatchObject({ clicks: 1, repeats: 1, bots: 1 });
  });

  it("sends a link without a custom destination to the agency board, with UTM", async () => {
    const link = await newLink();
    const location = (await GET(request(link.code))).headers.get("location")!;
    expect(location.startsWith(`${APP}/en/o/${owner.fixture.slug}?utm_source=twoway`)).toBe(true);
    await writer.flush();
  });

  it("HEAD shows the destination and records nothing", async () => {
    const link = await newLink();
    expect(writer.pending).toBe(0);
    const res = await HEAD(request(link.code, {}, "HEAD"));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).not.toContain("tw_click");
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(writer.pending).toBe(0);
  });

  it("unknown codes, disabled links and links of suspended partners get the friendly page", async () => {
    const unknown = await GET(request("nosuchcode", { "accept-language": "ru" }));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("text/html");
    expect(await unknown.text()).toContain("Эта ссылка не работает");

    const suspended = await partnerIn(owner.fixture.tenantId, "suspended");
    const code = `s${randomBytes(5).toString("hex")}`;
    await prisma.trackedLink.create({
      data: { tenantId: owner.fixture.tenantId, partnerId: suspended.id, programId: program.id, code, destinationUrl: "https://shop.example/", sourceMarket: "US", targetMarket: "RU" },
    });
    const res = await GET(request(code));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("This link is not active");
    expect(writer.pending).toBe(0);
  });

  it("a staff disable reaches the route's cache at once", async () => {
    const link = await newLink();
    expect((await GET(request(link.code))).status).toBe(302);
    expect(registeredLinkCache()).toBe(fallbackRedirect().core.cache);
    await setLinkDisabled(owner.ctx, link.id, true);
    expect((await GET(request(link.code))).status).toBe(404);
    await setLinkDisabled(owner.ctx, link.id, false);
    expect((await GET(request(link.code))).status).toBe(302);
  });
});

describe("the process's one click writer", () => {
  it("is the registered writer while it is open; after it closes, one new writer is made and registered", async () => {
    expect(processClickWriter(pool)).toBe(writer);
    const closed = new ClickWriter({ db: pool });
    registerClickSink(closed);
    await closed.close();
    const made = processClickWriter(pool);
    try {
      expect(made).not.toBe(closed);
      expect(made).toBeInstanceOf(ClickWriter);
      expect(registeredClickSink()).toBe(made);
      expect(processClickWriter(pool)).toBe(made);
    } finally {
      await (made as ClickWriter).close();
      registerClickSink(writer);
    }
  });
});
