import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { isLinkCode, trackedLinkUrl } from "@/lib/links/codes";
import { clickWindowStart, listLinks, listOwnLinks } from "@/lib/links/list-links";
import { createLinkAsPartner, disableOwnLink } from "@/lib/links/partner-links";
import { linkDestinationInput, linkListQuery, staffLinkInput } from "@/lib/links/schemas";
import { createLinkAsStaff, setLinkDisabled, updateLinkDestination } from "@/lib/links/staff-links";
import { LinkCache } from "@/lib/tracking/link-cache";
import { registerLinkCache } from "@/lib/tracking/registry";
import { poolProgram, postedOpportunity } from "../helpers/board";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerIn } from "../helpers/partner-fixtures";
import { partnerWithContext } from "../helpers/partner-context";

const APP = "http://app.test";
const DAY = 86_400_000;

let a: { fixture: TenantFixture; ctx: TenantContext };
let b: { fixture: TenantFixture; ctx: TenantContext };
let alice: Awaited<ReturnType<typeof partnerWithContext>>;
let boris: Awaited<ReturnType<typeof partnerWithContext>>;
let outsider: Awaited<ReturnType<typeof partnerWithContext>>;
let program: { id: string };
let otherProgram: { id: string };
let opportunity: { id: string };
let foreignOpportunity: { id: string };

const staffInput = (overrides: Record<string, unknown> = {}) => staffLinkInput.parse({ partnerId: alice.partnerId, programId: program.id, ...overrides });
const query = (overrides: Record<string, string> = {}) => linkListQuery.parse({ status: "all", ...overrides });

beforeAll(async () => {
  a = await tenantWithOwner("Links Agency");
  b = await tenantWithOwner("Links Other");
  alice = await partnerWithContext(a.fixture, { name: "Alice Walker", market: "US" });
  boris = await partnerWithContext(a.fixture, { name: "Борис Орлов", market: "RU", locale: "ru" });
  outsider = await partnerWithContext(a.fixture, { name: "Not Enrolled", market: "US" });
  program = await poolProgram(a.fixture, [alice.partnerId, boris.partnerId]);
  otherProgram = await poolProgram(a.fixture, [alice.partnerId]);
  opportunity = await postedOpportunity(a.fixture, program.id, { sourceMarket: "RU", targetMarket: "US" });
  foreignOpportunity = await postedOpportunity(a.fixture, otherProgram.id);
});

describe("creating a link", () => {
  it("gives a program link an 8-character code, the agency board in the partner's language, and the other market", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput({ partnerId: boris.partnerId, label: "Telegram bio" }), APP);
    expect(isLinkCode(link.code)).toBe(true);
    expect(link).toMatchObject({ tenantId: a.fixture.tenantId, destinationUrl: `${APP}/ru/o/${a.fixture.slug}`, sourceMarket: "RU", targetMarket: "US", label: "Telegram bio", disabledAt: null });
    expect(trackedLinkUrl(APP, link.code)).toBe(`${APP}/r/${link.code}`);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: link.id } });
    expect(audit).toMatchObject({ action: "link.created", actorUserId: a.ctx.userId });
  });

  it("gives an opportunity link the opportunity's page and the pair of the referrals it brings", async () => {
    // RU brand seeks US creators (RU → US): an applicant becomes a US → RU referral, so the link counts there.
    const link = await createLinkAsStaff(a.ctx, staffInput({ opportunityId: opportunity.id, targetMarket: "KZ" }), APP);
    expect(link).toMatchObject({ opportunityId: opportunity.id, destinationUrl: `${APP}/en/o/${a.fixture.slug}/${opportunity.id}`, sourceMarket: "US", targetMarket: "RU" });
  });

  it("takes a chosen target market only when the agency has it enabled", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput({ targetMarket: "US" }), APP);
    expect(link).toMatchObject({ sourceMarket: "US", targetMarket: "US" });
    await expect(createLinkAsStaff(a.ctx, staffInput({ targetMarket: "KZ" }), APP)).rejects.toMatchObject({ code: "links.market_not_enabled" });
  });

  it("refuses a partner who is not enrolled, or not active", async () => {
    await expect(createLinkAsStaff(a.ctx, staffInput({ partnerId: outsider.partnerId }), APP)).rejects.toMatchObject({ code: "links.not_enrolled" });
    await expect(createLinkAsPartner(outsider.ctx, { programId: program.id, label: null }, APP)).rejects.toMatchObject({ code: "links.not_enrolled" });
    const suspended = await partnerIn(a.fixture.tenantId, "suspended");
    await prisma.programPartner.create({ data: { tenantId: a.fixture.tenantId, programId: program.id, partnerId: suspended.id } });
    await expect(createLinkAsStaff(a.ctx, staffInput({ partnerId: suspended.id }), APP)).rejects.toMatchObject({ code: "links.partner_inactive" });
  });

  it("refuses an opportunity of another program, and one that is not open", async () => {
    await expect(createLinkAsStaff(a.ctx, staffInput({ opportunityId: foreignOpportunity.id }), APP)).rejects.toMatchObject({ code: "links.opportunity_not_in_program" });
    const closed = await postedOpportunity(a.fixture, program.id, { status: "closed" });
    await expect(createLinkAsStaff(a.ctx, staffInput({ opportunityId: closed.id }), APP)).rejects.toMatchObject({ code: "links.opportunity_not_open" });
  });

  it("accepts a custom http(s) destination from staff and refuses anything else", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput({ destinationUrl: "https://shop.example.com/spring?x=1" }), APP);
    expect(link.destinationUrl).toBe("https://shop.example.com/spring?x=1");
    for (const bad of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "ftp://files.example.com", "example.com", `https://x.test/${"a".repeat(2000)}`]) {
      expect(staffLinkInput.safeParse({ partnerId: "p", programId: "q", destinationUrl: bad }).success, bad).toBe(false);
    }
    expect(staffLinkInput.parse({ partnerId: "p", programId: "q", destinationUrl: "" }).destinationUrl).toBeUndefined();
  });

  it("lets a partner create their own link, always to the agency board", async () => {
    const link = await createLinkAsPartner(alice.ctx, { programId: program.id, opportunityId: opportunity.id, label: "IG story" }, APP);
    expect(link).toMatchObject({ partnerId: alice.partnerId, destinationUrl: `${APP}/en/o/${a.fixture.slug}/${opportunity.id}` });
    // A destination field sent by a partner is not part of their schema and is dropped.
    const { partnerLinkInput } = await import("@/lib/links/schemas");
    expect(partnerLinkInput.parse({ programId: program.id, destinationUrl: "https://evil.test" })).not.toHaveProperty("destinationUrl");
  });

  it("is refused to an analyst", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    await expect(createLinkAsStaff(analyst, staffInput(), APP)).rejects.toBeInstanceOf(ForbiddenError);
    const link = await createLinkAsStaff(a.ctx, staffInput(), APP);
    await expect(setLinkDisabled(analyst, link.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    // Analysts may read the list.
    expect((await listLinks(analyst, query())).total).toBeGreaterThan(0);
  });
});

