import { describe, expect, it } from "vitest";
import { formatDay } from "@/lib/i18n/format";
import { BOARD_CONSENT_VERSION, consentVersionDate } from "./codes";

describe("consent version", () => {
  it("is shown as the date its wording took effect, not as the stored code", () => {
    expect(formatDay("ru", consentVersionDate(BOARD_CONSENT_VERSION)!)).toBe("01.11.2026");
    expect(formatDay("en", consentVersionDate("board-consent-2027-03")!)).toBe("03/01/2027");
    expect(consentVersionDate("custom")).toBeNull();
  });
});
