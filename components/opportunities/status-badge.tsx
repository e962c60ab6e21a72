import { Badge } from "@/components/ui/card";
import type { OpportunityStatus } from "@/lib/kernel/enums";

const tones: Record<OpportunityStatus, "slate" | "green" | "amber" | "indigo" | "red"> = {
  draft: "amber",
  open: "green",
  closed: "slate",
  filled: "indigo",
};

export function OpportunityStatusBadge({ status, label }: { status: OpportunityStatus; label: string }) {
  return <span className="whitespace-nowrap"><Badge tone={tones[status]}>{label}</Badge></span>;
}
