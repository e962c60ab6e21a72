// Be extremely careful: this is the SSRF guard of outgoing webhooks. A URL an agency types makes our
// servers send requests; it must never reach our own network, the cloud's metadata service or
// another machine inside the datacenter. Rules (docs/webhooks.md, "Where requests may go"):
// - http and https only, no user:password@ in the URL;
// - every address the name resolves to must be public — private, loopback, link-local (incl.
//   169.254.169.254 metadata), CGNAT (incl. 100.100.100.200), multicast, reserved, documentation
//   ranges, unique-local IPv6 (incl. fd00:ec2::254), and IPv4 hidden in IPv6 (::ffff:a.b.c.d,
//   64:ff9b::/96 NAT64, 2002::/16 6to4) are judged by the IPv4 address inside;
// - loopback only with the test-mode flag (./config.ts);
// - checked at registration AND at each delivery, and the request connects to the address that was
//   checked (./send.ts), so a DNS answer that changes between check and connect (rebinding) is useless.
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export type AddressClass = "public" | "loopback" | "blocked";

const v4Blocked: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
];
const v6Blocked: [string, number][] = [
  ["::", 128], ["100::", 64], ["2001::", 23], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
];
const blocked = new BlockList();
for (const [net, prefix] of v4Blocked) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of v6Blocked) blocked.addSubnet(net, prefix, "ipv6");

/** The eight 16-bit groups of an IPv6 address (with an optional dotted IPv4 tail), or null. */
function v6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const o = dotted[1].split(".").map(Number);
    text = text.slice(0, -dotted[1].length) + `${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const [head, tail, extra] = text.split("::");
  if (extra !== undefined) return null;
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...h, ...Array(tail === undefined ? 0 : missing).fill("0"), ...t].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const v4FromGroups = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
function embeddedV4(groups: number[]): string | null {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4FromGroups(groups[6], groups[7]); // ::ffff:a.b.c.d
  if (zeros(0, 6) && (groups[6] !== 0 || groups[7] > 1)) return v4FromGroups(groups[6], groups[7]); // ::a.b.c.d (deprecated)
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4FromGroups(groups[6], groups[7]); // NAT64
  if (groups[0] === 0x2002) return v4FromGroups(groups[1], groups[2]); // 6to4
  return null;
}

/** Whether an IP address (no brackets) is public, loopback, or must not be reached. Anything unparsable is blocked. */
export function classifyAddress(raw: string): AddressClass {
  const address = raw.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(address);
  if (family === 4) {
    if (address.startsWith("127.")) return "loopback";
    return blocked.check(address, "ipv4") || address === "255.255.255.255" ? "blocked" : "public";
  }
  if (family !== 6) return "blocked";
  const groups = v6Groups(address);
  if (!groups) return "blocked";
  const v4 = embeddedV4(groups);
  if (v4) return classifyAddress(v4);
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return "loopback";
  return blocked.check(address, "ipv6") ? "blocked" : "public";
}

export type UrlProblem = "invalid_url" | "scheme" | "credentials" | "unresolvable" | "blocked_address";

export class WebhookUrlError extends Error {
  constructor(readonly problem: UrlProblem, detail?: string) {
    super(`webhook URL refused: ${problem}${detail ? ` (${detail})` : ""}`);
  }
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A URL that passed the guard and the address to connect to (one of those the name resolved to). */
export type CheckedTarget = { url: URL; address: string; family: 4 | 6 };

/** The URL's syntax only (what a form can check before resolving). */
export function parseWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new WebhookUrlError("invalid_url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new WebhookUrlError("scheme");
  if (url.username || url.password) throw new WebhookUrlError("credentials");
  if (!url.hostname) throw new WebhookUrlError("invalid_url");
  return url;
}

/**
 * Resolves the URL's host and checks EVERY address (a name with one private address among public ones
 * is refused: a resolver may hand out either). Returns the first address to connect to.
 */
export async function checkWebhookUrl(text: string, policy: { allowLoopback: boolean }, resolve: Resolver = systemResolver): Promise<CheckedTarget> {
  const url = parseWebhookUrl(text);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new WebhookUrlError("unresolvable", host);
    }
  }
  if (addresses.length === 0) throw new WebhookUrlError("unresolvable", host);
  for (const a of addresses) {
    const verdict = classifyAddress(a.address);
    if (verdict === "blocked" || (verdict === "loopback" && !policy.allowLoopback)) throw new WebhookUrlError("blocked_address", a.address);
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
