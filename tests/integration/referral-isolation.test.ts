import { beforeAll, describe, expect, it, vi } from "vitest";
import { resolveTenantContext, type TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { referralsCsv } from "@/lib/referrals/export-csv";
import { getReferral } from "@/lib/referrals/get-referral";
import { listReferrals } from "@/lib/referrals/list-referrals";
import { myReferralsQuery, pipelineQuery } from "@/lib/referrals/list-query";
import { overrideDuplicate } from "@/lib/referrals/override-duplicate";
import { getMyReferral, listMyReferrals, myReferralCounts } from "@/lib/referrals/partner-referrals";
import { saveReferralDraft, submitReferral } from "@/lib/referrals/submit-referral";
import { bulkTransition, transitionReferral } from "@/lib/referrals/transition-referral";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { advanceTo, referralInput } from "../helpers/referrals";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { GET: exportRoute } = await import("@/app/[locale]/(staff)/t/[tenant]/referrals/export/route");

let a: { fixture: TenantFixture; ctx: TenantContext };
let b: { fixture: TenantFixture; ctx: TenantContext };
let alice: Awaited<ReturnType<typeof partnerWithContext>>;
let boris: Awaited<ReturnType<typeof partnerWithContext>>;
let outsider: Awaited<ReturnType<typeof partnerWithContext>>;
let programId: string;
let aliceSubmitted: string;
let borisDraft: string;
let borisDuplicate: string;

const all = pipelineQuery.parse({});

beforeAll(async () => {
  a = await tenantWithOwner("Isolation A");
  b = await tenantWithOwner("Isolation B");
  alice = await partnerWithContext(a.fixture, { name: "Alice Walker" });
  boris = await partnerWithContext(a.fixture, { name: "Борис Орлов", market: "RU", locale: "ru" });
  outsider = await partnerWithContext(b.fixture, { name: "Other Agency Partner" });
  programId = (await programWith(a.fixture, [alice.partnerId, boris.partnerId])).id;
  aliceSubmitted = (await submitReferral(alice.ctx, referralInput(programId, { subjectName: "Alice's Brand", website: "alices.example", contactValue: "a@alices.example" }))).id;
  borisDraft = (await saveReferralDraft(boris.ctx, referralInput(programId, { subjectName: "Boris Draft", website: "borisdraft.example", contactValue: null, consentToIntro: false }))).id;
  borisDuplicate = (await submitReferral(boris.ctx, referralInput(programId, { subjectName: "Same as Alice", website: "https://www.alices.example", contactValue: "b@alices.example" }))).id;
});

describe("partners see only their own referrals", () => {
  it("lists and counts only the partner's own", async () => {
    const mine = await listMyReferrals(alice.ctx, myReferralsQuery.parse({}));
    expect(mine.items.map((r) => r.id)).toEqual([aliceSubmitted]);
    expect(await myReferralCounts(boris.ctx)).toEqual({ draft: 1, rejected: 1 });
    expect((await listMyReferrals(outsider.ctx, myReferralsQuery.parse({}))).total).toBe(0);
  });

  it("another partner's referral is not found, like a missing one", async () => {
    await expect(getMyReferral(alice.ctx, borisDraft)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyReferral(boris.ctx, aliceSubmitted)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyReferral(outsider.ctx, aliceSubmitted)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyReferral(alice.ctx, "missing")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot edit or submit another partner's draft, and the draft is untouched", async () => {
    const hijack = referralInput(programId, { subjectName: "Hijacked", website: "hijack.example", contactValue: "h@hijack.example" });
    await expect(saveReferralDraft(alice.ctx, hijack, borisDraft)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitReferral(alice.ctx, hijack, borisDraft)).rejects.toBeInstanceOf(NotFoundError);
    const row = await prisma.referral.findUniqueOrThrow({ where: { id: borisDraft } });
    expect([row.subjectName, row.status, row.partnerId]).toEqual(["Boris Draft", "draft", boris.partnerId]);
  });

  it("a partner of another agency cannot submit into this agency's program", async () => {
    await expect(submitReferral(outsider.ctx, referralInput(programId, { website: "outsider.example" }))).rejects.toMatchObject({ code: "program_unavailable" });
  });

  it("submits only to a live, direct program they are enrolled in, for one of its markets", async () => {
    const notEnrolled = await programWith(a.fixture, [boris.partnerId]);
    const archived = await programWith(a.fixture, [alice.partnerId], { archived: true });
    const poolOnly = await programWith(a.fixture, [alice.partnerId], { mode: "pool" });
    const both = await programWith(a.fixture, [alice.partnerId], { mode: "both", markets: ["RU", "KZ"] });
    for (const program of [notEnrolled, archived, poolOnly]) {
      await expect(submitReferral(alice.ctx, referralInput(program.id, { website: `p-${program.id}.example` }))).rejects.toMatchObject({ code: "program_unavailable" });
    }
    await expect(submitReferral(alice.ctx, referralInput(both.id, { website: "kz.example", targetMarket: "US" }))).rejects.toMatchObject({ code: "target_market_not_in_program" });
    await expect(submitReferral(alice.ctx, referralInput(both.id, { website: "kz.example", targetMarket: "KZ" }))).resolves.toMatchObject({ duplicate: false });
  });

  it("a partner has no staff seat: no TenantContext, and a forged one is refused by staff functions", async () => {
    expect(await resolveTenantContext(alice.userId, a.fixture.slug)).toBeNull();
    const forged = alice.ctx as unknown as TenantContext;
    await expect(listReferrals(forged, all)).rejects.toThrow();
    await expect(getReferral(forged, aliceSubmitted)).rejects.toThrow();
    await expect(transitionReferral(forged, aliceSubmitted, { to: "in_review" })).rejects.toThrow();
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: aliceSubmitted } })).status).toBe("submitted");
  });
});

