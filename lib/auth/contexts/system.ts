// Be extremely careful: a SystemContext is the process acting for itself, with no person and no
// tenant behind the request — the Stripe webhook (proved by its signature), the jobs (commissions,
// the partner-mail sweep, the job queue: lib/jobs), the /metrics gauges (counts only), the seed, global reference data (tax thresholds), and
// secret-token lookups that find their tenant from the token (staff and partner invites).
//
// `db` is the OWNER's client: not tenant-scoped and not under row-level security. Use it only to
// find which tenant a piece of work belongs to, or for tables that belong to no tenant; do the
// tenant's work itself on `forTenant(tenantId)`, which is `tenantDb` (RLS applies). ESLint allows
// this module only in the few files listed in eslint.config.mjs ("system context").
import { ownerDb, type OwnerDb } from "@/lib/db/owner";
import { tenantDb, type TenantDb } from "@/lib/db/tenant-client";

const brand: unique symbol = Symbol("SystemContext");

/** Why the process acts as the owner; one per kind of caller (documentation and logs). */
export type SystemPurpose =
  | "stripe-webhook"
  | "partner-mail"
  | "staff-mail"
  | "message-mail"
  | "commission-job"
  | "jobs"
  | "metrics"
  | "seed"
  | "tax-thresholds"
  | "staff-invite"
  | "partner-invite"
  | "tracking-alert";

export type SystemContext = {
  readonly [brand]: true;
  readonly purpose: SystemPurpose;
  readonly db: OwnerDb;
  /** The tenant-scoped client for work inside one tenant (row-level security applies). */
  forTenant(tenantId: string): TenantDb;
};

export function systemContext(purpose: SystemPurpose): SystemContext {
  return { [brand]: true, purpose, db: ownerDb(), forTenant: (tenantId) => tenantDb(tenantId) };
}
