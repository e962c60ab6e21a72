// Staff alert when the redirect refused a Russian-audience placement link without an erid
// (lib/tracking/core.ts). One item per link per UTC day however many visitors were refused.
import { systemContext } from "@/lib/auth/contexts/system";
import { notifyStaff } from "@/lib/notifications/notify-staff";

export async function alertUnlabelledLink(link: { id: string; tenantId: string }, now = new Date()): Promise<number> {
  const db = systemContext("tracking-alert").forTenant(link.tenantId);
  const placement = await db.placement.findFirst({
    where: { trackedLinkId: link.id, audienceMarket: "RU", erid: null },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: { id: true, creatorName: true, brand: { select: { name: true } }, trackedLink: { select: { code: true } } },
  });
  if (!placement) return 0; // labelled meanwhile
  return notifyStaff(db, {
    tenantId: link.tenantId, kind: "placement_unlabelled", dedupeKey: `placement_unlabelled:${link.id}:${now.toISOString().slice(0, 10)}`,
    params: { placementId: placement.id, linkCode: placement.trackedLink?.code ?? "", brandName: placement.brand.name, creatorName: placement.creatorName },
  });
}
