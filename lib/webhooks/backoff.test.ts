import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retriesLeft, retryDelayMs } from "./backoff";

describe("retry schedule", () => {
  it("doubles from 30 s, capped at 4 h, without jitter at the middle of the random range", () => {
    expect(Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, 0.5) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 14400, 14400, 14400]);
  });

  it("jitters each delay within ±20 %", () => {
    expect(retryDelayMs(3, 0)).toBe(96_000);
    expect(retryDelayMs(3, 0.999999)).toBeCloseTo(144_000, -1);
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(4)));
    expect(spread.size).toBeGreaterThan(1);
    for (const d of spread) expect(d >= 192_000 && d <= 288_000).toBe(true);
  });

  it("gives a delivery 10 attempts", () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(retriesLeft(9)).toBe(true);
    expect(retriesLeft(10)).toBe(false);
  });
});
