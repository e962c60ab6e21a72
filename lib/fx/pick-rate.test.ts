import { describe, expect, it } from "vitest";
import { formatRatio, parseDecimal, roundHalfEven } from "./decimal";
import { convertMinor, pickRate, type RateRow } from "./pick-rate";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const row = (day: string, base: string, quote: string, rate: string): RateRow => ({ base, quote, day: d(day), rate });

describe("decimal", () => {
  it("rounds half to even, symmetric for negatives", () => {
    expect(roundHalfEven(5n, 2n)).toBe(2n); // 2.5 → 2
    expect(roundHalfEven(7n, 2n)).toBe(4n); // 3.5 → 4
    expect(roundHalfEven(-5n, 2n)).toBe(-2n);
    expect(roundHalfEven(251n, 100n)).toBe(3n);
    expect(roundHalfEven(249n, 100n)).toBe(2n);
  });
  it("parses plain decimals only and formats to 10 places", () => {
    expect(parseDecimal("78.1234")).toEqual({ n: 781234n, d: 10000n });
    expect(parseDecimal("1e5")).toBeNull();
    expect(parseDecimal("-1")).toBeNull();
    expect(formatRatio({ n: 1n, d: 3n })).toBe("0.3333333333");
    expect(formatRatio({ n: 2n, d: 3n })).toBe("0.6666666667");
    expect(formatRatio({ n: 80n, d: 1n })).toBe("80");
  });
});

describe("pickRate", () => {
  const rows = [
    row("2026-11-20", "USD", "RUB", "80"),
    row("2026-11-21", "USD", "RUB", "81.5"), // Saturday's rate (published Friday)
    row("2026-11-21", "EUR", "RUB", "90"),
    row("2026-11-19", "EUR", "RUB", "88"),
  ];

  it("same currency is the identity", () => {
    const picked = pickRate([], "USD", "USD", d("2026-11-22"));
    expect(picked).toMatchObject({ via: "identity", rate: { n: 1n, d: 1n } });
  });

  it("uses the direct pair of the day", () => {
    const picked = pickRate(rows, "USD", "RUB", d("2026-11-21"));
    expect(picked?.via).toBe("direct");
    expect(formatRatio(picked!.rate)).toBe("81.5");
    expect(picked!.rateDay).toEqual(d("2026-11-21"));
  });

  it("falls back to the latest rate before a weekend day (Sunday, Monday use Saturday's)", () => {
    for (const day of ["2026-11-22", "2026-11-23"]) {
      const picked = pickRate(rows, "USD", "RUB", new Date(`${day}T15:30:00Z`));
      expect(picked!.rateDay).toEqual(d("2026-11-21"));
      expect(formatRatio(picked!.rate)).toBe("81.5");
    }
  });

  it("never uses a rate from after the event day", () => {
    const picked = pickRate(rows, "USD", "RUB", d("2026-11-20"));
    expect(formatRatio(picked!.rate)).toBe("80");
  });

  it("a rate older than 7 days is missing, not guessed", () => {
    expect(pickRate(rows, "USD", "RUB", d("2026-11-28"))).not.toBeNull(); // exactly 7 days
    expect(pickRate(rows, "USD", "RUB", d("2026-11-29"))).toBeNull(); // 8 days
    expect(pickRate(rows, "USD", "RUB", d("2026-11-19"))).toBeNull(); // before any rate
    expect(pickRate(rows, "GEL", "RUB", d("2026-11-21"))).toBeNull(); // unknown currency
  });

  it("inverts the pair when only the opposite direction exists", () => {
    const picked = pickRate(rows, "RUB", "USD", d("2026-11-21"));
    expect(picked?.via).toBe("inverse");
    expect(formatRatio(picked!.rate)).toBe("0.0122699387"); // 1 / 81.5
  });

  it("prefers the direct pair over the inverse one", () => {
    const both = [...rows, row("2026-11-21", "RUB", "USD", "0.02")];
    expect(pickRate(both, "USD", "RUB", d("2026-11-21"))?.via).toBe("direct");
  });

  it("crosses through RUB with both legs from the same rate day", () => {
    const picked = pickRate(rows, "EUR", "USD", d("2026-11-22"));
    expect(picked?.via).toBe("cross");
    expect(picked!.rateDay).toEqual(d("2026-11-21"));
    expect(formatRatio(picked!.rate)).toBe("1.1042944785"); // 90 / 81.5
  });

  it("cross uses the latest day where both legs exist, not mixed days", () => {
    // On 2026-11-20 only USD exists; EUR on 19 and 21. Event on 20 → no common day ≤ 20 → missing.
    expect(pickRate(rows, "EUR", "USD", d("2026-11-20"))).toBeNull();
  });

  it("cross works with an inverse leg", () => {
    const picked = pickRate([row("2026-11-21", "RUB", "KZT", "6.5"), row("2026-11-21", "USD", "RUB", "80")], "KZT", "USD", d("2026-11-21"));
    // 1 KZT = 1/6.5 RUB; 1 USD = 80 RUB → 1 KZT = 1/520 USD
    expect(picked?.via).toBe("cross");
    expect(formatRatio(picked!.rate)).toBe("0.0019230769");
  });
});

describe("convertMinor", () => {
  it("converts exactly and rounds half-even to the target's minor units", () => {
    // 10.00 USD × 81.5 = 815.00 RUB
    expect(convertMinor(1000n, "USD", "RUB", { n: 815n, d: 10n })).toBe(81500n);
    // 0.01 USD × 0.5 = 0.005 → 0.00 (half to even), 0.03 × 0.5 = 0.015 → 0.02
    expect(convertMinor(1n, "USD", "EUR", { n: 1n, d: 2n })).toBe(0n);
    expect(convertMinor(3n, "USD", "EUR", { n: 1n, d: 2n })).toBe(2n);
    // 1234.56 USD × 78.1234 = 96448.024704 RUB → 9644802 kopecks
    expect(convertMinor(123456n, "USD", "RUB", parseDecimal("78.1234")!)).toBe(9644802n);
    // 1.05 × 0.5 = 0.525 exactly → 0.52 (even); float maths would say 0.53
    expect(convertMinor(105n, "USD", "EUR", parseDecimal("0.5")!)).toBe(52n);
    // refunds may be negative: rounding is symmetric
    expect(convertMinor(-105n, "USD", "EUR", parseDecimal("0.5")!)).toBe(-52n);
  });

  it("handles zero-decimal currencies (JPY)", () => {
    // 1000 JPY at 0.52 RUB = 520.00 RUB
    expect(convertMinor(1000n, "JPY", "RUB", parseDecimal("0.52")!)).toBe(52000n);
    // 100.00 USD at 155.555 JPY = 15555.5 JPY → 15556 (half-even: 15555 is odd → 15556)
    expect(convertMinor(10000n, "USD", "JPY", parseDecimal("155.555")!)).toBe(15556n);
    // 100.00 USD at 155.565 = 15556.5 → 15556 (even)
    expect(convertMinor(10000n, "USD", "JPY", parseDecimal("155.565")!)).toBe(15556n);
  });

  it("KZT has two decimals", () => {
    // 1000.00 KZT at 0.156 RUB = 156.00 RUB
    expect(convertMinor(100000n, "KZT", "RUB", parseDecimal("0.156")!)).toBe(15600n);
  });
});
