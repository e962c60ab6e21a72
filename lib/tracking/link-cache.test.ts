import { describe, expect, it } from "vitest";
import { LinkCache } from "./link-cache";
import { RepeatTracker } from "./repeat-tracker";
import type { LiveLink } from "./types";

const link = (id: string) => ({ id }) as LiveLink;

describe("LinkCache", () => {
  it("serves from memory until the TTL, then reloads", async () => {
    let t = 0;
    let loads = 0;
    const cache = new LinkCache({ load: async (c) => (loads++, link(c)), ttlMs: 1000, now: () => t });
    await cache.get("a");
    await cache.get("a");
    expect(loads).toBe(1);
    t = 1001;
    expect(cache.peek("a")).toBeUndefined();
    await cache.get("a");
    expect(loads).toBe(2);
  });

  it("shares one load between concurrent misses and does not cache failures", async () => {
    let loads = 0;
    let fail = true;
    const cache = new LinkCache({
      load: async (c) => {
        loads++;
        await new Promise((r) => setTimeout(r, 5));
        if (fail) throw new Error("db down");
        return link(c);
      },
    });
    const results = await Promise.allSettled([cache.get("a"), cache.get("a"), cache.get("a")]);
    expect(loads).toBe(1);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    fail = false;
    expect((await cache.get("a"))?.id).toBe("a");
    expect(loads).toBe(2);
  });

  it("bounds negative entries separately from live ones", async () => {
    const cache = new LinkCache({ load: async (c) => (c.startsWith("live") ? link(c) : null), maxEntries: 10, maxNegative: 3 });
    await cache.get("live-1");
    for (let i = 0; i < 100; i++) await cache.get(`random-${i}`);
    expect(cache.size).toEqual({ live: 1, missing: 3 });
    expect(cache.peek("live-1")?.id).toBe("live-1");
    expect(cache.peek("random-99")).toBeNull();
    expect(cache.peek("random-0")).toBeUndefined();
  });
});

describe("LinkCache invalidation", () => {
  it("drops a code at once, including a cached miss", async () => {
    let version = 0;
    const cache = new LinkCache({ load: async (c) => (version ? link(`${c}@${version}`) : null) });
    expect(await cache.get("a")).toBeNull();
    version = 1;
    expect(await cache.get("a")).toBeNull(); // cached miss
    cache.invalidate("a");
    expect((await cache.get("a"))?.id).toBe("a@1");
  });

  it("does not store a load that started before the invalidation (it may have read the old row)", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let loads = 0;
    const cache = new LinkCache({
      load: async (c) => {
        const n = ++loads;
        if (n === 1) await gate; // the slow first read: sees the row before the change
        return link(`${c}#${n}`);
      },
    });
    const early = cache.get("a");
    cache.invalidate("a"); // the change commits while the first read is in flight
    const late = cache.get("a"); // a request after the change does not join the stale load
    expect((await late)?.id).toBe("a#2");
    release();
    expect((await early)?.id).toBe("a#1"); // its own waiters get it...
    expect(cache.peek("a")?.id).toBe("a#2"); // ...but it does not overwrite the fresh entry
    expect(loads).toBe(2);
  });
});

describe("RepeatTracker", () => {
  it("collapses within 30 minutes, counts again after", () => {
    const r = new RepeatTracker();
    expect(r.check("v|l", "c1", 0)).toBeNull();
    expect(r.check("v|l", "c2", 29 * 60_000)).toBe("c1");
    expect(r.check("v|l", "c3", 30 * 60_000)).toBeNull();
    expect(r.check("v|l", "c4", 31 * 60_000)).toBe("c3");
    expect(r.check("w|l", "c5", 31 * 60_000)).toBeNull();
  });

  it("stays bounded", () => {
    const r = new RepeatTracker(100);
    for (let i = 0; i < 1000; i++) r.check(`v${i}|l`, `c${i}`, i);
    expect(r.check("v999|l", "x", 1000)).toBe("c999");
    expect(r.check("v0|l", "y", 1000)).toBeNull(); // evicted: counted again
  });
});
