import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { attributeByClickId } from "@/lib/attribution/resolve-click";
import { FIRST_CLICK_COOKIE, LAST_CLICK_COOKIE } from "@/lib/attribution/click-cookies";
import type { Market } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { refCookieName, signRefCookie } from "@/lib/opportunities/attribution";
import { submitOptIn, type OptInMeta } from "@/lib/opportunities/opt-in";
import { acceptOptIn } from "@/lib/opportunities/review-accept";
import { optInInput } from "@/lib/opportunities/schemas";
import { partnerWithCode, poolProgram, postedOpportunity } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";

const SECRET = "attribution-test-secret-0123456789abcdef";
process.env.AUTH_SECRET = SECRET;

const DAY = 86_400_000;
const MIN = 60_000;
const ago = (ms: number, from = new Date()) => new Date(from.getTime() - ms);

let a: { fixture: TenantFixture; ctx: TenantContext };
let b: { fixture: TenantFixture; ctx: TenantContext };
const p: Record<string, { id: string }> = {};
let lastProgram: { id: string };
let firstProgram: { id: string };
let otherProgram: { id: string };
let lastOpen: { id: string };
let firstOpen: { id: string };
let foreignProgram: { id: string };

/** A tracked link written directly (the redirect server reads these). */
async function linkFor(fixture: TenantFixture, partnerId: string, programId: string) {
  return prisma.trackedLink.create({
    data: {
      tenantId: fixture.tenantId, partnerId, programId, code: randomBytes(4).toString("hex"), destinationUrl: "https://example.test/",
      sourceMarket: "US", targetMarket: "RU",
    },
  });
}

/** A click row as the redirect server stores it. */
async function clickAt(fixture: TenantFixture, partnerId: string, programId: string, occurredAt: Date, extra: { isBot?: boolean; repeatOfId?: string; markets?: [Market, Market] } = {}) {
  const link = await linkFor(fixture, partnerId, programId);
  const [sourceMarket, targetMarket] = extra.markets ?? ["US", "RU"];
  return prisma.click.create({
    data: {
      id: `ck_${randomBytes(10).toString("hex")}`, tenantId: fixture.tenantId, linkId: link.id, partnerId, programId, sourceMarket, targetMarket,
      occurredAt, visitorHash: randomBytes(8).toString("hex"), isBot: extra.isBot ?? false, repeatOfId: extra.repeatOfId ?? null,
    },
  });
}

beforeAll(async () => {
  a = await tenantWithOwner("Click Credit");
  b = await tenantWithOwner("Click Other");
  for (const name of ["alice", "boris", "carol"]) p[name] = await partnerWithCode(a.fixture, `${name[0]}${name[0]}${name[0]}${name[0]}2345`);
  p.suspended = await partnerWithCode(a.fixture, "ssss2345", "suspended");
  p.foreign = await partnerWithCode(b.fixture, "ffff2345");
  const enrolled = [p.alice.id, p.boris.id, p.carol.id, p.suspended.id];
  lastProgram = await poolProgram(a.fixture, enrolled, { attributionWindowDays: 30 });
  firstProgram = await poolProgram(a.fixture, enrolled, { attributionModel: "first_click", attributionWindowDays: 14 });
  otherProgram = await poolProgram(a.fixture, enrolled, { attributionWindowDays: 30 });
  foreignProgram = await poolProgram(b.fixture, [p.foreign.id], { attributionWindowDays: 30 });
  lastOpen = await postedOpportunity(a.fixture, lastProgram.id);
  firstOpen = await postedOpportunity(a.fixture, firstProgram.id);
});

