import { describe, expect, it } from "vitest";
import { expectedRanking, expectedTopThree, fixtureCandidates, fixtureOpportunity } from "@/tests/helpers/matching-fixture";
import { componentKeys, rankMatches, scoreMatch, WEIGHTS, type MatchCandidate } from "./matching";
import { recipientLocale } from "./matching-language";

const points = (m: ReturnType<typeof scoreMatch>) => componentKeys.map((k) => m.breakdown[k].points);

describe("matching weights", () => {
  it("add up to 100", () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe("ranking the fixed fixture", () => {
  const ranked = rankMatches(fixtureOpportunity, fixtureCandidates());

  it("orders the eight creators as computed by hand, ties broken by name", () => {
    expect(ranked.map((m) => [m.candidate.name, m.total])).toEqual(expectedRanking);
  });

  it("shows the breakdown of the top three", () => {
    expect(ranked.slice(0, 3).map((m) => [m.candidate.name, points(m)])).toEqual(expectedTopThree);
    expect(ranked[0].breakdown.platform).toMatchObject({ code: "match", matched: ["tiktok", "instagram"], required: 2 });
    expect(ranked[1].breakdown.audience).toMatchObject({ code: "below", audience: 9_000 });
    expect(ranked[2].breakdown.audience).toMatchObject({ code: "above", audience: 150_000 });
  });

  it("does not depend on the order the directory returns rows in", () => {
    const reversed = rankMatches(fixtureOpportunity, [...fixtureCandidates()].reverse());
    expect(reversed.map((m) => m.candidate.id)).toEqual(ranked.map((m) => m.candidate.id));
  });

  it("explains why the Kazakh and Russian creators lose market and language points", () => {
    const byName = Object.fromEntries(ranked.map((m) => [m.candidate.name, m.breakdown]));
    expect(byName["Айгерим Сатпаева"].market).toMatchObject({ code: "other", points: 0, sought: "US" });
    expect(byName["Айгерим Сатпаева"].language).toMatchObject({ code: "none", points: 0, language: "en" });
    expect(byName["Anna Smirnova"].market.code).toBe("other");
    expect(byName["Nora Vance"].language.code).toBe("unknown");
    expect(byName["Brooke Lane"].outcomes).toMatchObject({ points: 10, code: "history", won: 2, client: true });
  });
});

const creator = (over: Partial<MatchCandidate>): MatchCandidate => ({
  id: "x", kind: "creator", name: "X", market: "RU", niches: [], languages: ["ru"], platforms: [], isClient: false, outcomes: { won: 0, lost: 0, rejected: 0 }, ...over,
});

describe("parts of the score", () => {
  const ruOpportunity = { ...fixtureOpportunity, targetMarket: "RU" as const, platforms: ["telegram"], niches: [], audienceMin: 10_000, audienceMax: 20_000 };
  const audience = (size: number) => scoreMatch(ruOpportunity, creator({ platforms: [{ platform: "telegram", audienceSize: size }] })).breakdown.audience.points;

  it("gives audience credit inside the range and fading credit near its edges", () => {
    expect([audience(10_000), audience(20_000), audience(7_500), audience(5_000), audience(30_000), audience(40_000), audience(0)]).toEqual([15, 15, 7.5, 0, 7.5, 0, 0]);
  });

  it("gives part of the market points to a market sharing the sought market's first language", () => {
    expect(scoreMatch(ruOpportunity, creator({ market: "KZ" })).breakdown.market).toMatchObject({ code: "language_area", points: 10 });
    expect(scoreMatch(ruOpportunity, creator({ market: "US" })).breakdown.market.points).toBe(0);
  });

  it("gives half the language points for a market's second language", () => {
    const kz = { ...ruOpportunity, targetMarket: "KZ" as const };
    expect(scoreMatch(kz, creator({ languages: ["kk"] })).breakdown.language).toMatchObject({ code: "secondary", points: 5, language: "kk" });
    expect(scoreMatch(kz, creator({ languages: ["ru"] })).breakdown.language.points).toBe(10);
  });

  it("keeps past outcomes between 0 and 10", () => {
    expect(scoreMatch(ruOpportunity, creator({ outcomes: { won: 0, lost: 4, rejected: 3 } })).breakdown.outcomes.points).toBe(0);
    expect(scoreMatch(ruOpportunity, creator({ isClient: true, outcomes: { won: 5, lost: 0, rejected: 0 } })).breakdown.outcomes.points).toBe(10);
  });

  it("scores brands out of 100 over the parts that apply to them", () => {
    const seeksBrands = { ...fixtureOpportunity, side: "creator_seeks_brands" as const, niches: ["skincare"] };
    const brand = scoreMatch(seeksBrands, creator({ kind: "brand", market: "US", languages: ["en"], niches: ["skincare"] }));
    expect(brand.breakdown.platform.applicable).toBe(false);
    expect(brand.breakdown.audience.applicable).toBe(false);
    // (25 + 20 + 10 + 5) of 65 possible points
    expect(brand.total).toBe(92.3);
    expect(rankMatches(seeksBrands, [creator({ kind: "creator" })])).toEqual([]);
  });
});

describe("the language of an invitation", () => {
  it("writes in Russian to Russian speakers in Russian-speaking markets, and in English otherwise", () => {
    expect(recipientLocale({ market: "KZ", languages: ["ru", "kk"] })).toBe("ru");
    expect(recipientLocale({ market: "RU", languages: ["ru", "en"] })).toBe("ru");
    expect(recipientLocale({ market: "US", languages: ["en", "ru"] })).toBe("en");
    expect(recipientLocale({ market: "US", languages: ["ru"] })).toBe("ru");
    expect(recipientLocale({ market: "RU", languages: [] })).toBe("ru");
    expect(recipientLocale({ market: "US", languages: [] })).toBe("en");
    expect(recipientLocale({ market: "RU", languages: ["en"] })).toBe("en");
  });
});
