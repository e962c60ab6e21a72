import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, ForbiddenError } from "@/lib/kernel/errors";
import { listPartners } from "@/lib/partners/list-partners";
import { partnerListQuery } from "@/lib/partners/schemas";
import { listReferrals } from "@/lib/referrals/list-referrals";
import { pipelineQuery } from "@/lib/referrals/list-query";
import { globalSearch } from "@/lib/search/global";
import { searchHitPath, type SearchGroup, type SearchKind } from "@/lib/search/schemas";
import enErrors from "@/locales/en/errors.json";
import ruErrors from "@/locales/ru/errors.json";
import { memberContext, tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";
import { prisma } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { partnerIn, programIn, uniqueEmail } from "../helpers/partner-fixtures";

let a: TenantContext;
let aFixture: TenantFixture;
let b: TenantContext;
let programId: string;

const titles = (groups: SearchGroup[], kind: SearchKind) => groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];

beforeAll(async () => {
  ({ ctx: a, fixture: aFixture } = await tenantWithOwner("Search Agency A"));
  ({ ctx: b } = await tenantWithOwner("Search Agency B"));
  programId = (await programIn(a.tenantId, { name: "Тёплые знакомства" })).id;
  const t = a.tenantId;
  await partnerIn(t, "active", { name: "Семён Ёлкин", email: "semyon@elkin.test" });
  await partnerIn(t, "active", { name: "Jessica Moore", email: "jess.moore@partners.test" });
  await partnerIn(t, "active", { name: "Percent 100% Partner", email: uniqueEmail("pct") });
  await partnerIn(t, "active", { name: "Under_score Partner", email: uniqueEmail("us") });
  await partnerIn(t, "active", { name: "Plain 1000 Partner", email: uniqueEmail("plain") });
  await partnerIn(t, "active", { name: "Underscore Partner", email: uniqueEmail("u") });
  for (let i = 1; i <= 7; i++) await partnerIn(t, "active", { name: `Bulk Partner ${i}`, email: uniqueEmail(`bulk${i}`) });
  await prisma.brand.create({ data: { tenantId: t, name: "ООО «Глоу Лаб»", market: "RU", contactEmail: "hello@glowlab.ru", website: "https://glowlab.ru" } });
  const creator = await prisma.creator.create({ data: { tenantId: t, name: "Мария Котова", market: "RU" } });
  await prisma.creatorPlatform.create({ data: { tenantId: t, creatorId: creator.id, platform: "telegram", handle: "@kotova_cooks", handleNormalized: "kotova_cooks" } });
  await prisma.referral.create({ data: { tenantId: t, programId, kind: "brand", subjectName: "Северный Ветер", sourceMarket: "RU", targetMarket: "US", status: "submitted", submittedAt: new Date(), contactValue: "ceo@veter.test" } });
  await prisma.referral.create({ data: { tenantId: t, programId, kind: "brand", subjectName: "Северный Черновик", sourceMarket: "RU", targetMarket: "US", status: "draft" } });
  await prisma.opportunity.create({ data: { tenantId: t, programId, side: "brand_seeks_creators", sourceMarket: "RU", targetMarket: "US", status: "open", titleEn: "Skincare launch in the US", titleRu: "Запуск косметики в США" } });
  // Tenant B has look-alikes of A's records: none of them may ever show for A.
  await partnerIn(b.tenantId, "active", { name: "Семён Ёлкин", email: "semyon@b-agency.test" });
  await prisma.brand.create({ data: { tenantId: b.tenantId, name: "Глоу Лаб Б", market: "RU" } });
});

