import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";

const tones = { pending: "amber", approved: "indigo", paid: "green", void: "slate" } as const;

export function StatusBadge({ status, t }: { status: keyof typeof tones; t: TFunction }) {
  return <Badge tone={tones[status]}>{t(`commissions:status.${status}`)}</Badge>;
}
