// Staff hear about an endpoint that keeps failing: after 5, 10 and 15 failed attempts in a row, and
// when the 20th turns it off. One in-app notification ("webhook_failing", lib/notifications) per
// owner and admin (the "integrations:manage" audience), written inside the caller's transaction so it
// commits with the failure count it reports; the notifications' mail sweep e-mails it to those who
// want e-mail, in their language.
import type { TenantTx } from "@/lib/db/tenant-client";
import { notifyStaff } from "@/lib/notifications/notify-staff";

export type FailureAlert = { tenantId: string; endpointId: string; endpointUrl: string; failures: number; disabled: boolean; at: Date };

/** Returns how many staff were notified. */
export function alertStaffOfFailures(tx: TenantTx, alert: FailureAlert): Promise<number> {
  return notifyStaff(tx, {
    tenantId: alert.tenantId,
    kind: "webhook_failing",
    params: { endpointUrl: alert.endpointUrl, failures: alert.failures },
    // One per threshold crossed: the same endpoint failing again after a success alerts again.
    dedupeKey: `webhook_failing:${alert.endpointId}:${alert.failures}:${alert.at.getTime()}`,
  });
}