describe("global search", () => {
  it("finds partners by name regardless of case, and by e-mail", async () => {
    expect(titles(await globalSearch(a, "JESSICA"), "partner")).toEqual(["Jessica Moore"]);
    expect(titles(await globalSearch(a, "jess.moore@"), "partner")).toEqual(["Jessica Moore"]);
  });

  it("matches Cyrillic case-insensitively and reads «ё» as «е»", async () => {
    expect(titles(await globalSearch(a, "СЕМЕН"), "partner")).toEqual(["Семён Ёлкин"]);
    expect(titles(await globalSearch(a, "елкин"), "partner")).toEqual(["Семён Ёлкин"]);
    expect(titles(await globalSearch(a, "глоу"), "brand")).toEqual(["ООО «Глоу Лаб»"]);
    expect(titles(await globalSearch(a, "glowlab.ru"), "brand")).toEqual(["ООО «Глоу Лаб»"]);
  });

  it("covers creators by handle, referrals by subject (never drafts) and opportunities by title", async () => {
    expect(titles(await globalSearch(a, "@kotova"), "creator")).toEqual(["Мария Котова"]);
    expect(titles(await globalSearch(a, "северный"), "referral")).toEqual(["Северный Ветер"]);
    expect(titles(await globalSearch(a, "косметики", { locale: "ru" }), "opportunity")).toEqual(["Запуск косметики в США"]);
    expect(titles(await globalSearch(a, "косметики", { locale: "en" }), "opportunity")).toEqual(["Skincare launch in the US"]);
  });

  it("takes % and _ literally", async () => {
    expect(titles(await globalSearch(a, "0%"), "partner")).toEqual(["Percent 100% Partner"]);
    expect(titles(await globalSearch(a, "r_s"), "partner")).toEqual(["Under_score Partner"]);
    expect(await globalSearch(a, "%%")).toEqual([]);
  });

  it("returns at most five per kind, prefix matches first", async () => {
    const hits = titles(await globalSearch(a, "partner"), "partner");
    expect(hits).toHaveLength(5);
    expect(titles(await globalSearch(a, "bulk"), "partner")).toEqual(["Bulk Partner 1", "Bulk Partner 2", "Bulk Partner 3", "Bulk Partner 4", "Bulk Partner 5"]);
  });

  it("links each hit to its record's page", async () => {
    const [group] = await globalSearch(a, "Jessica");
    expect(searchHitPath(group.hits[0])).toBe(`/partners/${group.hits[0].id}`);
  });

  it("never shows another agency's records", async () => {
    const groups = await globalSearch(a, "Ёлкин");
    expect(groups.flatMap((g) => g.hits)).toHaveLength(1);
    const own = await prisma.partner.findFirstOrThrow({ where: { tenantId: a.tenantId, name: "Семён Ёлкин" } });
    expect(groups[0].hits[0].id).toBe(own.id);
    expect(titles(await globalSearch(a, "Глоу Лаб Б"), "brand")).toEqual([]);
    const fromB = await globalSearch(b, "Ёлкин");
    expect(fromB.flatMap((g) => g.hits.map((h) => h.id))).not.toContain(own.id);
    expect(titles(fromB, "partner")).toEqual(["Семён Ёлкин"]);
  });

  it("is for staff only: every staff role may search, a partner's context may not", async () => {
    const analyst = await memberContext(aFixture, "analyst");
    expect(titles(await globalSearch(analyst, "Jessica"), "partner")).toEqual(["Jessica Moore"]);
    const { ctx: partner } = await partnerWithContext(aFixture, { name: "Nosy Partner" });
    await expect(globalSearch(partner as unknown as TenantContext, "Jessica")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it.each([["x"], [" a "], ["y".repeat(101)], [""], [42], [undefined]])("rejects %j with a translated error key", async (q) => {
    const error = await globalSearch(a, q).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("search_query_length");
    expect(enErrors).toHaveProperty("search_query_length");
    expect(ruErrors).toHaveProperty("search_query_length");
  });
});

describe("list text search", () => {
  it("filters the referrals list by subject, keeping the other filters", async () => {
    const found = await listReferrals(a, pipelineQuery.parse({ q: "ветер" }));
    expect(found.items.map((r) => r.subjectName)).toEqual(["Северный Ветер"]);
    expect((await listReferrals(a, pipelineQuery.parse({ q: "ветер", status: "won" }))).items).toEqual([]);
    expect((await listReferrals(a, pipelineQuery.parse({ q: "черновик" }))).items).toEqual([]);
  });

  it("filters the partners list by name or e-mail", async () => {
    const byName = await listPartners(a, partnerListQuery.parse({ q: "jessica" }));
    expect(byName.items.map((p) => p.name)).toEqual(["Jessica Moore"]);
    const byEmail = await listPartners(a, partnerListQuery.parse({ q: "SEMYON@" }));
    expect(byEmail.items.map((p) => p.name)).toEqual(["Семён Ёлкин"]);
  });
});
