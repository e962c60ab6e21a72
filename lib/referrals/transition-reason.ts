import type { ReferralStatus } from "@/lib/db/generated/enums";
import { rejectReasons, type RejectReason } from "./codes";

// A rejection's history row carries both its reason code (always shown to the partner) and an
// optional note (hidden when internal) in the one `reason` column: "not_a_fit" or "not_a_fit: …".
const CODED = new RegExp(`^(${rejectReasons.join("|")})(?:: ([\\s\\S]*))?$`);

export function encodeReason(code: RejectReason | undefined, note: string | null): string | null {
  if (!code) return note;
  return note ? `${code}: ${note}` : code;
}

export function decodeReason(to: ReferralStatus, reason: string | null): { code: RejectReason | null; note: string | null } {
  if (!reason) return { code: null, note: null };
  const match = to === "rejected" ? CODED.exec(reason) : null;
  return match ? { code: match[1] as RejectReason, note: match[2] ?? null } : { code: null, note: reason };
}
