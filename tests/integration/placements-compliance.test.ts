// Issue 17, part 5: the channel's Roskomnadzor registry number and subscriber count decide the approval
// gate (a rule with its date, in the reader's language), and the creator's legal status comes from a
// linked partner's tax profile where one is filed, else from staff.
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { createCreator, getCreator, updateCreator } from "@/lib/directory/creators";
import { creatorInput } from "@/lib/directory/schemas";
import { createI18n } from "@/lib/i18n/instance";
import { NotFoundError } from "@/lib/kernel/errors";
import { createPlacement } from "@/lib/placements/create-placement";
import { describeRule } from "@/lib/placements/describe-rule";
import { getPlacement } from "@/lib/placements/get-placement";
import { complianceForm } from "@/lib/placements/schemas";
import { PlacementRuleError, transitionPlacement } from "@/lib/placements/transition-placement";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { creatorDeal, placementForm } from "../helpers/placements";

let fixture: TenantFixture;
let staff: TenantContext;
let other: TenantContext;
let deal: Awaited<ReturnType<typeof creatorDeal>>;

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("Compliance Agency"));
  other = (await tenantWithOwner("Other Compliance Agency")).ctx;
  deal = await creatorDeal(fixture);
});

const telegram = () => prisma.creatorPlatform.findFirstOrThrow({ where: { creatorId: deal.creator.id, platform: "telegram" } });

/** A labelled RU Telegram placement with an erid and nothing typed about the channel: the channel answers. */
async function labelled(overrides: Record<string, string> = {}) {
  const { id } = await createPlacement(staff, placementForm(deal, { erid: "2VtzqxABC12", ...overrides }));
  await prisma.placement.update({ where: { id }, data: { status: "labelled" } });
  return id;
}

async function refusal(id: string): Promise<PlacementRuleError | null> {
  try {
    await transitionPlacement(staff, id, { to: "approved_to_publish" });
    return null;
  } catch (e) {
    if (e instanceof PlacementRuleError) return e;
    throw e;
  }
}

/** The creator's form values as staff would send them, with the Telegram row's size and registry number. */
function creatorForm(size: string, rkn: string, extra: Record<string, unknown> = {}) {
  return creatorInput.parse({
    name: "Анна Блогер", market: "RU", platforms: [{ platform: "telegram", handle: "@anna_blog", audienceSize: size, rknRegistryNumber: rkn }], ...extra,
  });
}