describe("another tenant's staff", () => {
  it("cannot list, read, move, override or bulk-move tenant A's referrals", async () => {
    expect((await listReferrals(b.ctx, all)).total).toBe(0);
    await expect(getReferral(b.ctx, aliceSubmitted)).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionReferral(b.ctx, aliceSubmitted, { to: "in_review" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(overrideDuplicate(b.ctx, borisDuplicate, { reason: "mine now", to: "in_review" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await bulkTransition(b.ctx, [aliceSubmitted, borisDuplicate], { to: "in_review" })).toEqual([
      { id: aliceSubmitted, ok: false, code: "not_found" },
      { id: borisDuplicate, ok: false, code: "not_found" },
    ]);
    const rows = await prisma.referral.findMany({ where: { id: { in: [aliceSubmitted, borisDuplicate] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["submitted", "rejected"]);
    expect(await referralsCsv(b.ctx, all, "en")).not.toContain("Alice");
  });

  it("gets a 404 from the export, as does a signed-out visitor and a partner", async () => {
    const url = `http://localhost/en/t/${a.fixture.slug}/referrals/export`;
    const call = (userId: string | null, slug = a.fixture.slug) => {
      session.userId = userId;
      return exportRoute(new Request(url), { params: Promise.resolve({ locale: "en", tenant: slug }) });
    };
    expect((await call(b.fixture.userId)).status).toBe(404);
    expect((await call(null)).status).toBe(404);
    expect((await call(alice.userId)).status).toBe(404);
    expect((await call(a.fixture.userId, "no-such-agency")).status).toBe(404);
    const ok = await call(a.fixture.userId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await ok.text()).toContain("Alice's Brand");
  });

  it("drafts stay private to the partner, even for the agency", async () => {
    await expect(getReferral(a.ctx, borisDraft)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listReferrals(a.ctx, all)).items.map((r) => r.id)).not.toContain(borisDraft);
  });
});

describe("roles", () => {
  it("an analyst reads and exports but cannot move, bulk-move or override", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    expect((await listReferrals(analyst, all)).items.map((r) => r.id)).toContain(aliceSubmitted);
    await expect(getReferral(analyst, aliceSubmitted)).resolves.toMatchObject({ subjectName: "Alice's Brand" });
    await expect(referralsCsv(analyst, all, "en")).resolves.toContain("Alice's Brand");
    await expect(transitionReferral(analyst, aliceSubmitted, { to: "in_review" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkTransition(analyst, [aliceSubmitted], { to: "in_review" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(overrideDuplicate(analyst, borisDuplicate, { reason: "x", to: "in_review" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a manager can move referrals", async () => {
    const manager = await memberContext(a.fixture, "manager");
    const { id } = await submitReferral(alice.ctx, referralInput(programId, { website: "manager.example", contactValue: "m@manager.example" }));
    await expect(transitionReferral(manager, id, { to: "in_review" })).resolves.toMatchObject({ to: "in_review" });
  });
});

describe("CSV export", () => {
  it("exports exactly the filtered rows, quoted, with a BOM and Cyrillic intact", async () => {
    const { fixture, ctx } = await tenantWithOwner("CSV Agency");
    const p = await partnerWithContext(fixture, { name: "Lee, \"Marcus\"" });
    const program = await programWith(fixture, [p.partnerId], { name: "US ⇄ RU" });
    const submit = (overrides: Parameters<typeof referralInput>[1]) => submitReferral(p.ctx, referralInput(program.id, overrides)).then((r) => r.id);
    const won = await submit({ subjectName: "Белый Лён, ООО", website: "belyilen.example", contactValue: "m@belyilen.example", contactChannel: "email" });
    await submit({ subjectName: "Harbor Coffee", sourceMarket: "US", website: "harbor.example", contactValue: "l@harbor.example" });
    await submit({ subjectName: "=HYPERLINK(\"http://evil\")", website: "evil.example", contactValue: "e@evil.example" });
    await advanceTo(ctx, won, "in_negotiation");
    await transitionReferral(ctx, won, { to: "won", dealValueMinor: 360_000_050n, dealCurrency: "RUB", closedOn: new Date("2026-10-01T00:00:00Z") });

    const csv = await referralsCsv(ctx, pipelineQuery.parse({ pair: "RU-US", sort: "name" }), "en");
    expect(csv.startsWith("\uFEFFID,Submitted,Status,Kind,Brand or creator,Source market,Target market,Cross-market,Program")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(lines[2]).toContain(`${won},`);
    expect(lines[2]).toContain(`,Won,Brand,"Белый Лён, ООО",RU,US,yes,US ⇄ RU,"Lee, ""Marcus""",`);
    expect(lines[2]).toContain(",3600000.50,RUB,");
    expect(lines[2]).toContain(",2026-10-01,");
    expect(csv).not.toContain("Harbor Coffee");

    const ru = await referralsCsv(ctx, pipelineQuery.parse({ status: "won" }), "ru");
    expect(ru.split("\r\n")[0]).toContain("ID;Отправлена;Статус");
    expect(ru).toContain(";Сделка заключена;Бренд;Белый Лён, ООО;RU;US;да;");
    expect(ru).toContain(";3600000,50;RUB;");
  });
});
