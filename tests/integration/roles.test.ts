import { beforeAll, describe, expect, it } from "vitest";
import { createBrand, listBrands, setBrandArchived } from "@/lib/directory/brands";
import { brandInput, listQuery } from "@/lib/directory/schemas";
import { ForbiddenError } from "@/lib/kernel/errors";
import { updateWorkspace } from "@/lib/settings/update-workspace";
import { inviteStaff } from "@/lib/staff/invite-staff";
import type { TenantFixture } from "../helpers/db";
import { memberContext, tenantWithOwner } from "../helpers/context";

let fixture: TenantFixture;
let brandId: string;

beforeAll(async () => {
  const owner = await tenantWithOwner("Roles Agency");
  fixture = owner.fixture;
  brandId = (await createBrand(owner.ctx, brandInput.parse({ name: "Owned", market: "US" }))).id;
});

describe("role permissions", () => {
  it("an analyst can read but not create or archive", async () => {
    const analyst = await memberContext(fixture, "analyst");
    expect((await listBrands(analyst, listQuery.parse({}))).total).toBe(1);
    await expect(createBrand(analyst, brandInput.parse({ name: "No", market: "US" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setBrandArchived(analyst, brandId, true)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a manager edits the directory but cannot change settings or invite staff", async () => {
    const manager = await memberContext(fixture, "manager");
    await expect(createBrand(manager, brandInput.parse({ name: "Yes", market: "RU" }))).resolves.toMatchObject({ name: "Yes" });
    await expect(updateWorkspace(manager, { name: "Renamed", reportingCurrency: "RUB", boardEmbedOrigins: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteStaff(manager, { email: "x@y.test", role: "analyst", language: "en" }, "http://localhost")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an admin invites staff but cannot create owners", async () => {
    const admin = await memberContext(fixture, "admin");
    await expect(inviteStaff(admin, { email: "new-analyst@y.test", role: "analyst", language: "ru" }, "http://localhost")).resolves.toMatchObject({ invite: { email: "new-analyst@y.test", role: "analyst" } });
    await expect(inviteStaff(admin, { email: "boss@y.test", role: "owner", language: "en" }, "http://localhost")).rejects.toMatchObject({ code: "forbidden" });
  });
});
