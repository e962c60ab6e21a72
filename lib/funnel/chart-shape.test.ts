import { describe, expect, it } from "vitest";
import { bandWidths, MIN_BAND, showDots } from "./chart-shape";

describe("bandWidths", () => {
  it("draws a zero stage as the narrowest band, never the widest", () => {
    const [clicks, referrals, qualified, closes] = bandWidths([120, 30, 6, 0]);
    expect(clicks).toBe(1);
    expect(closes).toBe(MIN_BAND);
    expect(referrals).toBeGreaterThan(qualified);
    expect(qualified).toBeGreaterThan(closes);
  });

  it("draws nothing at all as four equally thin bands", () => {
    expect(bandWidths([0, 0, 0, 0])).toEqual([MIN_BAND, MIN_BAND, MIN_BAND, MIN_BAND]);
  });

  it("follows the counts, not the stage order (more referrals than clicks draws referrals wider)", () => {
    const [clicks, referrals, qualified, closes] = bandWidths([0, 4, 2, 2]);
    expect(clicks).toBe(MIN_BAND);
    expect(referrals).toBe(1);
    expect(qualified).toBe(closes);
    expect(qualified).toBeLessThan(referrals);
  });

  it("is monotone with the counts for any input", () => {
    const values = [5, 0, 17, 3, 3, 1000, 1, 0];
    const widths = bandWidths(values);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (values[i] < values[j]) expect(widths[i]).toBeLessThan(widths[j]);
        if (values[i] === values[j]) expect(widths[i]).toBe(widths[j]);
      }
    }
    expect(Math.max(...widths)).toBe(1);
  });
});

describe("showDots", () => {
  it("shows points on a short range or a long one with few active days", () => {
    expect(showDots(Array(30).fill(3))).toBe(true);
    const quiet = Array(90).fill(0);
    quiet[40] = 1;
    expect(showDots(quiet)).toBe(true);
    expect(showDots(Array(90).fill(2))).toBe(false);
  });
});
