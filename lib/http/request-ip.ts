import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "./client-ip";

/**
 * The client's address inside Next (pages, actions): resolved by scripts/server.ts from the socket
 * (or trusted proxies) and passed in a header a client cannot set. "unknown" under plain `next start`.
 */
export async function requestClientIp(): Promise<string> {
  return (await headers()).get(CLIENT_IP_HEADER) || "unknown";
}
