import { Badge } from "@/components/ui/card";
import type { PartnerStatus } from "@/lib/kernel/enums";

const tones = {
  applied: "amber",
  invited: "indigo",
  active: "green",
  suspended: "red",
  declined: "slate",
  removed: "slate",
} as const satisfies Record<PartnerStatus, string>;

export function PartnerStatusBadge({ status, label }: { status: PartnerStatus; label: string }) {
  return <Badge tone={tones[status]}>{label}</Badge>;
}
