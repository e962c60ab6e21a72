import { beforeAll, describe, expect, it } from "vitest";
import { payoutHoldReasons } from "@/lib/compliance/gate";
import { reviewScreening, screenAll, screenPartner } from "@/lib/compliance/screen";
import { importSdnCsv } from "@/lib/compliance/sdn-import";
import { saveTaxProfile } from "@/lib/compliance/tax-profile";
import { taxProfileInput } from "@/lib/compliance/tax-schemas";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, ForbiddenError } from "@/lib/kernel/errors";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerIn } from "../helpers/partner-fixtures";
import { partnerWithContext } from "../helpers/partner-context";
import { sdnFixture } from "./compliance-fixtures";

let ctx: TenantContext;
let fixture: TenantFixture;
const csv = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  ({ ctx, fixture } = await tenantWithOwner("Sanctions Agency"));
});

const screen = async (partnerId: string) => screenPartner(ctx.db, ctx.tenantId, partnerId, null);
const partner = async (name: string) => (await partnerIn(fixture.tenantId, "active", { name })).id;

describe("SDN import", () => {
  it("without a list, screening says so and the gate still holds", async () => {
    const id = await partner("Early Bird");
    const s = await screen(id);
    expect(s).toMatchObject({ status: "clear", reason: "no_list", listId: null });
    expect((await payoutHoldReasons(ctx.db, [id])).get(id)).toContain("sanctions_unscreened");
  });

  it("imports the official no-header format, with a.k.a. names as extra entries, in one list", async () => {
    const summary = await importSdnCsv(ctx, sdnFixture(), "sdn.csv");
    expect(summary).toMatchObject({ primary: 30, skipped: 0 });
    expect(summary.entryCount).toBeGreaterThan(30);
    const entries = await ctx.db.sanctionsEntry.findMany({ where: { listId: summary.listId } });
    expect(entries).toHaveLength(summary.entryCount);
    expect(entries.find((e) => e.uid === "9601")).toMatchObject({ name: "IVANOV, Sergei Petrovich", entryType: "individual", program: "RUSSIA-EO14024" });
    expect(entries.find((e) => e.uid === "9701" && e.name === "SBERBANK")).toMatchObject({ entryType: "entity" });
    expect(entries.find((e) => e.uid === "36")?.program).toBe("CUBA");
    expect(entries.find((e) => e.uid === "9801")?.entryType).toBe("vessel");
    const audit = await ctx.db.auditLog.findFirst({ where: { action: "compliance.sdn_imported", entityId: summary.listId } });
    expect(audit).not.toBeNull();
  });

  it("the seed's copy of the fixture is the same file", async () => {
    const { readFileSync } = await import("node:fs");
    expect(readFileSync("prisma/data/ofac-sdn-sample.csv", "utf8")).toBe(readFileSync("tests/fixtures/ofac-sdn-sample.csv", "utf8"));
  });

  it("a file that is not an SDN list writes nothing", async () => {
    const before = await ctx.db.sanctionsList.count();
    const entriesBefore = await ctx.db.sanctionsEntry.count();
    for (const bad of [csv("date,base,quote,rate\n2026-11-26,USD,RUB,80\n"), csv(""), csv("1,\"ONLY THREE\",x\n2,\"COLS\",y\n")]) {
      await expect(importSdnCsv(ctx, bad, "bad.csv")).rejects.toBeInstanceOf(DomainError);
    }
    expect(await ctx.db.sanctionsList.count()).toBe(before);
    expect(await ctx.db.sanctionsEntry.count()).toBe(entriesBefore);
  });

  it("needs payouts:manage", async () => {
    const analyst = await memberContext(fixture, "analyst");
    await expect(importSdnCsv(analyst, sdnFixture(), "sdn.csv")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(screenAll(analyst)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("screening", () => {
  it("an unrelated name is clear and passes the sanctions gate", async () => {
    const id = await partner("Maria Sokolova");
    expect(await screen(id)).toMatchObject({ status: "clear", reason: "no_match" });
    expect((await payoutHoldReasons(ctx.db, [id])).get(id)).not.toContain("sanctions_unscreened");
  });

  it("Latin and Cyrillic spellings of a listed person are possible matches, never blocked from a name", async () => {
    for (const name of ["Sergey Ivanov", "Сергей Иванов", "Sergei P. Ivanov"]) {
      const s = await screen(await partner(name));
      expect(s.status, name).toBe("possible_match");
      expect(s.reason).toBe("name_match");
      expect(s.matches).toEqual([expect.objectContaining({ uid: "9601", field: "name" })]);
    }
    const cyr = await screen(await partner("Юрий Хохлов"));
    expect(cyr.matches).toEqual([expect.objectContaining({ uid: "9603" })]);
  });

  it("screens the payee's bank against listed entities", async () => {
    const id = await partner("Olga Belova");
    await prisma.payoutMethod.create({ data: { tenantId: fixture.tenantId, partnerId: id, rail: "registry", currency: "RUB", payeeName: "Белова Ольга", bankName: "ПАО Сбербанк" } });
    const s = await screen(id);
    expect(s).toMatchObject({ status: "possible_match", reason: "bank_match" });
    expect(s.matches).toEqual([expect.objectContaining({ uid: "9701", field: "bankName" })]);
    expect((await payoutHoldReasons(ctx.db, [id])).get(id)).toContain("sanctions_possible_match");
  });

  it("a region in Crimea or the so-called DNR/LNR blocks, and only a profile edit lifts it", async () => {
    const { ctx: partnerCtx, partnerId } = await partnerWithContext(fixture, { name: "Pavel Orlov", market: "RU" });
    const input = (region: string) => taxProfileInput().parse({ form: "ru_self_employed", legalName: "Павел Орлов", country: "RU", region, inn: "500100732259" });
    const saved = await saveTaxProfile(partnerCtx, input("Республика Крым, г. Симферополь"));
    expect(saved.screening).toEqual({ status: "blocked", reason: "region_blocked" });
    expect((await payoutHoldReasons(ctx.db, [partnerId])).get(partnerId)).toContain("sanctions_blocked");
    const latest = await ctx.db.screening.findFirstOrThrow({ where: { partnerId }, orderBy: { createdAt: "desc" } });
    await expect(reviewScreening(ctx, latest.id, { decision: "clear", note: "looks fine" })).rejects.toMatchObject({ code: "compliance.region_block_final" });
    expect((await saveTaxProfile(partnerCtx, input("Краснодарский край"))).screening).toEqual({ status: "clear", reason: "no_match" });
    for (const region of ["ДНР", "Luhansk", "Sevastopol"]) {
      expect((await saveTaxProfile(partnerCtx, input(region))).screening.status, region).toBe("blocked");
    }
  });
});

describe("staff review", () => {
  it("clears a false positive with a note (audited), and the decision survives a re-screen", async () => {
    const id = await partner("Sergey Ivanov");
    const first = await screen(id);
    const manager = await memberContext(fixture, "manager");
    await expect(reviewScreening(manager, first.id, { decision: "clear", note: "different DOB" })).rejects.toBeInstanceOf(ForbiddenError);
    const reviewed = await reviewScreening(ctx, first.id, { decision: "clear", note: "different DOB" });
    expect(reviewed).toMatchObject({ status: "clear", reason: "false_positive", screenedById: ctx.userId, partnerId: id });
    const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { entityType: "Screening", entityId: reviewed.id } });
    expect(audit).toMatchObject({ action: "compliance.screening_cleared", actorUserId: ctx.userId });
    expect(audit.data).toMatchObject({ note: "different DOB", from: "possible_match", to: "clear" });
    expect((await payoutHoldReasons(ctx.db, [id])).get(id)).not.toContain("sanctions_possible_match");
    // Reviewing an older screening is refused: the newest one is what counts.
    await expect(reviewScreening(ctx, first.id, { decision: "block", note: "again" })).rejects.toMatchObject({ code: "compliance.screening_outdated" });
    expect(await screen(id)).toMatchObject({ status: "clear", reason: "false_positive_kept" });
  });

  it("a new match after a false-positive decision goes back to review", async () => {
    const id = await partner("Sergey Ivanov");
    const first = await screen(id);
    await reviewScreening(ctx, first.id, { decision: "clear", note: "not him" });
    await prisma.partner.update({ where: { id }, data: { name: "Anna Petrova" } });
    expect(await screen(id)).toMatchObject({ status: "possible_match", reason: "name_match" });
  });

  it("blocks a confirmed match; the block is kept until staff clear it", async () => {
    const id = await partner("Natalya Zhukova");
    const first = await screen(id);
    expect(first.status).toBe("possible_match");
    const blocked = await reviewScreening(ctx, first.id, { decision: "block", note: "same person, DOB matches" });
    expect(blocked).toMatchObject({ status: "blocked", reason: "staff_blocked" });
    const again = await screen(id);
    expect(again).toMatchObject({ status: "blocked", reason: "staff_blocked_kept" });
    expect((await reviewScreening(ctx, again.id, { decision: "clear", note: "court order lifted" })).status).toBe("clear");
  });

  it("a result against an older list cannot be decided after a new list is imported", async () => {
    const { ctx: c, fixture: f } = await tenantWithOwner("Outdated Review Agency");
    await importSdnCsv(c, sdnFixture(), "sdn.csv");
    const id = (await partnerIn(f.tenantId, "active", { name: "Sergey Ivanov" })).id;
    const old = await screenPartner(c.db, c.tenantId, id, null);
    await importSdnCsv(c, sdnFixture(), "sdn-newer.csv");
    await expect(reviewScreening(c, old.id, { decision: "clear", note: "not him" })).rejects.toMatchObject({ code: "compliance.screening_outdated" });
  });

  it("a clear screening without matches has nothing to review", async () => {
    const s = await screen(await partner("Plain Name"));
    await expect(reviewScreening(ctx, s.id, { decision: "block", note: "just because" })).rejects.toMatchObject({ code: "compliance.nothing_to_review" });
  });
});

describe("screenAll", () => {
  it("screens every active partner once against the latest list", async () => {
    const { ctx: other, fixture: f } = await tenantWithOwner("Screen All Agency");
    await importSdnCsv(other, sdnFixture(), "sdn.csv");
    const names = ["Aleksandr Volkov", "Alexander Volkov", "Ivan Petrenko", "Fyodor Morozov", "John Smith"];
    for (const name of names) await partnerIn(f.tenantId, "active", { name });
    await partnerIn(f.tenantId, "suspended", { name: "Sergei Ivanov" });
    const summary = await screenAll(other);
    expect(summary).toEqual({ screened: 5, clear: 2, possible_match: 3, blocked: 0 });
    expect(await other.db.screening.count()).toBe(5);
  });

  it("handles a few thousand partners against a large list quickly enough to run from a button", async () => {
    const { ctx: big, fixture: f } = await tenantWithOwner("Big Screen Agency");
    const rows = Array.from({ length: 15000 }, (_, i) => `${100000 + i},"SURNAME${i % 3000}OV, Name${i} Patronym${i % 50}","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `);
    await importSdnCsv(big, csv(`${rows.join("\n")}\n9601,"IVANOV, Sergei Petrovich","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n`), "big.csv");
    await prisma.partner.createMany({
      data: Array.from({ length: 2000 }, (_, i) => ({ tenantId: f.tenantId, name: i === 0 ? "Сергей Иванов" : `Partner Number${i} Person`, email: `p${i}@big.test`, market: "RU" as const, status: "active" as const })),
    });
    const started = performance.now();
    const summary = await screenAll(big);
    if (process.env.SHOW_TIMING) console.log(`screenAll: 2000 partners x 15001 entries in ${Math.round(performance.now() - started)} ms`);
    expect(summary).toMatchObject({ screened: 2000, possible_match: 1 });
  });
});