describe("listing links", () => {
  it("sums the last 30 days of clicks from the daily rollup, per link", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput({ partnerId: boris.partnerId, label: "counted" }), APP);
    const now = new Date();
    const start = clickWindowStart(now);
    const day = (offset: number) => new Date(start.getTime() + offset * DAY);
    const rollup = (d: Date, clicks: number) => ({ tenantId: a.fixture.tenantId, day: d, linkId: link.id, partnerId: boris.partnerId, programId: program.id, sourceMarket: "RU" as const, targetMarket: "US" as const, clicks, repeats: 9, bots: 9 });
    // The first day of the window, today, and one day before the window (left out).
    await prisma.clickDaily.createMany({ data: [rollup(day(0), 5), rollup(day(29), 7), rollup(day(-1), 100)] });
    const { items } = await listLinks(a.ctx, query({ partner: boris.partnerId }), now);
    expect(items.find((l) => l.id === link.id)?.clicks30d).toBe(12);
    const own = await listOwnLinks(boris.ctx, { status: "all", page: 1 }, now);
    expect(own.items.find((l) => l.id === link.id)?.clicks30d).toBe(12);
  });

  it("filters by partner, program and status", async () => {
    const mine = await createLinkAsStaff(a.ctx, staffInput({ programId: otherProgram.id }), APP);
    await setLinkDisabled(a.ctx, mine.id, true);
    const disabled = await listLinks(a.ctx, query({ status: "disabled", program: otherProgram.id }));
    expect(disabled.items.map((l) => l.id)).toEqual([mine.id]);
    const active = await listLinks(a.ctx, query({ status: "active", program: otherProgram.id }));
    expect(active.items).toEqual([]);
    const boris_ = await listLinks(a.ctx, query({ partner: boris.partnerId }));
    expect(boris_.items.every((l) => l.partner.id === boris.partnerId)).toBe(true);
  });
});

