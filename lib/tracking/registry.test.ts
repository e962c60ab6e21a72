import { afterEach, describe, expect, it } from "vitest";
import { LinkCache } from "./link-cache";
import {
  invalidateAllTrackedLinks, invalidateTrackedLink, registerClickSink, registerLinkCache, registeredClickSink, registeredLinkCache,
} from "./registry";
import type { LiveLink } from "./types";

const slots = globalThis as Record<symbol, unknown>;
afterEach(() => {
  delete slots[Symbol.for("twoway.linkCache")];
  delete slots[Symbol.for("twoway.clickWriter")];
});

describe("process registry", () => {
  it("is a no-op without a registered cache", () => {
    expect(registeredLinkCache()).toBeUndefined();
    expect(() => invalidateTrackedLink("abc")).not.toThrow();
    expect(() => invalidateAllTrackedLinks()).not.toThrow();
  });

  it("keeps the cache under Symbol.for, so another module copy (Next's bundle) reaches it", async () => {
    const cache = new LinkCache({ load: async (c) => ({ id: c }) as LiveLink });
    registerLinkCache(cache);
    expect(slots[Symbol.for("twoway.linkCache")]).toBe(cache);
    await cache.get("abc");
    await cache.get("xyz");
    invalidateTrackedLink("abc");
    expect(cache.peek("abc")).toBeUndefined();
    expect(cache.peek("xyz")?.id).toBe("xyz");
    invalidateAllTrackedLinks();
    expect(cache.peek("xyz")).toBeUndefined();
  });

  it("hands out the registered click sink until it is closed", () => {
    const sink = { added: 0, closed: false, add() { this.added++; } };
    registerClickSink(sink);
    expect(slots[Symbol.for("twoway.clickWriter")]).toBe(sink);
    expect(registeredClickSink()).toBe(sink);
    sink.closed = true;
    expect(registeredClickSink()).toBeUndefined();
  });
});
