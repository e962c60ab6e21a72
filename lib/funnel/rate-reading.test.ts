import { describe, expect, it } from "vitest";
import { isNested, readRate } from "./rate-reading";

const r = (numerator: number, denominator: number) => ({ numerator, denominator });

describe("readRate: a share only when the numerator is a subset of the denominator", () => {
  it("cohort basis: a normal share between nested stages", () => {
    expect(readRate("referralToQualified", r(37, 412), "cohort")).toEqual({ kind: "share", value: 37 / 412, numerator: 37, denominator: 412 });
    expect(readRate("qualifiedToClose", r(3, 3), "cohort")).toMatchObject({ kind: "share", value: 1 });
    expect(readRate("referralToClose", r(0, 5), "cohort")).toMatchObject({ kind: "share", value: 0 });
  });

  it("cohort basis: 2 of 1 is never 200 %", () => {
    expect(readRate("qualifiedToClose", r(2, 1), "cohort")).toEqual({ kind: "none", reason: "exceeds", numerator: 2, denominator: 1 });
  });

  it("cohort basis: 1 of 0 and 0 of 0 have nothing to divide by", () => {
    expect(readRate("qualifiedToClose", r(1, 0), "cohort")).toMatchObject({ kind: "none", reason: "noDenominator" });
    expect(readRate("referralToQualified", r(0, 0), "cohort")).toMatchObject({ kind: "none", reason: "noDenominator" });
  });

  it("period basis: stages are counted on their own dates, so every pair is two counts, not a rate", () => {
    for (const [n, d] of [[2, 1], [1, 0], [0, 0], [37, 412]] as const) {
      for (const key of ["referralToQualified", "qualifiedToClose", "referralToClose"] as const) {
        expect(readRate(key, r(n, d), "period")).toEqual({ kind: "ratio", reason: "period", numerator: n, denominator: d });
      }
    }
  });

  it("clicks → referrals is a ratio on both bases: a referral needs no click", () => {
    expect(readRate("clickToReferral", r(12, 1000), "period")).toMatchObject({ kind: "ratio", reason: "clicks" });
    expect(readRate("clickToReferral", r(3, 0), "cohort")).toMatchObject({ kind: "ratio", reason: "clicks" });
    expect(isNested("clickToReferral", "cohort")).toBe(false);
  });

  it("never yields a share above 1 or with a zero denominator, whatever the input", () => {
    for (const basis of ["period", "cohort"] as const) {
      for (const key of ["clickToReferral", "referralToQualified", "qualifiedToClose", "referralToClose"] as const) {
        for (let n = 0; n <= 4; n++) {
          for (let d = 0; d <= 4; d++) {
            const reading = readRate(key, r(n, d), basis);
            if (reading.kind === "share") {
              expect(d).toBeGreaterThan(0);
              expect(reading.value).toBeLessThanOrEqual(1);
              expect(n).toBeLessThanOrEqual(d);
            }
          }
        }
      }
    }
  });
});
