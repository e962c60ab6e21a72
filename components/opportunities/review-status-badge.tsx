import { Badge } from "@/components/ui/card";
import type { OptInStatus } from "@/lib/kernel/enums";

const tones: Record<OptInStatus, "slate" | "green" | "amber" | "indigo" | "red"> = {
  new: "indigo",
  shortlisted: "amber",
  accepted: "green",
  declined: "slate",
};

export function ReviewStatusBadge({ status, label }: { status: OptInStatus; label: string }) {
  return <span className="whitespace-nowrap"><Badge tone={tones[status]}>{label}</Badge></span>;
}
