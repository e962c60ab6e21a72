import { describe, expect, it } from "vitest";
import { assignableRoles, can, permissions } from "./permissions";

describe("permission matrix", () => {
  it("analyst can read everything and change nothing", () => {
    for (const p of permissions) expect(can("analyst", p)).toBe(p.endsWith(":read"));
  });

  it("manager runs the work but not settings, staff or money", () => {
    expect(can("manager", "directory:write")).toBe(true);
    expect(can("manager", "referrals:write")).toBe(true);
    expect(can("manager", "settings:manage")).toBe(false);
    expect(can("manager", "staff:manage")).toBe(false);
    expect(can("manager", "payouts:manage")).toBe(false);
  });

  it("owners and admins can do everything; only owners make owners", () => {
    for (const p of permissions) {
      expect(can("owner", p)).toBe(true);
      expect(can("admin", p)).toBe(true);
    }
    expect(assignableRoles("owner")).toContain("owner");
    expect(assignableRoles("admin")).not.toContain("owner");
    expect(assignableRoles("manager")).toEqual([]);
  });
});
