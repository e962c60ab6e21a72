// External ids Twoway gives its ОРД objects. They are derived from the tenant and the row they stand
// for, never random, so a retried job, a second click or a re-export names the same object and the
// operator updates it instead of registering a duplicate contract or creative.
import { createHash } from "node:crypto";

export type OrdIdKind = "person" | "contract" | "pad" | "creative" | "media";

/**
 * `tw-<kind>-<hash>`: a hash of tenant and local id keeps another tenant's (or installation's) ids
 * apart in one operator account without sending Twoway's internal ids to the operator.
 */
export function ordExternalId(kind: OrdIdKind, tenantId: string, localId: string): string {
  // Nothing configurable goes in: a changed setting must not rename every registered object.
  const digest = createHash("sha256").update(`${tenantId}\u0000${kind}\u0000${localId}`).digest("hex").slice(0, 24);
  return `tw-${kind}-${digest}`;
}
