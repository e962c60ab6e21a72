import { describe, expect, it } from "vitest";
import { findReference, MAX_REFERENCE_LENGTH, paymentReference } from "./reference";

describe("payment references", () => {
  it("are short, upper-case ASCII and unique enough", () => {
    const refs = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const ref = paymentReference(123456);
      expect(ref).toMatch(/^TW-123456-[0-9A-HJKMNP-TV-Z]+$/);
      expect(ref.length).toBeLessThanOrEqual(MAX_REFERENCE_LENGTH);
      refs.add(ref);
    }
    expect(refs.size).toBe(2000);
  });

  it("are found in a bank's purpose text, whatever surrounds them", () => {
    expect(findReference("Выплата вознаграждения по договору, ref TW-12-7K3QX9MB, НДС не облагается")).toBe("TW-12-7K3QX9MB");
    expect(findReference("oplata tw-3-abc123 ")).toBe("TW-3-ABC123");
    expect(findReference("ref TW-4-ZZ9-.")).toBe("TW-4-ZZ9");
    expect(findReference("Оплата по счёту 17")).toBeNull();
  });
});