describe("attributeByClickId", () => {
  it("resolves a human click inside the window to its partner, program, link and markets", async () => {
    const at = new Date();
    const click = await clickAt(a.fixture, p.alice.id, lastProgram.id, ago(29 * DAY, at), { markets: ["RU", "US"] });
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, click.id, at)).toEqual({
      clickId: click.id, partnerId: p.alice.id, programId: lastProgram.id, linkId: click.linkId, sourceMarket: "RU", targetMarket: "US", clickedAt: click.occurredAt,
    });
  });

  it("ignores a click older than the program's window", async () => {
    const at = new Date();
    const old = await clickAt(a.fixture, p.alice.id, lastProgram.id, ago(31 * DAY, at));
    const oldForFirst = await clickAt(a.fixture, p.alice.id, firstProgram.id, ago(15 * DAY, at));
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, old.id, at)).toBeNull();
    // 15 days is inside 30 but outside the other program's 14.
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, oldForFirst.id, at)).toBeNull();
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, oldForFirst.id, ago(2 * DAY, at))).not.toBeNull();
  });

  it("ignores a bot click", async () => {
    const bot = await clickAt(a.fixture, p.alice.id, lastProgram.id, ago(DAY), { isBot: true });
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, bot.id, new Date())).toBeNull();
  });

  it("resolves a repeat to the click it repeats", async () => {
    const counted = await clickAt(a.fixture, p.boris.id, lastProgram.id, ago(2 * DAY));
    const repeat = await clickAt(a.fixture, p.boris.id, lastProgram.id, ago(2 * DAY - 10 * MIN), { repeatOfId: counted.id });
    const result = await attributeByClickId(a.ctx.db, a.fixture.tenantId, repeat.id, new Date());
    expect(result).toMatchObject({ clickId: counted.id, partnerId: p.boris.id, clickedAt: counted.occurredAt });
  });

  it("ignores another tenant's click id, even with that tenant's id passed alongside the wrong client", async () => {
    const foreign = await clickAt(b.fixture, p.foreign.id, foreignProgram.id, ago(DAY));
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, foreign.id, new Date())).toBeNull();
    expect(await attributeByClickId(a.ctx.db, b.fixture.tenantId, foreign.id, new Date())).toBeNull();
    // The same id is valid for its own tenant.
    expect(await attributeByClickId(b.ctx.db, b.fixture.tenantId, foreign.id, new Date())).toMatchObject({ partnerId: p.foreign.id });
  });

  it("ignores a click of a partner who is no longer active", async () => {
    const click = await clickAt(a.fixture, p.suspended.id, lastProgram.id, ago(DAY));
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, click.id, new Date())).toBeNull();
  });

  it("ignores a click after the event, beyond five minutes of clock skew", async () => {
    const at = new Date();
    const future = await clickAt(a.fixture, p.alice.id, lastProgram.id, new Date(at.getTime() + 10 * MIN));
    const skewed = await clickAt(a.fixture, p.alice.id, lastProgram.id, new Date(at.getTime() + 3 * MIN));
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, future.id, at)).toBeNull();
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, skewed.id, at)).toMatchObject({ clickId: skewed.id });
  });

  it("answers null for unknown or absurd ids", async () => {
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, "ck_missing", new Date())).toBeNull();
    expect(await attributeByClickId(a.ctx.db, a.fixture.tenantId, "x".repeat(500), new Date())).toBeNull();
  });
});

function form() {
  return optInInput.parse({
    kind: "creator", name: "Jess Glow", market: "US", country: "US", website: "",
    platforms: [{ platform: "tiktok", handle: `@jess${randomBytes(2).toString("hex")}`, audienceSize: "40000" }],
    contactName: "Jess", contactEmail: `jess-${randomBytes(4).toString("hex")}@glow.test`, pitch: "US beauty creator.", consent: "yes",
  });
}

const meta = (cookies: Record<string, string>): OptInMeta => ({ locale: "en", ip: "198.51.100.9", cookies: { get: (n) => (n in cookies ? { value: cookies[n] } : undefined) } });
const shareCookie = (code: string, at: Date) => ({ [refCookieName(a.fixture.slug)]: signRefCookie(a.fixture.slug, { code, issuedAt: Math.floor(at.getTime() / 1000) }, SECRET) });
const codeOf = async (partnerId: string) => (await prisma.partner.findUniqueOrThrow({ where: { id: partnerId } })).refCode!;

async function optInWith(cookies: Record<string, string>, opportunityId = lastOpen.id) {
  const input = form();
  expect(await submitOptIn({ slug: a.fixture.slug, opportunityId }, input, meta(cookies))).toBe("received");
  return prisma.optIn.findFirstOrThrow({ where: { contactEmail: input.contactEmail }, select: { id: true, partnerId: true, clickId: true } });
}

