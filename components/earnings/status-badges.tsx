import { Badge } from "@/components/ui/card";

type Tone = "slate" | "green" | "amber" | "indigo" | "red";

const payoutTones: Record<string, Tone> = {
  held: "amber", ready: "slate", processing: "indigo", sent: "indigo", paid: "green", partial: "amber", failed: "red", cancelled: "slate",
};
const commissionTones: Record<string, Tone> = { underReview: "amber", pending: "amber", approved: "indigo", inPayout: "indigo", paid: "green", void: "slate" };

/** A payout's status in the partner's language (labels come from earnings:payoutStatus.*). */
export function PayoutStatusBadge({ status, label }: { status: string; label: string }) {
  return <span data-status={status}><Badge tone={payoutTones[status] ?? "slate"}>{label}</Badge></span>;
}

/** A commission's status; "inPayout" is approved and claimed by a payout that is not paid yet. */
export function CommissionStatusBadge({ status, label }: { status: string; label: string }) {
  return <span data-status={status}><Badge tone={commissionTones[status] ?? "slate"}>{label}</Badge></span>;
}
