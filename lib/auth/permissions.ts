import type { Role } from "@/lib/db/generated/enums";
import { ForbiddenError } from "@/lib/kernel/errors";

export const permissions = [
  "dashboard:read",
  "directory:read",
  "directory:write",
  "partners:read",
  "partners:write",
  "referrals:read",
  "referrals:write",
  "opportunities:read",
  "opportunities:write",
  "funnel:read",
  "links:write",
  "events:import",
  "integrations:manage",
  "payouts:read",
  "payouts:manage",
  "settings:read",
  "settings:manage",
  "staff:manage",
  "audit:read",
] as const;
export type Permission = (typeof permissions)[number];

const reads = permissions.filter((p) => p.endsWith(":read"));
const operations: Permission[] = [
  ...reads,
  "directory:write",
  "partners:write",
  "referrals:write",
  "opportunities:write",
  "links:write",
  "events:import",
];

// Owners and admins run the workspace; managers run the day-to-day work but cannot change
// settings, staff, API keys, FX rates or money; analysts only read. Only an owner can make someone an owner.
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(permissions),
  admin: new Set(permissions),
  manager: new Set(operations),
  analyst: new Set(reads),
};

/** False for anything outside the matrix — an unknown role (a stale session, a newer database) or a prototype key like "constructor". */
export function can(role: Role, permission: Permission): boolean {
  return Object.hasOwn(rolePermissions, role) && rolePermissions[role].has(permission);
}

/** Roles a member with `role` may grant when inviting or changing staff. */
export function assignableRoles(role: Role): Role[] {
  if (role === "owner") return ["owner", "admin", "manager", "analyst"];
  if (role === "admin") return ["admin", "manager", "analyst"];
  return [];
}

export function assertCan(ctx: { role: Role }, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new ForbiddenError();
}
