import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { glossary } from "./glossary";
import { checkWording, forbiddenTerms, isInternalCode, latinWords } from "./wording";

function catalogue(ru: Record<string, string>, en: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "wording-"));
  for (const [lng, data] of [["ru", ru], ["en", en]] as const) {
    mkdirSync(join(dir, lng));
    writeFileSync(join(dir, lng, "payouts.json"), JSON.stringify(data));
  }
  return dir;
}

describe("wording check", () => {
  it("passes on the real catalogues", () => {
    expect(checkWording("locales")).toEqual([]);
  });

  it("finds Latin words in Russian text, but not allowed names, placeholders, addresses or file names", () => {
    expect(latinWords("Возвраты (clawback) зачитываются против начислений")).toEqual(["clawback"]);
    expect(latinWords("пришли событием lead через API")).toEqual(["lead"]);
    expect(latinWords("Редакция board-consent-2026-11")).toEqual(["board-consent-2026-11"]);
    expect(latinWords("Переводы Stripe в USD, CSV-файл и API-ключ для {{agency}}, почта anna@example.ru, файл sdn.csv, <1>ссылка</1>")).toEqual([]);
  });

  it("finds a second term for a glossary concept", () => {
    expect(forbiddenTerms("ru", "payouts:runs.title", "Выплатные прогоны")).toEqual(["«прогоны» — use «платёжный цикл» (payout-run)"]);
    expect(forbiddenTerms("ru", "dashboard:status.lost", "Проиграна")).toEqual(["«Проиграна» — use «сделка не состоялась» (lost)"]);
    expect(forbiddenTerms("ru", "links:form.opportunity", "Возможность (необязательно)")).toEqual(["«Возможность» — use «предложение» (opportunity)"]);
    expect(forbiddenTerms("ru", "commissions:x", "За этот реферал уже начислено")[0]).toContain("(referral)");
    // ordinary words that share a stem are not the concept
    expect(forbiddenTerms("ru", "x:y", "Реферальные программы, отклики, возможно, невозможно, заработать")).toEqual([]);
    expect(forbiddenTerms("en", "x:y", "Payment cycle #1")).toEqual(["«Payment cycle» — use «payout run» (payout-run)"]);
  });

  it("finds internal codes shown as text", () => {
    expect(["run_approved", "payouts.run_approved", "PayoutRun", "SanctionsList"].map((v) => isInternalCode(v))).toEqual([true, true, true, true]);
    expect(["TikTok", "YouTube", "Платёжный цикл утверждён", "Approved"].map((v) => isInternalCode(v))).toEqual([false, false, false, false]);
  });

  it("fails a catalogue with each kind of bad string", () => {
    const dir = catalogue(
      { runs: { title: "Выплатные прогоны" }, audit: "compliance.sdn_imported", plan: "Возвраты (clawback) вычитаются" } as never,
      { status: "in_review" },
    );
    expect(checkWording(dir)).toEqual([
      "en: payouts:status shows an internal code to people: \"in_review\"",
      "ru: payouts:runs.title «прогоны» — use «платёжный цикл» (payout-run)",
      "ru: payouts:audit shows an internal code to people: \"compliance.sdn_imported\"",
      "ru: payouts:audit has Latin-script words outside lib/i18n/latin-allow-list.ts: compliance, sdn_imported",
      "ru: payouts:plan «(clawback)» — use «списание» (clawback)",
      "ru: payouts:plan has Latin-script words outside lib/i18n/latin-allow-list.ts: clawback",
    ]);
  });

  it("docs/glossary.md lists every term of the machine-readable glossary", () => {
    const doc = readFileSync("docs/glossary.md", "utf8").toLowerCase();
    const missing = glossary.flatMap((c) => [c.ru, c.en].filter((term) => !doc.includes(term.toLowerCase())).map((term) => `${c.id}: ${term}`));
    expect(missing).toEqual([]);
  });
});
