import { Badge } from "@/components/ui/card";
import type { ReferralStatus } from "@/lib/kernel/enums";

const tones: Record<ReferralStatus, "slate" | "green" | "amber" | "indigo" | "red"> = {
  draft: "slate",
  submitted: "indigo",
  in_review: "amber",
  qualified: "indigo",
  in_negotiation: "indigo",
  won: "green",
  lost: "slate",
  rejected: "red",
};

export function StatusBadge({ status, label }: { status: ReferralStatus; label: string }) {
  return <span className="whitespace-nowrap"><Badge tone={tones[status]}>{label}</Badge></span>;
}
