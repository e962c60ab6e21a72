// The redirect when the link lookup fails or hangs after the cache period: the last known link is
// served (and its click buffered), nothing waits longer than the lookup timeout, and a code never
// seen before still gets the 503 page.
import { describe, expect, it } from "vitest";
import { createRedirectCore, type RedirectOutcome } from "./core";
import type { ClickRow, LinkRecord } from "./types";

const RECORD: LinkRecord = {
  id: "link1", tenantId: "t1", partnerId: "p1", programId: "pr1", opportunityId: null,
  destinationUrl: "https://brand.example/landing", sourceMarket: "US", targetMarket: "RU",
  disabled: false, attributionWindowDays: 30, partnerRefCode: "ref1", erid: null, eridRequired: false,
};

function setup() {
  let t = 1_000_000;
  let mode: "ok" | "fail" | "hang" = "ok";
  let lookups = 0;
  const clicks: ClickRow[] = [];
  const logs: string[] = [];
  const core = createRedirectCore({
    lookup: (code) => {
      lookups++;
      if (mode === "fail") return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
      if (mode === "hang") return new Promise<LinkRecord | null>(() => {});
      return Promise.resolve(code === "known" ? RECORD : null);
    },
    sink: { add: (row: ClickRow) => void clicks.push(row) },
    secret: "test-secret-0123456789",
    cacheTtlMs: 30_000,
    register: false,
    now: () => t,
    log: (m) => void logs.push(m),
  });
  const get = async (code: string) =>
    (await core.respond({ method: "GET", url: `/r/${code}`, headers: { "user-agent": "Mozilla/5.0 Firefox/130.0" }, ip: "203.0.113.9", https: true })) as RedirectOutcome;
  return {
    core, clicks, logs, get,
    set mode(m: "ok" | "fail" | "hang") { mode = m; },
    advance: (ms: number) => void (t += ms),
    get lookups() { return lookups; },
  };
}

const location = (o: RedirectOutcome) => o.headers[o.headers.indexOf("Location") + 1];

describe("redirect: stale-if-error", () => {
  it("serves the last known link when the lookup fails after the TTL, and still counts the click", async () => {
    const s = setup();
    expect((await s.get("known")).status).toBe(302);
    s.advance(31_000); // the cache period is over
    s.mode = "fail";
    const stale = await s.get("known");
    expect(stale.status).toBe(302);
    expect(location(stale)).toMatch(/^https:\/\/brand\.example\/landing/);
    expect(s.clicks).toHaveLength(2);
    expect(s.clicks[1].linkId).toBe("link1");
    expect(s.logs.some((l) => l.includes("stale-if-error"))).toBe(true);
  });

  it("does not retry the failing lookup on every request, but does after the retry delay", async () => {
    const s = setup();
    await s.get("known");
    s.advance(31_000);
    s.mode = "fail";
    await s.get("known");
    const after = s.lookups;
    for (let i = 0; i < 20; i++) expect((await s.get("known")).status).toBe(302);
    expect(s.lookups).toBe(after);
    s.advance(5_001);
    s.mode = "ok";
    await s.get("known");
    expect(s.lookups).toBe(after + 1);
    expect(s.clicks).toHaveLength(23);
  });

  it("answers within the lookup timeout when the database hangs", async () => {
    const s = setup();
    await s.get("known");
    s.advance(31_000);
    s.mode = "hang";
    const started = Date.now();
    const stale = await s.get("known"); // the real 2 s lookup timeout (the clock above is only the cache's)
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(stale.status).toBe(302);
    expect(s.clicks).toHaveLength(2);
  });

  it("answers the 503 page for a code it never saw when the lookup fails", async () => {
    const s = setup();
    s.mode = "fail";
    const out = await s.get("never-seen");
    expect(out.status).toBe(503);
    expect(s.clicks).toHaveLength(0);
  });

  it("does not serve a stale link after the code was invalidated (a disabled link stays off)", async () => {
    const s = setup();
    await s.get("known");
    s.core.cache.invalidate("known");
    s.mode = "fail";
    expect((await s.get("known")).status).toBe(503);
    expect(s.clicks).toHaveLength(1);
  });
});