describe("opt-in attribution through click cookies", () => {
  it("credits the last click's partner under last click, and the first click's under first click", async () => {
    const aliceFirst = await clickAt(a.fixture, p.alice.id, lastProgram.id, ago(5 * DAY));
    const borisLast = await clickAt(a.fixture, p.boris.id, lastProgram.id, ago(1 * DAY));
    expect(await optInWith({ [FIRST_CLICK_COOKIE]: aliceFirst.id, [LAST_CLICK_COOKIE]: borisLast.id })).toMatchObject({ partnerId: p.boris.id, clickId: borisLast.id });

    const aliceFirstF = await clickAt(a.fixture, p.alice.id, firstProgram.id, ago(5 * DAY));
    const borisLastF = await clickAt(a.fixture, p.boris.id, firstProgram.id, ago(1 * DAY));
    expect(await optInWith({ [FIRST_CLICK_COOKIE]: aliceFirstF.id, [LAST_CLICK_COOKIE]: borisLastF.id }, firstOpen.id)).toMatchObject({ partnerId: p.alice.id, clickId: aliceFirstF.id });
  });

  it("drops a first click outside the window and falls back to the one inside", async () => {
    const stale = await clickAt(a.fixture, p.alice.id, firstProgram.id, ago(20 * DAY));
    const fresh = await clickAt(a.fixture, p.boris.id, firstProgram.id, ago(2 * DAY));
    expect(await optInWith({ [FIRST_CLICK_COOKIE]: stale.id, [LAST_CLICK_COOKIE]: fresh.id }, firstOpen.id)).toMatchObject({ partnerId: p.boris.id, clickId: fresh.id });
  });

  it("leaves the opt-in unattributed when every click is outside the window", async () => {
    const stale = await clickAt(a.fixture, p.alice.id, lastProgram.id, ago(40 * DAY));
    expect(await optInWith({ [FIRST_CLICK_COOKIE]: stale.id, [LAST_CLICK_COOKIE]: stale.id })).toMatchObject({ partnerId: null, clickId: null });
  });

  it("does not credit a click of another program, a bot click, or another tenant's click", async () => {
    const other = await clickAt(a.fixture, p.alice.id, otherProgram.id, ago(DAY));
    const bot = await clickAt(a.fixture, p.boris.id, lastProgram.id, ago(DAY), { isBot: true });
    const foreign = await clickAt(b.fixture, p.foreign.id, foreignProgram.id, ago(DAY));
    expect(await optInWith({ [FIRST_CLICK_COOKIE]: other.id, [LAST_CLICK_COOKIE]: bot.id })).toMatchObject({ partnerId: null, clickId: null });
    expect(await optInWith({ [LAST_CLICK_COOKIE]: foreign.id })).toMatchObject({ partnerId: null, clickId: null });
  });

  it("picks between a share cookie and a click by time, per the program's model", async () => {
    const carolCode = await codeOf(p.carol.id);
    // Last click: a share visit 1 day ago beats a click 3 days ago; a click 1 hour ago beats it.
    const older = await clickAt(a.fixture, p.alice.id, lastProgram.id, ago(3 * DAY));
    expect(await optInWith({ ...shareCookie(carolCode, ago(DAY)), [LAST_CLICK_COOKIE]: older.id })).toMatchObject({ partnerId: p.carol.id, clickId: null });
    const newer = await clickAt(a.fixture, p.alice.id, lastProgram.id, ago(60 * MIN));
    expect(await optInWith({ ...shareCookie(carolCode, ago(DAY)), [LAST_CLICK_COOKIE]: newer.id })).toMatchObject({ partnerId: p.alice.id, clickId: newer.id });
    // First click: the older of the two wins, whichever kind it is.
    const firstClick = await clickAt(a.fixture, p.alice.id, firstProgram.id, ago(3 * DAY));
    expect(await optInWith({ ...shareCookie(carolCode, ago(DAY)), [FIRST_CLICK_COOKIE]: firstClick.id }, firstOpen.id)).toMatchObject({ partnerId: p.alice.id, clickId: firstClick.id });
    const laterClick = await clickAt(a.fixture, p.alice.id, firstProgram.id, ago(60 * MIN));
    expect(await optInWith({ ...shareCookie(carolCode, ago(DAY)), [FIRST_CLICK_COOKIE]: laterClick.id }, firstOpen.id)).toMatchObject({ partnerId: p.carol.id, clickId: null });
  });

  it("does not credit a partner no longer enrolled in the program", async () => {
    const dana = await partnerWithCode(a.fixture, "dddd2345");
    const program = await poolProgram(a.fixture, [dana.id]);
    const opportunity = await postedOpportunity(a.fixture, program.id);
    const click = await clickAt(a.fixture, dana.id, program.id, ago(DAY));
    await prisma.programPartner.deleteMany({ where: { programId: program.id, partnerId: dana.id } });
    expect(await optInWith({ [LAST_CLICK_COOKIE]: click.id }, opportunity.id)).toMatchObject({ partnerId: null, clickId: null });
  });

  it("carries the click id onto the referral when the opt-in is accepted", async () => {
    const click = await clickAt(a.fixture, p.boris.id, lastProgram.id, ago(2 * DAY));
    const optIn = await optInWith({ [LAST_CLICK_COOKIE]: click.id });
    expect(optIn).toMatchObject({ partnerId: p.boris.id, clickId: click.id });
    const { referralId } = await acceptOptIn(a.ctx, { opportunityId: lastOpen.id, optInId: optIn.id }, null, { appUrl: "http://app.test" });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({ partnerId: p.boris.id, clickId: click.id });
  });
});
