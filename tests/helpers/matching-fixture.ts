import type { MatchCandidate, MatchOpportunity } from "@/lib/opportunities/matching";

/**
 * The fixed matching fixture: "RU skincare brand seeks US beauty creators on TikTok or
 * Instagram, 10k–100k followers" and eight creators whose scores are known by hand.
 */
export const fixtureOpportunity: MatchOpportunity = {
  side: "brand_seeks_creators",
  targetMarket: "US",
  platforms: ["tiktok", "instagram"],
  niches: ["beauty", "skincare"],
  audienceMin: 10_000,
  audienceMax: 100_000,
};

type Spec = Omit<MatchCandidate, "id" | "kind" | "platforms"> & { handle: string; platforms: { platform: string; audienceSize: number }[] };

const none = { won: 0, lost: 0, rejected: 0 };

export const fixtureCreators: Spec[] = [
  // Everything fits; a client with a won deal. 25 + 20 + 20 + 15 + 10 + 9 = 99
  { name: "Jess Glow", handle: "jessglow", market: "US", languages: ["en"], niches: ["beauty", "skincare"], isClient: true, outcomes: { won: 1, lost: 0, rejected: 0 },
    platforms: [{ platform: "tiktok", audienceSize: 80_000 }, { platform: "instagram", audienceSize: 40_000 }] },
  // One platform and one niche of two; 150k is above the range (half credit is at 1.5×). 25 + 16 + 16 + 7.5 + 10 + 5 = 79.5
  { name: "Mia Rivera", handle: "miarivera", market: "US", languages: ["en", "es"], niches: ["beauty"], isClient: false, outcomes: none,
    platforms: [{ platform: "tiktok", audienceSize: 150_000 }] },
  // 9k is just under 10k (80 % of the audience points); one lost deal. 25 + 16 + 16 + 12 + 10 + 4 = 83
  { name: "Ava Chen", handle: "avachen", market: "US", languages: ["en"], niches: ["skincare", "wellness"], isClient: false, outcomes: { won: 0, lost: 1, rejected: 0 },
    platforms: [{ platform: "instagram", audienceSize: 9_000 }] },
  // Kazakhstan, Russian-speaking: not the US market, no English. 0 + 16 + 16 + 15 + 0 + 5 = 52
  { name: "Айгерим Сатпаева", handle: "aigerim_beauty", market: "KZ", languages: ["ru", "kk"], niches: ["beauty"], isClient: false, outcomes: none,
    platforms: [{ platform: "instagram", audienceSize: 60_000 }, { platform: "telegram", audienceSize: 30_000 }] },
  // YouTube only (500k, far above the range); a client with two wins (capped). 25 + 0 + 20 + 0 + 10 + 10 = 65
  { name: "Brooke Lane", handle: "brookelane", market: "US", languages: ["en"], niches: ["beauty", "skincare"], isClient: true, outcomes: { won: 2, lost: 0, rejected: 0 },
    platforms: [{ platform: "youtube", audienceSize: 500_000 }] },
  // Wrong niche, no languages on file, one lost and one rejected. 25 + 16 + 0 + 15 + 0 + 3 = 59
  { name: "Nora Vance", handle: "noravance", market: "US", languages: [], niches: ["fitness"], isClient: false, outcomes: { won: 0, lost: 1, rejected: 1 },
    platforms: [{ platform: "tiktok", audienceSize: 50_000 }] },
  // Russia, speaks English. 0 + 20 + 20 + 15 + 10 + 5 = 70
  { name: "Anna Smirnova", handle: "anna_smirnova", market: "RU", languages: ["ru", "en"], niches: ["beauty", "skincare"], isClient: false, outcomes: none,
    platforms: [{ platform: "tiktok", audienceSize: 90_000 }, { platform: "instagram", audienceSize: 20_000 }] },
  // EU diaspora, English: ties with Anna at 70 and ranks after her by name. 0 + 20 + 20 + 15 + 10 + 5 = 70
  { name: "Liam Park", handle: "liampark", market: "EU", languages: ["en"], niches: ["skincare", "beauty"], isClient: false, outcomes: none,
    platforms: [{ platform: "instagram", audienceSize: 30_000 }, { platform: "tiktok", audienceSize: 20_000 }] },
];

/** The ranking the fixture must produce, with each total. */
export const expectedRanking: [string, number][] = [
  ["Jess Glow", 99],
  ["Ava Chen", 83],
  ["Mia Rivera", 79.5],
  ["Anna Smirnova", 70],
  ["Liam Park", 70],
  ["Brooke Lane", 65],
  ["Nora Vance", 59],
  ["Айгерим Сатпаева", 52],
];

/** Points per part (market, platform, niche, audience, language, outcomes) of the top three. */
export const expectedTopThree: [string, number[]][] = [
  ["Jess Glow", [25, 20, 20, 15, 10, 9]],
  ["Ava Chen", [25, 16, 16, 12, 10, 4]],
  ["Mia Rivera", [25, 16, 16, 7.5, 10, 5]],
];

export function fixtureCandidates(): MatchCandidate[] {
  return fixtureCreators.map(({ handle, ...c }, i) => ({ ...c, id: `c${i + 1}-${handle}`, kind: "creator" }));
}
