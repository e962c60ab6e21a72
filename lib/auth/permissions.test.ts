import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import { ForbiddenError } from "@/lib/kernel/errors";
import { assertCan, assignableRoles, can, permissions } from "./permissions";

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

  it("denies a role that is not in the matrix instead of throwing", () => {
    for (const role of ["partner", "superadmin", "", "constructor", "__proto__", "toString"]) {
      for (const p of permissions) expect(can(role as Role, p)).toBe(false);
    }
    expect(() => assertCan({ role: "partner" as Role }, "directory:read")).toThrow(ForbiddenError);
  });
});
