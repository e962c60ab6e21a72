import { createHmac } from "node:crypto";

/** The server secret that signs share-link cookies; null when none is configured (attribution is then off). */
export function attributionSecret(): string | null {
  return process.env.AUTH_SECRET || null;
}

/**
 * A salted hash of the visitor's IP for an opt-in: enough to spot a flood from one network later,
 * without keeping the address itself.
 */
export function hashIp(ip: string): string {
  const salt = process.env.AUTH_SECRET || "twoway-ip-salt";
  return createHmac("sha256", salt).update(`opt-in-ip|${ip}`).digest("hex");
}
