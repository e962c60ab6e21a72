import { normalizeHandle, normalizeWebsite } from "@/lib/directory/normalize";

// Hosts many unrelated brands live on (link pages, marketplaces, social networks): there the
// path is the identity, elsewhere the host alone is, so "glowlab.ru/en" and "glowlab.ru" match.
const sharedHosts = new Set([
  "linktr.ee", "taplink.cc", "taplink.ws", "t.me", "vk.com", "instagram.com", "facebook.com", "tiktok.com",
  "youtube.com", "dzen.ru", "rutube.ru", "ok.ru", "wildberries.ru", "ozon.ru", "etsy.com", "amazon.com",
  "tilda.ws", "wixsite.com", "shopify.com", "myshopify.com", "notion.site", "github.io", "beacons.ai",
]);

/** "https://www.GlowLab.ru/shop/" → "glowlab.ru"; "linktr.ee/Glow" → "linktr.ee/glow". */
export function websiteIdentity(raw: string): string | null {
  let normalized: string;
  try {
    normalized = normalizeWebsite(raw.trim()).toLowerCase();
  } catch {
    return null;
  }
  const [host, ...path] = normalized.split("/");
  if (!host.includes(".")) return null;
  const shared = sharedHosts.has(host) || [...sharedHosts].some((h) => host.endsWith(`.${h}`));
  return shared && path.length ? `${host}/${path.join("/")}` : host;
}

export type SubjectIdentity = {
  website?: string | null;
  platforms?: readonly { platform: string; handle: string }[];
  contactChannel?: string | null;
  contactValue?: string | null;
};

/**
 * The normalised identities of a referral's subject, sorted and unique:
 * "web:glowlab.ru", "tiktok:jessglow", "email:anna@x.ru". Two referrals sharing any key are
 * about the same brand or creator.
 */
export function subjectKeys(subject: SubjectIdentity): string[] {
  const keys = new Set<string>();
  const web = subject.website ? websiteIdentity(subject.website) : null;
  if (web) keys.add(`web:${web}`);
  for (const p of subject.platforms ?? []) {
    const handle = handleIdentity(p.handle);
    if (handle) keys.add(`${p.platform}:${handle}`);
  }
  if (subject.contactChannel === "email" && subject.contactValue?.includes("@")) {
    keys.add(`email:${subject.contactValue.trim().toLowerCase()}`);
  }
  return [...keys].sort();
}

/**
 * "@JessGlow", "https://www.tiktok.com/@jessglow" and "t.me/jessglow" → "jessglow"; null when
 * nothing usable is left. The directory's normalizeHandle, so both spell a handle alike.
 */
export function handleIdentity(raw: string): string | null {
  return normalizeHandle(raw) || null;
}

/** Referral.platforms as stored (JSON written by this module); anything malformed is dropped. */
export function storedPlatforms(value: unknown): { platform: string; handle: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) =>
    row && typeof row === "object" && typeof row.platform === "string" && typeof row.handle === "string"
      ? [{ platform: row.platform, handle: row.handle }]
      : [],
  );
}
