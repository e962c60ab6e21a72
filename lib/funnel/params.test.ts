import { describe, expect, it } from "vitest";
import { funnelSearch, parseFunnelParams, pipelineSearchFor, presetRange } from "./params";

// Thursday 2026-03-12, mid-afternoon UTC: presets must ignore the time of day.
const now = new Date("2026-03-12T15:42:00Z");
const parse = (params: Record<string, string | string[] | undefined>) => parseFunnelParams(params, now);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("funnel URL parameters", () => {
  it("defaults to the last 30 days by period, split by market pair, as UTC midnights with an exclusive end", () => {
    const { view, filter } = parse({});
    expect(view).toMatchObject({ period: "30d", from: "2026-02-11", to: "2026-03-12", basis: "period", split: "marketPair", page: 1 });
    expect(filter).toEqual({ from: day("2026-02-11"), to: day("2026-03-13"), basis: "period" });
  });

  it("computes each preset relative to today", () => {
    expect(presetRange("7d", now)).toEqual({ from: day("2026-03-06"), to: day("2026-03-13") });
    expect(presetRange("90d", now)).toEqual({ from: day("2025-12-13"), to: day("2026-03-13") });
    expect(presetRange("month", now)).toEqual({ from: day("2026-03-01"), to: day("2026-03-13") });
    expect(presetRange("lastMonth", now)).toEqual({ from: day("2026-02-01"), to: day("2026-03-01") });
    expect(presetRange("lastMonth", new Date("2026-01-05T00:00:00Z"))).toEqual({ from: day("2025-12-01"), to: day("2026-01-01") });
    expect(parse({ period: "lastMonth" }).view).toMatchObject({ period: "lastMonth", from: "2026-02-01", to: "2026-02-28" });
  });

  it("reads a custom range with an inclusive `to` shown and an exclusive one queried", () => {
    const { view, filter } = parse({ from: "2026-01-01", to: "2026-01-31" });
    expect(view).toMatchObject({ period: "custom", from: "2026-01-01", to: "2026-01-31" });
    expect(filter.from).toEqual(day("2026-01-01"));
    expect(filter.to).toEqual(day("2026-02-01"));
  });

  it("keeps a rolling preset when the form submits the dates it showed, and goes custom when they were edited", () => {
    expect(parse({ period: "7d", from: "2026-03-06", to: "2026-03-12" }).view.period).toBe("7d");
    expect(parse({ period: "7d", from: "2026-03-01", to: "2026-03-12" }).view).toMatchObject({ period: "custom", from: "2026-03-01" });
  });

  it("swaps a reversed range instead of showing nothing", () => {
    expect(parse({ from: "2026-03-10", to: "2026-03-01" }).view).toMatchObject({ from: "2026-03-01", to: "2026-03-10" });
    const single = parse({ from: "2026-03-05", to: "2026-03-05" }).filter;
    expect(single.to.getTime() - single.from.getTime()).toBe(86_400_000);
  });

  it("cuts a range longer than two years at its start", () => {
    expect(parse({ from: "2020-01-01", to: "2026-03-10" }).view).toMatchObject({ from: "2024-03-11", to: "2026-03-10" });
    expect(parse({ from: "2024-03-11", to: "2026-03-10" }).view.from).toBe("2024-03-11");
  });

  it("falls back to defaults for junk, never throwing", () => {
    const { view, filter } = parse({
      period: "forever", from: "2026-02-30", to: "yesterday", basis: "vibes", program: "x'; drop table", partner: "",
      pair: "US-XX", cross: "both", split: "color", sort: "__proto__", dir: "up", page: "-3", stage: "won", source: "magic", type: "click", excluded: "yes", without: "nobody",
    });
    expect(view).toEqual({
      period: "30d", from: "2026-02-11", to: "2026-03-12", basis: "period", program: undefined, partner: undefined, pair: undefined,
      cross: undefined, split: "marketPair", sort: "revenue", dir: "desc", page: 1, stage: "referrals", source: undefined, type: undefined, excluded: false,
    });
    expect(filter).toEqual({ from: day("2026-02-11"), to: day("2026-03-13"), basis: "period" });
    expect(parse({ from: "1999-12-31", to: "3000-01-01" }).view.period).toBe("30d");
  });

  it("maps filters onto the query filter, taking the first of repeated values", () => {
    const { filter, view } = parse({ basis: "cohort", program: "prog_1", partner: "ptn-2", pair: ["us-ru", "RU-RU"], cross: "single", split: "partner" });
    expect(filter).toMatchObject({ basis: "cohort", programId: "prog_1", partnerId: "ptn-2", marketPair: "US>RU", crossMarket: "single" });
    expect(view.split).toBe("partner");
  });

  it("writes a view back to a short query string that parses to the same view", () => {
    const { view } = parse({ from: "2026-01-01", to: "2026-01-31", basis: "cohort", pair: "RU-US", cross: "cross", page: "3", sort: "clicks", dir: "asc" });
    const search = funnelSearch(view);
    expect(search).toBe("?from=2026-01-01&to=2026-01-31&basis=cohort&pair=RU-US&cross=cross&sort=clicks&dir=asc&page=3");
    expect(parse(Object.fromEntries(new URLSearchParams(search))).view).toEqual(view);
    expect(funnelSearch(parse({}).view)).toBe("");
    expect(funnelSearch(view, { period: "7d", page: 1 })).toBe("?period=7d&basis=cohort&pair=RU-US&cross=cross&sort=clicks&dir=asc");
  });

  it("links to the referrals pipeline only when the pipeline can show the same referrals", () => {
    const { view } = parse({ from: "2026-01-01", to: "2026-01-31", pair: "US-RU", cross: "cross", partner: "p1" });
    expect(pipelineSearchFor(view)).toBe("?from=2026-01-01&to=2026-01-31&partner=p1&pair=US-RU&cross=1");
    expect(pipelineSearchFor(parse({ cross: "single" }).view)).toBeNull();
    expect(pipelineSearchFor(parse({ without: "partner" }).view)).toBeNull();
  });

  it("carries the unattributed row's filter (`without`) through the URL and into the query filter", () => {
    const { view, filter } = parse({ from: "2026-01-01", to: "2026-01-31", without: "markets", type: "revenue" });
    expect(filter).toMatchObject({ without: "markets" });
    const search = funnelSearch(view);
    expect(search).toBe("?from=2026-01-01&to=2026-01-31&without=markets&type=revenue");
    expect(parse(Object.fromEntries(new URLSearchParams(search))).view).toEqual(view);
    expect(parse({ without: "everyone" }).filter).not.toHaveProperty("without");
  });
});
