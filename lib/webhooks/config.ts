// Settings of outgoing webhooks (README, .env.example, docs/webhooks.md).
// WEBHOOKS_ALLOW_LOOPBACK=1 lets endpoints on 127.0.0.0/8 and ::1 through the SSRF guard — for the test
// suites, whose receivers listen on this machine. Under NODE_ENV=production it is refused (loopback
// stays blocked, with a warning) unless WEBHOOKS_ALLOW_LOOPBACK_IN_PRODUCTION=1 says so explicitly:
// the e2e server is a production build on localhost. Private ranges are never allowed.
import { log } from "@/lib/ops/log";

let warned = false;

export function webhookNetworkPolicy(env: NodeJS.ProcessEnv = process.env): { allowLoopback: boolean } {
  if (env.WEBHOOKS_ALLOW_LOOPBACK !== "1") return { allowLoopback: false };
  if (env.NODE_ENV === "production" && env.WEBHOOKS_ALLOW_LOOPBACK_IN_PRODUCTION !== "1") {
    if (!warned) {
      warned = true;
      log().warn({}, "webhooks: WEBHOOKS_ALLOW_LOOPBACK=1 is ignored in production without WEBHOOKS_ALLOW_LOOPBACK_IN_PRODUCTION=1");
    }
    return { allowLoopback: false };
  }
  return { allowLoopback: true };
}

/** Connect and whole-response limits of one delivery request, and how much of a response body is kept. */
export const CONNECT_TIMEOUT_MS = 5_000;
export const RESPONSE_TIMEOUT_MS = 10_000;
export const RESPONSE_BODY_LIMIT = 4_096;
