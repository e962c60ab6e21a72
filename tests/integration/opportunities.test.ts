import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { resolvePublicContext } from "@/lib/auth/contexts/public";
import { getBoardOpportunity, listBoard } from "@/lib/opportunities/board";
import { changeOpportunityStatus } from "@/lib/opportunities/change-opportunity-status";
import { getOpportunity, listOpportunities, opportunityPrograms } from "@/lib/opportunities/opportunities";
import { getPartnerOpportunity, listPartnerOpportunities } from "@/lib/opportunities/partner-opportunities";
import { createOpportunity, updateOpportunity } from "@/lib/opportunities/save-opportunity";
import { boardQuery, opportunityListQuery } from "@/lib/opportunities/schemas";
import { ensureRefCode } from "@/lib/partners/ref-code";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { opportunityForm, poolProgram, postedOpportunity } from "../helpers/board";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

let a: { fixture: TenantFixture; ctx: TenantContext };
let b: { fixture: TenantFixture; ctx: TenantContext };
let pool: { id: string };
let foreignPool: { id: string };
const DAY = 86_400_000;

beforeAll(async () => {
  a = await tenantWithOwner("Opportunities A");
  b = await tenantWithOwner("Opportunities B");
  pool = await poolProgram(a.fixture, [], { markets: ["RU", "US"] });
  foreignPool = await poolProgram(b.fixture, [], { markets: ["RU", "US"] });
});

const audits = (entityId: string) => prisma.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

