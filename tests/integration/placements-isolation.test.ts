import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { createPlacement } from "@/lib/placements/create-placement";
import { getPlacement } from "@/lib/placements/get-placement";
import { hasPartnerPlacements, listPartnerPlacements, listPlacements } from "@/lib/placements/list-placements";
import { installDefaultPlatformRules, listPlatformRules, updatePlatformRule } from "@/lib/placements/platform-rules";
import { platformRuleForm } from "@/lib/placements/schemas";
import { transitionPlacement } from "@/lib/placements/transition-placement";
import { updatePlacementCompliance } from "@/lib/placements/update-compliance";
import { NotFoundError } from "@/lib/kernel/errors";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { creatorDeal, placementForm } from "../helpers/placements";

let a: TenantContext;
let b: TenantContext;
let fa: TenantFixture;
let deal: Awaited<ReturnType<typeof creatorDeal>>;
let placementId: string;
let ruleId: string;
const ruleEdit = (overrides: Record<string, string> = {}) =>
  platformRuleForm.parse({ effectiveFrom: "2025-09-01", effectiveTo: "", threshold: "", source: "72-ФЗ от 07.04.2025", sourceUrl: "https://tass.ru/obschestvo/24918975", ...overrides });

beforeAll(async () => {
  ({ fixture: fa, ctx: a } = await tenantWithOwner("Agency A"));
  b = (await tenantWithOwner("Agency B")).ctx;
  deal = await creatorDeal(fa);
  placementId = (await createPlacement(a, placementForm(deal))).id;
  ruleId = (await prisma.platformRule.findFirstOrThrow({ where: { tenantId: a.tenantId, key: "ru-instagram-banned" } })).id;
});

describe("placements are invisible to another tenant", () => {
  it("tenant B cannot list, read, move or change A's placement", async () => {
    expect((await listPlacements(a)).map((p) => p.id)).toEqual([placementId]);
    expect(await listPlacements(b)).toEqual([]);
    await expect(getPlacement(b, placementId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionPlacement(b, placementId, { to: "ready_to_label" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePlacementCompliance(b, placementId, { erid: "HIJACK", rknRegistryNumber: null, channelSubscribers: null, disclosureText: null })).rejects.toBeInstanceOf(NotFoundError);
    const row = await prisma.placement.findUniqueOrThrow({ where: { id: placementId } });
    expect([row.status, row.erid]).toEqual(["draft", null]);
  });

  it("tenant B cannot create a placement from A's referral, brand or creator", async () => {
    await expect(createPlacement(b, placementForm(deal))).rejects.toBeInstanceOf(NotFoundError);
    const own = await creatorDeal(await prisma.tenant.findUniqueOrThrow({ where: { id: b.tenantId } }).then((t) => ({ tenantId: t.id, slug: t.slug } as TenantFixture)));
    await expect(createPlacement(b, placementForm({ brand: deal.brand, referral: own.referral }))).rejects.toMatchObject({ code: "placement_brand_required" });
  });

  it("a partner sees the placements of their own deals only", async () => {
    expect((await listPartnerPlacements(deal.partner.ctx)).map((p) => p.id)).toEqual([placementId]);
    const other = await partnerWithContext(fa, { name: "Other Partner" });
    expect(await listPartnerPlacements(other.ctx)).toEqual([]);
    // The portal menu lists "Placements" for the first partner only (docs/decisions.md).
    expect(await hasPartnerPlacements(deal.partner.ctx)).toBe(true);
    expect(await hasPartnerPlacements(other.ctx)).toBe(false);
  });
});

describe("platform rules", () => {
  it("each tenant has its own copy; B cannot read or edit A's", async () => {
    const [ra, rb] = [await listPlatformRules(a), await listPlatformRules(b)];
    expect(ra).toHaveLength(9);
    expect(rb).toHaveLength(9);
    expect(rb.map((r) => r.id)).not.toContain(ruleId);
    await expect(updatePlatformRule(b, ruleId, ruleEdit({ effectiveFrom: "2030-01-01" }))).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.platformRule.findUniqueOrThrow({ where: { id: ruleId } })).effectiveFrom.toISOString().slice(0, 10)).toBe("2025-09-01");
  });

  it("only the owner edits a rule (not an admin or a manager); the edit is audited with before and after", async () => {
    for (const role of ["admin", "manager", "analyst"] as const) {
      await expect(updatePlatformRule(await memberContext(fa, role), ruleId, ruleEdit({ effectiveFrom: "2026-01-01" })), role).rejects.toMatchObject({ code: "forbidden" });
    }
    await updatePlatformRule(a, ruleId, ruleEdit({ effectiveFrom: "2026-01-01", effectiveTo: "2026-06-30" }));
    const row = await prisma.platformRule.findUniqueOrThrow({ where: { id: ruleId } });
    expect([row.effectiveFrom.toISOString().slice(0, 10), row.effectiveTo?.toISOString().slice(0, 10)]).toEqual(["2026-01-01", "2026-06-30"]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.tenantId, action: "platform_rule.updated", entityId: ruleId } });
    expect(audit.actorUserId).toBe(a.userId);
    expect(audit.data).toMatchObject({ key: "ru-instagram-banned", before: { effectiveFrom: "2025-09-01", effectiveTo: null }, after: { effectiveFrom: "2026-01-01", effectiveTo: "2026-06-30" } });
  });

  it("the edited dates decide the gate: Instagram planned 2025-10-01 is now allowed, 2026-03-01 refused", async () => {
    const labelled = async (plannedOn: string) => {
      const { id } = await createPlacement(a, placementForm(deal, { platform: "instagram", plannedOn, erid: "2Vtz1", rknRegistryNumber: "4912345678" }));
      await prisma.placement.update({ where: { id }, data: { status: "labelled" } });
      return id;
    };
    await expect(transitionPlacement(a, await labelled("2025-10-01"), { to: "approved_to_publish" })).resolves.toMatchObject({ to: "approved_to_publish" });
    await expect(transitionPlacement(a, await labelled("2026-03-01"), { to: "approved_to_publish" })).rejects.toMatchObject({ code: "placement_rule_blocks" });
  });

  it("re-installing the defaults restores a removed rule and keeps an edited one", async () => {
    await prisma.platformRule.deleteMany({ where: { tenantId: a.tenantId, key: "ru-erid" } });
    expect(await installDefaultPlatformRules(a)).toBe(1);
    expect(await installDefaultPlatformRules(a)).toBe(0);
    expect((await prisma.platformRule.findUniqueOrThrow({ where: { id: ruleId } })).effectiveFrom.toISOString().slice(0, 10)).toBe("2026-01-01");
    expect(await prisma.platformRule.count({ where: { tenantId: b.tenantId } })).toBe(9);
  });

  it("the form refuses an end before the start", () => {
    expect(() => ruleEdit({ effectiveFrom: "2026-01-01", effectiveTo: "2025-01-01" })).toThrow(/placement_rule_dates_invalid/);
  });
});