describe("disabling, enabling and editing", () => {
  it("disables and re-enables a link, with an audit entry each", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput(), APP);
    await setLinkDisabled(a.ctx, link.id, true);
    expect((await prisma.trackedLink.findUniqueOrThrow({ where: { id: link.id } })).disabledAt).toBeInstanceOf(Date);
    await setLinkDisabled(a.ctx, link.id, false);
    expect((await prisma.trackedLink.findUniqueOrThrow({ where: { id: link.id } })).disabledAt).toBeNull();
    const actions = (await prisma.auditLog.findMany({ where: { entityId: link.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["link.created", "link.disabled", "link.enabled"]);
  });

  it("edits the destination, and an empty one goes back to the default", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput({ partnerId: boris.partnerId }), APP);
    await updateLinkDestination(a.ctx, link.id, linkDestinationInput.parse({ destinationUrl: "https://landing.example.ru/", label: "Spring" }), APP);
    expect(await prisma.trackedLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ destinationUrl: "https://landing.example.ru/", label: "Spring" });
    await updateLinkDestination(a.ctx, link.id, linkDestinationInput.parse({ destinationUrl: "", label: "" }), APP);
    expect(await prisma.trackedLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ destinationUrl: `${APP}/ru/o/${a.fixture.slug}`, label: null });
  });

  it("lets a partner disable only their own link", async () => {
    const borisLink = await createLinkAsPartner(boris.ctx, { programId: program.id, label: null }, APP);
    await expect(disableOwnLink(alice.ctx, borisLink.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.trackedLink.findUniqueOrThrow({ where: { id: borisLink.id } })).disabledAt).toBeNull();
    await disableOwnLink(boris.ctx, borisLink.id);
    expect((await prisma.trackedLink.findUniqueOrThrow({ where: { id: borisLink.id } })).disabledAt).toBeInstanceOf(Date);
  });
});

describe("isolation", () => {
  it("keeps tenant B away from tenant A's links: list, disable, enable, edit", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput({ label: "A only" }), APP);
    const listed = await listLinks(b.ctx, query());
    expect(listed.items.map((l) => l.id)).not.toContain(link.id);
    expect(listed.total).toBe(0);
    expect((await listLinks(b.ctx, query({ partner: alice.partnerId }))).total).toBe(0);
    await expect(setLinkDisabled(b.ctx, link.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateLinkDestination(b.ctx, link.id, linkDestinationInput.parse({ destinationUrl: "https://evil.test/" }), APP)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.trackedLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ disabledAt: null, label: "A only" });
  });

  it("refuses tenant B a link for tenant A's partner or program", async () => {
    await expect(createLinkAsStaff(b.ctx, staffInput(), APP)).rejects.toBeInstanceOf(NotFoundError);
    const bPartner = await partnerIn(b.fixture.tenantId, "active");
    await expect(createLinkAsStaff(b.ctx, staffInput({ partnerId: bPartner.id }), APP)).rejects.toMatchObject({ code: "links.not_enrolled" });
    expect(await prisma.trackedLink.count({ where: { tenantId: b.fixture.tenantId } })).toBe(0);
  });

  it("shows a partner only their own links", async () => {
    const borisLink = await createLinkAsStaff(a.ctx, staffInput({ partnerId: boris.partnerId }), APP);
    const aliceLink = await createLinkAsStaff(a.ctx, staffInput(), APP);
    const own = await listOwnLinks(alice.ctx, { status: "all", page: 1 });
    expect(own.items.map((l) => l.id)).toContain(aliceLink.id);
    expect(own.items.map((l) => l.id)).not.toContain(borisLink.id);
    expect(own.items.every((l) => l.partner.id === alice.partnerId)).toBe(true);
  });
});

describe("redirect cache invalidation", () => {
  // A stand-in for the redirect's cache in this process: records what the link functions forget.
  function spyCache() {
    const forgotten: (string | undefined)[] = [];
    const cache = new LinkCache({ load: async () => null });
    cache.invalidate = (code?: string) => void forgotten.push(code);
    registerLinkCache(cache);
    return forgotten;
  }

  it("forgets the code after create, disable, enable and edit by staff, and after a partner's disable", async () => {
    const forgotten = spyCache();
    const link = await createLinkAsStaff(a.ctx, staffInput(), APP);
    expect(forgotten).toEqual([link.code]); // a visitor may have tried the code before it existed
    await setLinkDisabled(a.ctx, link.id, true);
    await setLinkDisabled(a.ctx, link.id, false);
    await updateLinkDestination(a.ctx, link.id, linkDestinationInput.parse({ destinationUrl: "https://shop.example/x" }), APP);
    expect(forgotten).toEqual([link.code, link.code, link.code, link.code]);
    const own = await createLinkAsPartner(alice.ctx, { programId: program.id, label: null }, APP);
    await disableOwnLink(alice.ctx, own.id);
    expect(forgotten.slice(4)).toEqual([own.code, own.code]);
  });

  it("forgets nothing when nothing changed or the change was refused", async () => {
    const link = await createLinkAsStaff(a.ctx, staffInput(), APP);
    const forgotten = spyCache();
    await setLinkDisabled(a.ctx, link.id, false); // already enabled
    await expect(setLinkDisabled(b.ctx, link.id, true)).rejects.toBeInstanceOf(NotFoundError);
    const borisLink = await createLinkAsStaff(a.ctx, staffInput({ partnerId: boris.partnerId }), APP);
    forgotten.length = 0;
    await expect(disableOwnLink(alice.ctx, borisLink.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(forgotten).toEqual([]);
  });
});
