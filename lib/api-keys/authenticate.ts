import { resolveApiKeyContext, type ApiKeyContext } from "@/lib/auth/contexts/api-key";
import { bearerKey, hashApiKey } from "./key-format";

export type { ApiKeyContext };

/**
 * The one guard of the public API: `Authorization: Bearer tw_live_…` → a live (not revoked) key →
 * its tenant. Missing, malformed, unknown and revoked keys all give null, so the caller answers
 * them identically and a key's existence cannot be probed.
 */
export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<ApiKeyContext | null> {
  const key = bearerKey(authorization);
  if (!key) return null;
  return resolveApiKeyContext(hashApiKey(key), now);
}