describe("the approval gate reads the channel", () => {
  it("a channel of 25 000 without a registry number is refused with the rule and its date in Russian; a number on the channel clears it", async () => {
    await updateCreator(staff, deal.creator.id, creatorForm("25 000", ""));
    const id = await labelled();
    const error = await refusal(id);
    expect(error?.rules.map((r) => r.key)).toEqual(["ru-registry"]);
    const t = createI18n("ru").getFixedT("ru", ["placements", "common"]);
    expect(describeRule(t, "ru", error!.rules[0]).replace(/\s/g, " ")).toBe("С 01.01.2025 реклама для российской аудитории в канале более чем с 10 000 подписчиками разрешена только при записи в перечне Роскомнадзора");
    const en = createI18n("en").getFixedT("en", ["placements", "common"]);
    expect(describeRule(en, "en", error!.rules[0])).toMatch(/^A channel with more than 10,000 subscribers must be in the Roskomnadzor registry to carry advertising .+ since \S*2025$/);

    // The number is recorded once, on the channel in the directory: the existing placement is cleared by it.
    await updateCreator(staff, deal.creator.id, creatorForm("25 000", "№ 4912345678"));
    expect((await telegram()).rknRegistryNumber).toBe("4912345678");
    const detail = await getPlacement(staff, id);
    expect([detail.facts.rknRegistryNumber, detail.facts.registryFrom]).toEqual(["4912345678", "channel"]);
    await expect(transitionPlacement(staff, id, { to: "approved_to_publish" })).resolves.toMatchObject({ to: "approved_to_publish" });
  });

  it("thresholds: 10 000 passes, 10 001 and an unknown size (0 in the directory) need the number; a US audience never does", async () => {
    await updateCreator(staff, deal.creator.id, creatorForm("10 000", ""));
    expect(await refusal(await labelled())).toBeNull();
    await updateCreator(staff, deal.creator.id, creatorForm("10 001", ""));
    expect((await refusal(await labelled()))?.rules.map((r) => r.key)).toEqual(["ru-registry"]);
    await updateCreator(staff, deal.creator.id, creatorForm("", ""));
    const unknown = await labelled();
    expect((await getPlacement(staff, unknown)).facts.channelSubscribers).toBeNull();
    expect((await refusal(unknown))?.rules.map((r) => r.key)).toEqual(["ru-registry"]);
    await updateCreator(staff, deal.creator.id, creatorForm("50 000", ""));
    expect(await refusal(await labelled({ audienceMarket: "US", erid: "", disclosureText: "#ad — paid partnership with Белый лён" }))).toBeNull();
  });

  it("before 2025-01-01 the rule only warns (filing period): approval passes", async () => {
    await updateCreator(staff, deal.creator.id, creatorForm("50 000", ""));
    const id = await labelled({ plannedOn: "2024-12-10" });
    expect((await getPlacement(staff, id)).violations.map((v) => [v.rule.key, v.blocking])).toEqual([["ru-registry-filing", false]]);
    expect(await refusal(id)).toBeNull();
  });

  it("a number typed on the placement wins, and a new placement copies the channel's number", async () => {
    await updateCreator(staff, deal.creator.id, creatorForm("50 000", "4900000001"));
    const { id } = await createPlacement(staff, placementForm(deal, { erid: "2VtzqxABC12" }));
    expect((await prisma.placement.findUniqueOrThrow({ where: { id } })).rknRegistryNumber).toBe("4900000001");
    const typed = await createPlacement(staff, placementForm(deal, { erid: "2VtzqxABC12", rknRegistryNumber: "4911111111" }));
    expect((await getPlacement(staff, typed.id)).facts).toMatchObject({ rknRegistryNumber: "4911111111", registryFrom: "placement" });
  });

  it("the registry number is validated loosely, on the channel and on the placement", () => {
    const row = (rkn: string) => creatorInput.safeParse({ name: "A", market: "RU", platforms: [{ platform: "telegram", handle: "@a", audienceSize: "20 000", rknRegistryNumber: rkn }] });
    expect(row("4912345678").success).toBe(true);
    expect(row("https://knd.gov.ru/license?id=673d9b1d8e23a5bd60e4ed9a&registryType=bloggersPermission").success).toBe(true);
    for (const bad of ["abc", "12", "https://example.com/4912345678", "49 12 34 56 78 90 12 34 56 78 90 12 34 56 78 90 12 34 56 78 90"]) {
      const r = row(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0].message).toBe("rkn_number_invalid");
    }
    expect(complianceForm.safeParse({ rknRegistryNumber: "не номер" }).error?.issues[0].message).toBe("rkn_number_invalid");
    expect(complianceForm.parse({ rknRegistryNumber: " № 4912345678 " }).rknRegistryNumber).toBe("4912345678");
  });
});

describe("the creator's legal status", () => {
  it("staff set it where no tax profile speaks; a linked partner's tax profile decides; a W-9 does not", async () => {
    await updateCreator(staff, deal.creator.id, creatorForm("5 000", "", { legalStatus: "individual" }));
    const id = await labelled();
    expect((await getPlacement(staff, id)).legalStatus).toEqual({ status: "individual", source: "staff" });

    const partner = await partnerWithContext(fixture, { name: "Анна Блогер (партнёр)", market: "RU", locale: "ru" });
    await updateCreator(staff, deal.creator.id, creatorForm("5 000", "", { legalStatus: "individual", partnerId: partner.partnerId }));
    expect((await getPlacement(staff, id)).legalStatus).toEqual({ status: "individual", source: "staff" }); // no profile yet

    const profile = await prisma.taxProfile.create({ data: { tenantId: fixture.tenantId, partnerId: partner.partnerId, form: "ru_self_employed", legalName: "Иванова Анна Сергеевна", inn: "500100732259" } });
    expect((await getPlacement(staff, id)).legalStatus).toEqual({ status: "self_employed", source: "tax_profile" });
    await prisma.taxProfile.update({ where: { id: profile.id }, data: { form: "ru_ip" } });
    expect((await getPlacement(staff, id)).legalStatus).toEqual({ status: "sole_proprietor", source: "tax_profile" });
    await prisma.taxProfile.update({ where: { id: profile.id }, data: { form: "us_w9" } });
    expect((await getPlacement(staff, id)).legalStatus).toEqual({ status: "individual", source: "staff" });
  });

  it("another agency's partner cannot be linked, nor can another agency read the creator", async () => {
    const foreign = await partnerWithContext(fixture, { name: "Чужой партнёр" });
    await expect(createCreator(other, creatorForm("1 000", "", { partnerId: foreign.partnerId }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCreator(other, deal.creator.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCreator(other, deal.creator.id, creatorForm("1 000", "4999999999"))).rejects.toBeInstanceOf(NotFoundError);
    expect((await telegram()).rknRegistryNumber).not.toBe("4999999999");
  });
});
