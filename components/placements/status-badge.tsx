import { Badge } from "@/components/ui/card";
import type { PlacementStatus } from "@/lib/kernel/enums";

const tones: Record<PlacementStatus, "slate" | "green" | "amber" | "indigo" | "red"> = {
  draft: "slate", ready_to_label: "amber", labelled: "indigo", approved_to_publish: "green", published: "green", reported: "slate",
};

export function PlacementStatusBadge({ status, label }: { status: PlacementStatus; label: string }) {
  return <Badge tone={tones[status]}>{label}</Badge>;
}
