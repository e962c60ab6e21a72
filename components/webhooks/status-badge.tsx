import type { TFunction } from "i18next";
import { Badge } from "@/components/ui/card";

export function EndpointStatus({ t, enabled, reason, failures }: { t: TFunction; enabled: boolean; reason: string | null; failures: number }) {
  if (enabled) return <Badge tone="green">{t("status.enabled")}</Badge>;
  return <Badge tone={reason === "failures" ? "red" : "slate"}>{reason === "failures" ? t("status.disabledFailures", { count: failures }) : t("status.disabledManual")}</Badge>;
}

export function DeliveryStatus({ t, status }: { t: TFunction; status: "pending" | "succeeded" | "failed" }) {
  const tone = status === "succeeded" ? "green" : status === "failed" ? "red" : "amber";
  return <Badge tone={tone}>{t(`deliveryStatus.${status}`)}</Badge>;
}
