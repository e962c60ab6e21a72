import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";
import type { PayoutRunStatus, PayoutStatus } from "@/lib/kernel/enums";

const payoutTone: Record<PayoutStatus, "slate" | "green" | "amber" | "indigo" | "red"> = {
  held: "amber", ready: "slate", processing: "indigo", sent: "indigo", paid: "green", partial: "amber", failed: "red", cancelled: "slate",
};
const runTone: Record<PayoutRunStatus, "slate" | "green" | "amber" | "indigo" | "red"> = {
  draft: "slate", approved: "indigo", executing: "amber", completed: "green", cancelled: "red",
};

export function PayoutStatusBadge({ status, t }: { status: PayoutStatus; t: TFunction }) {
  return <Badge tone={payoutTone[status]}>{t(`payoutStatus.${status}`)}</Badge>;
}

export function RunStatusBadge({ status, t }: { status: PayoutRunStatus; t: TFunction }) {
  return <Badge tone={runTone[status]}>{t(`runStatus.${status}`)}</Badge>;
}
