import { describe, expect, it, vi } from "vitest";
import { getT } from "@/lib/i18n/server";
import { jobReasonLines } from "./explain";
import type { JobReason } from "./run-job";

vi.mock("server-only", () => ({}));

const reasons: JobReason[] = [
  { ruleId: null, ruleName: null, reason: "no_rule_for_market", values: { market: "RU" }, count: 3 },
  { ruleId: "r1", ruleName: "Бонус за сделку", reason: "waiting_for_fx", values: { pair: "USD/RUB", day: "2026-12-06" }, count: 1 },
  { ruleId: "r2", ruleName: "Лимит", reason: "cap_reached", values: {}, count: 5 },
  { ruleId: "r3", ruleName: "Выручка", reason: "not_for_event", values: {}, count: 21 },
];

describe("why the job created nothing, in words", () => {
  it("reads naturally in Russian, with plural forms", async () => {
    const t = await getT("ru", "commissions");
    expect(jobReasonLines(reasons, "ru", t)).toEqual([
      "нет правила для рынка «Россия» (3 события)",
      "«Бонус за сделку»: ждём курс USD/RUB на 06.12.2026 (1 событие)",
      "«Лимит»: лимит на клиента исчерпан (5 событий)",
      "«Выручка»: правило не действует для этого события (21 событие)",
    ]);
    expect(jobReasonLines([], "ru", t)).toEqual(["нет событий, ожидающих комиссии"]);
  });

  it("and in English", async () => {
    const t = await getT("en", "commissions");
    expect(jobReasonLines(reasons.slice(0, 2), "en", t)).toEqual([
      "no rule for the market “Russia” (3 events)",
      "“Бонус за сделку”: waiting for the USD/RUB rate of 12/06/2026 (1 event)",
    ]);
  });
});
