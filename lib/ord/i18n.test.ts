// Every code an ОРД failure can carry has a message in both languages (ord namespace).
import { describe, expect, it } from "vitest";
import en from "@/locales/en/ord.json";
import ru from "@/locales/ru/ord.json";
import { ordErrorCodes, ordIssueCodes, OrdError, issueKey } from "./errors";

describe("ord translations", () => {
  it("cover every error and issue code, and nothing else", () => {
    for (const catalogue of [en, ru]) {
      expect(Object.keys(catalogue.errors).sort()).toEqual([...ordErrorCodes].sort());
      expect(Object.keys(catalogue.issues).sort()).toEqual([...ordIssueCodes].sort());
    }
    const err = new OrdError("rejected", [{ code: "invalid_inn", field: "inn" }]);
    expect(err.messageKey).toBe("errors.rejected");
    expect(issueKey(err.issues[0])).toBe("issues.invalid_inn");
  });
});
