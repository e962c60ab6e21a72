import { beforeAll, describe, expect, it } from "vitest";
import type { PlacementStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { createPlacement } from "@/lib/placements/create-placement";
import { placementMoveForm } from "@/lib/placements/schemas";
import { isLegalPlacementMove, placementStatuses } from "@/lib/placements/state-machine";
import { PlacementRuleError, transitionPlacement } from "@/lib/placements/transition-placement";
import { updatePlacementCompliance } from "@/lib/placements/update-compliance";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { creatorDeal, placementForm } from "../helpers/placements";

let fixture: TenantFixture;
let staff: TenantContext;
let deal: Awaited<ReturnType<typeof creatorDeal>>;

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("Placements Agency"));
  deal = await creatorDeal(fixture);
});

/** A compliant Telegram placement for a RU audience (erid, registered channel), put straight into `status`. */
async function inStatus(status: PlacementStatus, overrides: Record<string, string> = {}) {
  const { id } = await createPlacement(staff, placementForm(deal, { erid: "2VtzqxABC12", rknRegistryNumber: "4912345678", ...overrides }));
  if (status !== "draft") await prisma.placement.update({ where: { id }, data: { status } });
  return id;
}

const movePayload = (to: PlacementStatus) =>
  placementMoveForm.parse(to === "published" ? { to, postUrl: "https://t.me/anna_blog/123", publishedOn: "2026-12-01", proofUrl: "https://cdn.example/proof.png" } : { to });

describe("creating a placement", () => {
  it("from a won creator referral: a draft with the creator's channel size, its first history step, an audit entry", async () => {
    const { id } = await createPlacement(staff, placementForm(deal));
    const row = await prisma.placement.findUniqueOrThrow({ where: { id }, include: { transitions: true } });
    expect(row).toMatchObject({ status: "draft", creatorId: deal.creator.id, creatorName: "Анна Блогер", channelSubscribers: 25_000, priceMinor: 4_500_000n, currency: "RUB", mediaUrls: ["https://cdn.example/1.jpg"] });
    expect(row.transitions.map((t) => [t.fromStatus, t.toStatus, t.actorUserId])).toEqual([[null, "draft", staff.userId]]);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "placement.created" } })).toBe(1);
  });

  it("refuses a referral that is not won, and an opt-in that is not accepted", async () => {
    const open = await prisma.referral.update({ where: { id: (await creatorDeal(fixture, "in_negotiation")).referral.id }, data: {} });
    await expect(createPlacement(staff, placementForm({ brand: deal.brand, referral: open }))).rejects.toMatchObject({ code: "placement_referral_not_won" });
  });

  it("the form needs exactly one source, a price and a valid date", () => {
    expect(() => placementForm(deal, { referralId: "" })).toThrow(/placement_source_required/);
    expect(() => placementForm(deal, { plannedOn: "2026-02-30" })).toThrow(/date_invalid/);
    expect(() => placementForm(deal, { price: "много" })).toThrow(/money_invalid/);
  });
});