describe("posting an opportunity", () => {
  it("starts as a draft with its terms, author and an audit entry", async () => {
    const o = await createOpportunity(a.ctx, opportunityForm(pool.id, { deadline: new Date("2099-01-31T00:00:00Z") }));
    const row = await prisma.opportunity.findUniqueOrThrow({ where: { id: o.id } });
    expect(row).toMatchObject({
      tenantId: a.fixture.tenantId, programId: pool.id, status: "draft", createdById: a.ctx.userId, sourceMarket: "RU", targetMarket: "US",
      budgetMinMinor: 200_000n, budgetMaxMinor: 500_000n, budgetCurrency: "USD", slots: 5, titleRu: null,
    });
    expect((await audits(o.id)).map((e) => [e.action, e.actorUserId])).toEqual([["opportunity.created", a.ctx.userId]]);
  });

  it("keeps both markets within the program's markets", async () => {
    await expect(createOpportunity(a.ctx, opportunityForm(pool.id, { sourceMarket: "KZ" }))).rejects.toMatchObject({ code: "source_market_not_in_program" });
    await expect(createOpportunity(a.ctx, opportunityForm(pool.id, { targetMarket: "AE" }))).rejects.toMatchObject({ code: "target_market_not_in_program" });
  });

  it("needs a live program of this agency that runs pool referrals", async () => {
    const direct = await poolProgram(a.fixture, [], { mode: "direct" });
    const archived = await poolProgram(a.fixture, [], { archived: true });
    const both = await poolProgram(a.fixture, [], { mode: "both" });
    for (const programId of [direct.id, archived.id, foreignPool.id, "missing"]) {
      await expect(createOpportunity(a.ctx, opportunityForm(programId))).rejects.toMatchObject({ code: "opportunity_program_unavailable" });
    }
    await expect(createOpportunity(a.ctx, opportunityForm(both.id))).resolves.toMatchObject({ programId: both.id });
    const offered = (await opportunityPrograms(a.ctx)).map((p) => p.id);
    expect(offered).toEqual(expect.arrayContaining([pool.id, both.id]));
    expect(offered).not.toEqual(expect.arrayContaining([direct.id]));
    expect(offered).not.toContain(archived.id);
  });

  it("an analyst can read but not post or change; a manager can post", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    const manager = await memberContext(a.fixture, "manager");
    await expect(createOpportunity(analyst, opportunityForm(pool.id))).rejects.toBeInstanceOf(ForbiddenError);
    const o = await createOpportunity(manager, opportunityForm(pool.id));
    await expect(updateOpportunity(analyst, o.id, opportunityForm(pool.id, { slots: 9 }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeOpportunityStatus(analyst, o.id, "open")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOpportunity(analyst, o.id)).resolves.toMatchObject({ id: o.id, status: "draft", slots: 5 });
  });

  it("edits record which fields changed", async () => {
    const o = await createOpportunity(a.ctx, opportunityForm(pool.id));
    await updateOpportunity(a.ctx, o.id, opportunityForm(pool.id, { titleRu: "Ищем авторов", descriptionRu: "Запуск в первом квартале.", slots: 3 }));
    await updateOpportunity(a.ctx, o.id, opportunityForm(pool.id, { titleRu: "Ищем авторов", descriptionRu: "Запуск в первом квартале.", slots: 3 }));
    const entries = await audits(o.id);
    expect(entries.map((e) => e.action)).toEqual(["opportunity.created", "opportunity.updated"]);
    expect((entries[1].data as { fields: string[] }).fields.sort()).toEqual(["descriptionRu", "slots", "titleRu"]);
  });
});

describe("status changes", () => {
  it("publishes, closes, reopens and fills, each audited; anything else is refused", async () => {
    const o = await createOpportunity(a.ctx, opportunityForm(pool.id));
    await expect(changeOpportunityStatus(a.ctx, o.id, "filled")).rejects.toMatchObject({ code: "opportunity_transition_invalid" });
    for (const to of ["open", "closed", "open", "filled"] as const) await changeOpportunityStatus(a.ctx, o.id, to);
    await expect(changeOpportunityStatus(a.ctx, o.id, "draft")).rejects.toMatchObject({ code: "opportunity_transition_invalid" });
    const moves = (await audits(o.id)).filter((e) => e.action === "opportunity.status_changed").map((e) => e.data as { from: string; to: string });
    expect(moves.map((m) => `${m.from}→${m.to}`)).toEqual(["draft→open", "open→closed", "closed→open", "open→filled"]);
  });

  it("will not open past its deadline or in a program that stopped running pool referrals", async () => {
    const late = await postedOpportunity(a.fixture, pool.id, { status: "closed", deadline: new Date(Date.now() - 2 * DAY) });
    await expect(changeOpportunityStatus(a.ctx, late.id, "open")).rejects.toMatchObject({ code: "opportunity_deadline_passed" });
    const program = await poolProgram(a.fixture);
    const o = await postedOpportunity(a.fixture, program.id, { status: "draft" });
    await prisma.program.update({ where: { id: program.id }, data: { archivedAt: new Date() } });
    await expect(changeOpportunityStatus(a.ctx, o.id, "open")).rejects.toMatchObject({ code: "opportunity_program_unavailable" });
  });
});

describe("staff list and isolation", () => {
  it("filters by status and market pair and counts opt-ins", async () => {
    const tenant = await tenantWithOwner("Listing Agency");
    const program = await poolProgram(tenant.fixture, [], { markets: ["RU", "US", "KZ"] });
    const open = await postedOpportunity(tenant.fixture, program.id, { status: "open" });
    await postedOpportunity(tenant.fixture, program.id, { status: "draft", sourceMarket: "KZ", targetMarket: "US" });
    await postedOpportunity(tenant.fixture, program.id, { status: "closed" });
    await prisma.optIn.createMany({
      data: ["new", "new", "declined"].map((status, i) => ({
        tenantId: tenant.fixture.tenantId, opportunityId: open.id, kind: "creator" as const, name: `C${i}`, market: "US" as const, contactEmail: `c${i}@x.test`,
        consentVersion: "v", consentText: "t", consentedAt: new Date(), status: status as "new" | "declined",
      })),
    });
    const all = await listOpportunities(tenant.ctx, opportunityListQuery.parse({}));
    expect(all.total).toBe(3);
    expect(all.statusCounts).toEqual({ open: 1, draft: 1, closed: 1 });
    const row = all.items.find((o) => o.id === open.id)!;
    expect([row._count.optIns, row.newOptIns]).toEqual([3, 2]);
    expect((await listOpportunities(tenant.ctx, opportunityListQuery.parse({ status: "open" }))).items.map((o) => o.id)).toEqual([open.id]);
    const kz = await listOpportunities(tenant.ctx, opportunityListQuery.parse({ pair: "KZ-US" }));
    expect(kz.items.map((o) => o.status)).toEqual(["draft"]);
    expect(kz.statusCounts).toEqual({ draft: 1 });
  });

  it("another agency cannot list, read, change or publish them", async () => {
    const o = await createOpportunity(a.ctx, opportunityForm(pool.id, { titleEn: "Agency A secret" }));
    const listed = await listOpportunities(b.ctx, opportunityListQuery.parse({}));
    expect(listed.items.map((i) => i.id)).not.toContain(o.id);
    await expect(getOpportunity(b.ctx, o.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateOpportunity(b.ctx, o.id, opportunityForm(foreignPool.id, { titleEn: "Hijacked" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeOpportunityStatus(b.ctx, o.id, "open")).rejects.toBeInstanceOf(NotFoundError);
    const row = await prisma.opportunity.findUniqueOrThrow({ where: { id: o.id } });
    expect([row.titleEn, row.status, row.tenantId]).toEqual(["Agency A secret", "draft", a.fixture.tenantId]);
  });
});

describe("public board", () => {
  let board: { fixture: TenantFixture; ctx: TenantContext };
  let other: { fixture: TenantFixture; ctx: TenantContext };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    board = await tenantWithOwner("Board Agency");
    other = await tenantWithOwner("Neighbour Agency");
    const program = await poolProgram(board.fixture, [], { markets: ["RU", "US", "KZ"] });
    const otherProgram = await poolProgram(other.fixture);
    ids.usd = (await postedOpportunity(board.fixture, program.id, { platforms: ["tiktok"], niches: ["beauty"], budgetMinMinor: 200_000n, budgetMaxMinor: 500_000n, budgetCurrency: "USD" })).id;
    ids.rub = (await postedOpportunity(board.fixture, program.id, { sourceMarket: "US", targetMarket: "RU", platforms: ["telegram"], niches: ["tech"], budgetMinMinor: 30_000_000n, budgetCurrency: "RUB" })).id;
    ids.small = (await postedOpportunity(board.fixture, program.id, { sourceMarket: "KZ", targetMarket: "US", budgetMaxMinor: 100_000n, budgetCurrency: "USD" })).id;
    ids.today = (await postedOpportunity(board.fixture, program.id, { deadline: new Date(new Date().toISOString().slice(0, 10)) })).id;
    ids.draft = (await postedOpportunity(board.fixture, program.id, { status: "draft" })).id;
    ids.closed = (await postedOpportunity(board.fixture, program.id, { status: "closed" })).id;
    ids.filled = (await postedOpportunity(board.fixture, program.id, { status: "filled" })).id;
    ids.expired = (await postedOpportunity(board.fixture, program.id, { deadline: new Date(Date.now() - 2 * DAY) })).id;
    ids.foreign = (await postedOpportunity(other.fixture, otherProgram.id, { titleEn: "Neighbour's opportunity" })).id;
  });

  const publicSide = async (slug: string) => (await resolvePublicContext(slug))!;
  const listed = async (slug: string, query: Record<string, string> = {}) => (await listBoard(await publicSide(slug), boardQuery.parse(query))).items.map((o) => o.id);

  it("lists only this agency's open opportunities that are not past their deadline", async () => {
    expect((await listed(board.fixture.slug)).sort()).toEqual([ids.usd, ids.rub, ids.small, ids.today].sort());
  });

  it("never shows another agency's opportunities", async () => {
    expect(await listed(other.fixture.slug)).toEqual([ids.foreign]);
    expect(await listed(board.fixture.slug)).not.toContain(ids.foreign);
  });

  it("filters by market pair, platform, niche and a minimum budget in one currency", async () => {
    expect(await listed(board.fixture.slug, { pair: "US-RU" })).toEqual([ids.rub]);
    expect(await listed(board.fixture.slug, { platform: "telegram" })).toEqual([ids.rub]);
    expect(await listed(board.fixture.slug, { niche: "Tech" })).toEqual([ids.rub]);
    expect(await listed(board.fixture.slug, { budget: "3 000", currency: "USD" })).toEqual([ids.usd]);
    expect(await listed(board.fixture.slug, { budget: "250000", currency: "RUB" })).toEqual([ids.rub]);
    const options = (await listBoard(await publicSide(board.fixture.slug), boardQuery.parse({}))).options;
    expect(options.niches).toEqual(["beauty", "tech"]);
    expect(options.pairs).toHaveLength(3);
  });

  it("opens an open opportunity by slug and id; a draft, closed, filled or foreign one is not found", async () => {
    expect(await getBoardOpportunity(board.fixture.slug, ids.usd)).toMatchObject({ id: ids.usd, acceptsOptIns: true, tenant: { slug: board.fixture.slug } });
    expect(await getBoardOpportunity(board.fixture.slug, ids.expired)).toMatchObject({ acceptsOptIns: false });
    for (const id of [ids.draft, ids.closed, ids.filled, ids.foreign, "missing"]) {
      expect(await getBoardOpportunity(board.fixture.slug, id), id).toBeNull();
    }
    // Agency A's opportunity under agency B's address.
    expect(await getBoardOpportunity(other.fixture.slug, ids.usd)).toBeNull();
    expect(await getBoardOpportunity("no-such-agency", ids.usd)).toBeNull();
  });
});

describe("partner portal", () => {
  it("a partner sees only open opportunities of programs they are enrolled in", async () => {
    const tenant = await tenantWithOwner("Portal Agency");
    const alice = await partnerWithContext(tenant.fixture, { name: "Alice" });
    const boris = await partnerWithContext(tenant.fixture, { name: "Boris" });
    const outsider = await partnerWithContext(b.fixture, { name: "Outsider" });
    const hers = await poolProgram(tenant.fixture, [alice.partnerId]);
    const his = await poolProgram(tenant.fixture, [boris.partnerId]);
    const open = await postedOpportunity(tenant.fixture, hers.id);
    const draft = await postedOpportunity(tenant.fixture, hers.id, { status: "draft" });
    const closed = await postedOpportunity(tenant.fixture, hers.id, { status: "closed" });
    const notHers = await postedOpportunity(tenant.fixture, his.id);
    expect((await listPartnerOpportunities(alice.ctx)).map((o) => o.id)).toEqual([open.id]);
    expect((await listPartnerOpportunities(boris.ctx)).map((o) => o.id)).toEqual([notHers.id]);
    expect(await listPartnerOpportunities(outsider.ctx)).toEqual([]);
    for (const id of [draft.id, closed.id, notHers.id]) await expect(getPartnerOpportunity(alice.ctx, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPartnerOpportunity(outsider.ctx, open.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPartnerOpportunity(alice.ctx, open.id)).resolves.toMatchObject({ id: open.id, program: { id: hers.id } });
  });

  it("gives each partner one share code, created on first use", async () => {
    const alice = await partnerWithContext(a.fixture);
    const boris = await partnerWithContext(a.fixture);
    const code = await ensureRefCode(alice.ctx);
    expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
    expect(await ensureRefCode(alice.ctx)).toBe(code);
    expect(await ensureRefCode(boris.ctx)).not.toBe(code);
    expect((await prisma.partner.findUniqueOrThrow({ where: { id: alice.partnerId } })).refCode).toBe(code);
  });
});

describe("referring someone to an opportunity", () => {
  let alice: Awaited<ReturnType<typeof partnerWithContext>>;
  let program: { id: string };
  let opportunity: { id: string };

  beforeAll(async () => {
    alice = await partnerWithContext(a.fixture, { name: "Alice Referrer" });
    program = await poolProgram(a.fixture, [alice.partnerId]);
    opportunity = await postedOpportunity(a.fixture, program.id);
  });

  it("links the direct referral to the opportunity, even in a pool-only program", async () => {
    const { id } = await submitReferral(alice.ctx, referralInput(program.id, { opportunityId: opportunity.id, kind: "creator", website: "jessglow.example", contactValue: "jess@jessglow.example" }));
    expect(await prisma.referral.findUniqueOrThrow({ where: { id } })).toMatchObject({ opportunityId: opportunity.id, programId: program.id, mechanic: "direct", status: "submitted", partnerId: alice.partnerId });
  });

  it("refuses a closed, foreign or mismatched opportunity, and a program the partner is not in", async () => {
    const closed = await postedOpportunity(a.fixture, program.id, { status: "closed" });
    const expired = await postedOpportunity(a.fixture, program.id, { deadline: new Date(Date.now() - 2 * DAY) });
    const elsewhere = await poolProgram(a.fixture, []);
    const notEnrolled = await postedOpportunity(a.fixture, elsewhere.id);
    const foreign = await postedOpportunity(b.fixture, foreignPool.id);
    const input = (opportunityId: string, programId = program.id) => referralInput(programId, { opportunityId, website: `r-${opportunityId}.example` });
    await expect(submitReferral(alice.ctx, input(closed.id))).rejects.toMatchObject({ code: "opportunity_unavailable" });
    await expect(submitReferral(alice.ctx, input(expired.id))).rejects.toMatchObject({ code: "opportunity_unavailable" });
    await expect(submitReferral(alice.ctx, input(foreign.id))).rejects.toMatchObject({ code: "opportunity_unavailable" });
    await expect(submitReferral(alice.ctx, input(notEnrolled.id))).rejects.toMatchObject({ code: "opportunity_unavailable" });
    await expect(submitReferral(alice.ctx, input(notEnrolled.id, elsewhere.id))).rejects.toMatchObject({ code: "program_unavailable" });
    // Without an opportunity, a pool-only program still takes no direct referrals.
    await expect(submitReferral(alice.ctx, referralInput(program.id, { website: "plain.example" }))).rejects.toMatchObject({ code: "program_unavailable" });
    expect(await prisma.referral.count({ where: { opportunityId: { in: [closed.id, foreign.id, notEnrolled.id] } } })).toBe(0);
  });

  it("a direct program without opportunities works as before", async () => {
    const direct = await programWith(a.fixture, [alice.partnerId]);
    const { id } = await submitReferral(alice.ctx, referralInput(direct.id, { website: "direct-only.example" }));
    expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).opportunityId).toBeNull();
  });
});
