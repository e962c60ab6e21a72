import { describe, expect, it, vi } from "vitest";

describe("tenant scope", () => {
  it("is one per process: a second copy of the module (Next's bundle next to scripts/server.ts) sees the same tenant", async () => {
    const first = await import("./tenant-scope");
    vi.resetModules();
    const second = await import("./tenant-scope");
    expect(second).not.toBe(first); // really two module instances
    expect(first.runAsTenant("tenant_a", () => second.currentTenant())).toBe("tenant_a");
    expect(await second.runAsTenant("tenant_b", async () => first.currentTenant())).toBe("tenant_b");
    expect(first.runAsTenant("tenant_a", () => second.runAsOwner(() => first.currentTenant()))).toBeUndefined();
    expect(first.currentTenant()).toBeUndefined();
  });
});