describe("the status machine (staff)", () => {
  for (const from of placementStatuses) {
    it(`from ${from}: every allowed move applies and is recorded, every other is refused`, async () => {
      for (const to of placementStatuses) {
        const id = await inStatus(from);
        if (isLegalPlacementMove(from, to)) {
          await expect(transitionPlacement(staff, id, movePayload(to)), `${from} → ${to}`).resolves.toMatchObject({ from, to });
          const row = await prisma.placement.findUniqueOrThrow({ where: { id } });
          expect(row.status).toBe(to);
          const last = await prisma.placementTransition.findFirstOrThrow({ where: { placementId: id }, orderBy: { createdAt: "desc" } });
          expect([last.fromStatus, last.toStatus, last.actorUserId]).toEqual([from, to, staff.userId]);
          if (to === "published") expect([row.postUrl, row.publishedOn?.toISOString().slice(0, 10), row.proofUrl]).toEqual(["https://t.me/anna_blog/123", "2026-12-01", "https://cdn.example/proof.png"]);
        } else {
          await expect(transitionPlacement(staff, id, movePayload(to)), `${from} → ${to}`).rejects.toMatchObject({ code: "placement_transition_invalid" });
          expect((await prisma.placement.findUniqueOrThrow({ where: { id } })).status).toBe(from);
        }
      }
    });
  }

  it("publishing needs the post's URL and date", async () => {
    const id = await inStatus("approved_to_publish");
    await expect(transitionPlacement(staff, id, { to: "published" })).rejects.toMatchObject({ code: "placement_post_url_required" });
    await expect(transitionPlacement(staff, id, { to: "published", postUrl: "https://t.me/x/1" })).rejects.toMatchObject({ code: "placement_published_on_required" });
    expect((await prisma.placement.findUniqueOrThrow({ where: { id } })).status).toBe("approved_to_publish");
  });

  it("an analyst cannot move a placement", async () => {
    const { memberContext } = await import("../helpers/context");
    const analyst = await memberContext(fixture, "analyst");
    const id = await inStatus("labelled");
    await expect(transitionPlacement(analyst, id, { to: "approved_to_publish" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the rules gate on approval (rules seeded for every agency)", () => {
  const approve = (id: string) => transitionPlacement(staff, id, { to: "approved_to_publish" });
  const refusedWith = async (id: string) => {
    const error = await approve(id).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(PlacementRuleError);
    expect((await prisma.placement.findUniqueOrThrow({ where: { id } })).status).toBe("labelled");
    return (error as PlacementRuleError).rules.map((r) => `${r.key}@${r.effectiveFrom.toISOString().slice(0, 10)}`);
  };

  it("the agency has the shipped rules without doing anything", async () => {
    const keys = (await prisma.platformRule.findMany({ where: { tenantId: staff.tenantId } })).map((r) => r.key).sort();
    expect(keys).toEqual(["ru-erid", "ru-facebook-banned", "ru-instagram-banned", "ru-label", "ru-registry", "ru-registry-filing", "ru-statistics-deadline", "ru-x-banned", "us-disclosure"]);
  });

  it("Instagram for a RU audience: refused on and after 2025-09-01, allowed the day before", async () => {
    const on = await inStatus("labelled", { platform: "instagram", channel: "@anna.insta", plannedOn: "2025-09-01" });
    expect(await refusedWith(on)).toEqual(["ru-instagram-banned@2025-09-01"]);
    const after = await inStatus("labelled", { platform: "instagram", channel: "@anna.insta", plannedOn: "2026-12-20" });
    expect(await refusedWith(after)).toEqual(["ru-instagram-banned@2025-09-01"]);
    const before = await inStatus("labelled", { platform: "instagram", channel: "@anna.insta", plannedOn: "2025-08-31" });
    await expect(approve(before)).resolves.toMatchObject({ to: "approved_to_publish" });
  });

  it("Facebook for a RU audience is refused too; Instagram for a US audience is not", async () => {
    expect(await refusedWith(await inStatus("labelled", { platform: "facebook", channel: "fb.com/anna", plannedOn: "2026-01-10" }))).toEqual(["ru-facebook-banned@2025-09-01"]);
    const us = await inStatus("labelled", { platform: "instagram", audienceMarket: "US", disclosureText: "#ad — paid partnership with Белый лён" });
    await expect(approve(us)).resolves.toMatchObject({ to: "approved_to_publish" });
  });

  it("a RU placement without an erid is refused; with one it is approved", async () => {
    const id = await inStatus("labelled", { erid: "" });
    expect(await refusedWith(id)).toEqual(["ru-erid@2022-09-01"]);
    await updatePlacementCompliance(staff, id, { erid: "2VtzqxABC12", rknRegistryNumber: "4912345678", channelSubscribers: 25_000, disclosureText: null });
    await expect(approve(id)).resolves.toMatchObject({ to: "approved_to_publish" });
  });

  it("a channel above 10 000 subscribers without a registry number is refused from 2025-01-01; at 10 000 or before the date it is not", async () => {
    expect(await refusedWith(await inStatus("labelled", { rknRegistryNumber: "" }))).toEqual(["ru-registry@2025-01-01"]);
    // Between filing opening and the ban the rule only warns.
    await expect(approve(await inStatus("labelled", { rknRegistryNumber: "", plannedOn: "2024-12-15" }))).resolves.toMatchObject({ to: "approved_to_publish" });
    await expect(approve(await inStatus("labelled", { rknRegistryNumber: "", channelSubscribers: "10 000" }))).resolves.toMatchObject({ to: "approved_to_publish" });
  });

  it("a US placement needs a recorded disclosure", async () => {
    const id = await inStatus("labelled", { audienceMarket: "US", erid: "", rknRegistryNumber: "" });
    expect(await refusedWith(id)).toEqual(["us-disclosure@2023-07-26"]);
    await updatePlacementCompliance(staff, id, { erid: null, rknRegistryNumber: null, channelSubscribers: 25_000, disclosureText: "#ad — paid partnership with Белый лён" });
    await expect(approve(id)).resolves.toMatchObject({ to: "approved_to_publish" });
  });

  it("several broken rules are all named", async () => {
    const id = await inStatus("labelled", { platform: "instagram", erid: "", plannedOn: "2026-12-20" });
    expect((await refusedWith(id)).sort()).toEqual(["ru-erid@2022-09-01", "ru-instagram-banned@2025-09-01"]);
  });

  it("compliance facts are frozen once approved", async () => {
    const id = await inStatus("approved_to_publish");
    await expect(updatePlacementCompliance(staff, id, { erid: null, rknRegistryNumber: null, channelSubscribers: null, disclosureText: null })).rejects.toMatchObject({ code: "placement_compliance_frozen" });
  });
});
