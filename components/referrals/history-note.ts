import type { TFunction } from "i18next";
import { ACCEPTED_REASON } from "@/lib/opportunities/review-accept";

/** A history row's note as people read it: notes the system writes are stored as codes and shown translated. */
export function historyNote(t: TFunction, note: string | null): string | null {
  return note === ACCEPTED_REASON ? t("referrals:history.acceptedFromOptIn") : note;
}
