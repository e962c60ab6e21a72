import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { hashApiKey } from "@/lib/api-keys/key-format";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { createApiKeyInput } from "@/lib/api-keys/schemas";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";

describe("API keys", () => {
  it("creates a key shown once, stores only its hash and prefix, lists and revokes it (audited)", async () => {
    const { fixture, ctx } = await tenantWithOwner("Keys Agency");
    const { key, row } = await createApiKey(ctx, createApiKeyInput.parse({ name: "  Shopify backend " }));
    expect(key).toMatch(/^tw_live_[0-9A-Za-z]{32}$/);
    expect(row).toMatchObject({ name: "Shopify backend", prefix: key.slice(0, 16), revokedAt: null, lastUsedAt: null });
    expect(row).not.toHaveProperty("keyHash");

    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key.slice(16));
    const audits = await prisma.auditLog.findMany({ where: { tenantId: fixture.tenantId, entityId: row.id } });
    expect(JSON.stringify(audits)).not.toContain(key.slice(16));
    expect(audits.map((a) => a.action)).toEqual(["api_key.created"]);

    expect((await listApiKeys(ctx)).map((k) => k.id)).toEqual([row.id]);
    expect(await authenticateApiKey(`Bearer ${key}`)).toMatchObject({ tenantId: fixture.tenantId, apiKeyId: row.id });

    await revokeApiKey(ctx, row.id);
    expect(await authenticateApiKey(`Bearer ${key}`)).toBeNull();
    expect((await listApiKeys(ctx))[0].revokedAt).toBeInstanceOf(Date);
    expect((await prisma.auditLog.findMany({ where: { entityId: row.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("gives every key its own prefix", async () => {
    const { ctx } = await tenantWithOwner("Many Keys Agency");
    const keys = await Promise.all(Array.from({ length: 20 }, (_, i) => createApiKey(ctx, { name: `k${i}` })));
    expect(new Set(keys.map((k) => k.row.prefix)).size).toBe(20);
    expect(new Set(keys.map((k) => k.key)).size).toBe(20);
  });

  it("updates lastUsedAt at most once a minute", async () => {
    const { ctx } = await tenantWithOwner("Usage Agency");
    const { key, row } = await createApiKey(ctx, { name: "usage" });
    const t0 = new Date("2026-05-01T10:00:00Z");
    await authenticateApiKey(`Bearer ${key}`, t0);
    await authenticateApiKey(`Bearer ${key}`, new Date(t0.getTime() + 30_000));
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt?.toISOString()).toBe(t0.toISOString());
    const t2 = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(`Bearer ${key}`, t2);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt?.toISOString()).toBe(t2.toISOString());
  });

  it("tenant B cannot list or revoke A's key", async () => {
    const a = await tenantWithOwner("Key Owner A");
    const b = await tenantWithOwner("Key Owner B");
    const { key, row } = await createApiKey(a.ctx, { name: "A's key" });
    expect(await listApiKeys(b.ctx)).toEqual([]);
    await expect(revokeApiKey(b.ctx, row.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
    expect(await authenticateApiKey(`Bearer ${key}`)).toMatchObject({ tenantId: a.fixture.tenantId });
  });

  it("only owners and admins manage keys", async () => {
    const { fixture, ctx } = await tenantWithOwner("Roles Keys Agency");
    const { row } = await createApiKey(ctx, { name: "owner's" });
    const admin = await memberContext(fixture, "admin");
    await expect(createApiKey(admin, { name: "admin's" })).resolves.toBeTruthy();
    for (const role of ["manager", "analyst"] as const) {
      const member = await memberContext(fixture, role);
      await expect(createApiKey(member, { name: "x" }), role).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listApiKeys(member), role).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeApiKey(member, row.id), role).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
  });
});
