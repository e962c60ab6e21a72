// Who is the client? Only the socket knows, unless the app runs behind proxies we trust.
// TRUST_PROXY=1 (or N) says that exactly N proxies of ours sit in front and each appends the
// address it saw to X-Forwarded-For; the client is then the N-th entry from the right (the
// right-most hop no proxy of ours vouches for). Entries further left are whatever the client
// sent and are never believed. Without TRUST_PROXY forwarded headers are ignored entirely.

/** Internal header the server sets (after deleting any copy the client sent) for code behind Next. */
export const CLIENT_IP_HEADER = "x-twoway-client-ip";

/** Number of trusted proxy hops from TRUST_PROXY ("1", "2", …; "true" counts as 1; unset/0 = none). */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (!value) return 0;
  if (value === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 10 ? n : 0;
}

const IP_CHARS = /^[0-9a-fA-F:.]{2,45}$/;

function normalize(ip: string): string {
  const v = ip.trim().replace(/^\[|\]$/g, "");
  // IPv4-mapped IPv6 ("::ffff:127.0.0.1") is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  return mapped ? mapped[1] : v;
}

export function clientIpFrom(input: { forwardedFor?: string | string[] | null; socketAddress?: string | null; hops: number }): string {
  const socket = normalize(input.socketAddress ?? "") || "unknown";
  if (input.hops <= 0) return socket;
  const raw = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const entries = raw.split(",").map(normalize).filter(Boolean);
  // With fewer entries than trusted hops the request did not come through all our proxies.
  const candidate = entries.length >= input.hops ? entries[entries.length - input.hops] : undefined;
  return candidate && IP_CHARS.test(candidate) ? candidate : socket;
}

export function isLoopback(ip: string): boolean {
  return ip === "127.0.0.1" || ip === "::1" || /^127\./.test(ip);
}
