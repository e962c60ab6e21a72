import { beforeAll, describe, expect, it } from "vitest";
import { createBrand, getBrand, listBrands, setBrandArchived, updateBrand } from "@/lib/directory/brands";
import { createCreator, getCreator, listCreators, setCreatorArchived, updateCreator } from "@/lib/directory/creators";
import { brandInput, creatorInput, listQuery } from "@/lib/directory/schemas";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { resolveTenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { prisma } from "../helpers/db";
import { tenantWithOwner } from "../helpers/context";

const all = listQuery.parse({});
let a: TenantContext;
let b: TenantContext;
let brandId: string;
let creatorId: string;

beforeAll(async () => {
  a = (await tenantWithOwner("Agency A")).ctx;
  b = (await tenantWithOwner("Agency B")).ctx;
  brandId = (await createBrand(a, brandInput.parse({ name: "Glow Lab", market: "RU", website: "glowlab.ru" }))).id;
  creatorId = (await createCreator(a, creatorInput.parse({
    name: "Jess Rivera", market: "US", platforms: [{ platform: "tiktok", handle: "@jessglow", audienceSize: "250000" }],
  }))).id;
});

describe("brands and creators are invisible to another tenant", () => {
  it("the owner tenant sees its rows", async () => {
    expect((await getBrand(a, brandId)).name).toBe("Glow Lab");
    expect((await getCreator(a, creatorId)).platforms[0].handleNormalized).toBe("jessglow");
    expect((await listBrands(a, all)).total).toBe(1);
  });

  it("tenant B cannot list them, even when searching by name or handle", async () => {
    expect((await listBrands(b, all)).total).toBe(0);
    expect((await listBrands(b, listQuery.parse({ q: "glow" }))).total).toBe(0);
    expect((await listCreators(b, listQuery.parse({ q: "jessglow" }))).total).toBe(0);
  });

  it("tenant B cannot read them by id: same answer as a missing id", async () => {
    await expect(getBrand(b, brandId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCreator(b, creatorId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBrand(b, "does-not-exist")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("tenant B cannot update or archive them, and nothing changes", async () => {
    await expect(updateBrand(b, brandId, brandInput.parse({ name: "Hijacked", market: "US" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setBrandArchived(b, brandId, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCreator(b, creatorId, creatorInput.parse({ name: "Hijacked", market: "RU" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(setCreatorArchived(b, creatorId, true)).rejects.toBeInstanceOf(NotFoundError);
    const brand = await prisma.brand.findUniqueOrThrow({ where: { id: brandId } });
    const creator = await prisma.creator.findUniqueOrThrow({ where: { id: creatorId }, include: { platforms: true } });
    expect([brand.name, brand.archivedAt]).toEqual(["Glow Lab", null]);
    expect([creator.name, creator.archivedAt, creator.platforms.length]).toEqual(["Jess Rivera", null, 1]);
  });

  it("a tenant-scoped client cannot write into another tenant by passing its id", async () => {
    const created = await b.db.brand.create({ data: { name: "Sneaky", market: "US", tenantId: a.tenantId } });
    expect(created.tenantId).toBe(b.tenantId);
    // The caller's tenantId is overridden: only B's own row ("Sneaky") matches, A's brand is untouched.
    const { count } = await b.db.brand.updateMany({ where: { tenantId: a.tenantId }, data: { name: "renamed by B" } });
    expect(count).toBe(1);
    expect((await prisma.brand.findUniqueOrThrow({ where: { id: brandId } })).name).toBe("Glow Lab");
    expect((await prisma.brand.findUniqueOrThrow({ where: { id: created.id } })).name).toBe("renamed by B");
  });

  it("the scoped client refuses global tables", async () => {
    await expect((b.db as unknown as typeof prisma).user.findMany()).rejects.toThrow(/not reachable/);
  });

  it("a user gets no context in a tenant they are not a member of (the URL alone grants nothing)", async () => {
    expect(await resolveTenantContext(b.userId, a.slug)).toBeNull();
    expect(await resolveTenantContext(a.userId, a.slug)).not.toBeNull();
  });
});

describe("archiving", () => {
  it("moves a brand out of the active list and back", async () => {
    const id = (await createBrand(a, brandInput.parse({ name: "Temp Brand", market: "US" }))).id;
    await setBrandArchived(a, id, true);
    expect((await listBrands(a, listQuery.parse({ q: "temp" }))).total).toBe(0);
    expect((await listBrands(a, listQuery.parse({ q: "temp", status: "archived" }))).total).toBe(1);
    await setBrandArchived(a, id, false);
    expect((await listBrands(a, listQuery.parse({ q: "temp" }))).total).toBe(1);
    const log = await prisma.auditLog.findMany({ where: { tenantId: a.tenantId, entityId: id }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["brand.created", "brand.archived", "brand.restored"]);
  });

  it("editing a creator replaces its platforms", async () => {
    await updateCreator(a, creatorId, creatorInput.parse({
      name: "Jess Rivera", market: "US",
      platforms: [{ platform: "instagram", handle: "jess.rivera", audienceSize: "90 000" }, { platform: "youtube", handle: "JessR", audienceSize: "1000" }],
    }));
    const creator = await getCreator(a, creatorId);
    expect(creator.platforms.map((p) => [p.platform, p.audienceSize, p.tenantId])).toEqual([
      ["instagram", 90000, a.tenantId], ["youtube", 1000, a.tenantId],
    ]);
  });
});

describe("pagination and filters", () => {
  it("pages through 45 brands 20 at a time, filtered by market", async () => {
    const { ctx } = await tenantWithOwner("Big Agency");
    for (let i = 0; i < 45; i++) {
      await createBrand(ctx, brandInput.parse({ name: `Brand ${String(i).padStart(2, "0")}`, market: i % 3 === 0 ? "RU" : "US" }));
    }
    const first = await listBrands(ctx, listQuery.parse({}));
    const third = await listBrands(ctx, listQuery.parse({ page: "3" }));
    expect([first.total, first.items.length, first.pageCount, third.items.length]).toEqual([45, 20, 3, 5]);
    expect(first.items[0].name).toBe("Brand 00");
    expect((await listBrands(ctx, listQuery.parse({ market: "RU" }))).total).toBe(15);
  });
});
