import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { describeAudit, entityTypeLabel } from "@/components/audit/describe-audit";
import { auditVocabulary, checkAuditLabels } from "./audit-labels";
import { getT } from "./server";

vi.mock("server-only", () => ({}));

function project(source: string, partners: object) {
  const root = mkdtempSync(join(tmpdir(), "audit-labels-"));
  mkdirSync(join(root, "lib"));
  writeFileSync(join(root, "lib", "run.ts"), source);
  for (const lng of ["en", "ru"]) {
    mkdirSync(join(root, "locales", lng), { recursive: true });
    writeFileSync(join(root, "locales", lng, "partners.json"), JSON.stringify({ audit: partners }));
  }
  return root;
}

describe("audit labels", () => {
  it("every action and record type the code records has a name in both languages", () => {
    const vocabulary = auditVocabulary(process.cwd());
    expect(vocabulary.actions).toContain("payouts.run_approved");
    expect(vocabulary.entityTypes).toContain("SanctionsList");
    expect(checkAuditLabels(process.cwd())).toEqual([]);
  });

  it("reports an action and a record type recorded without a name", () => {
    const root = project(
      `recordAudit(ctx, { action: ok ? "payouts.run_approved" : "payouts.run_cancelled", entityType: "PayoutRun" });
       audit(ctx, "brand.created", id);`,
      { actions: { payouts: { run_cancelled: "Cancelled" } }, entityTypes: {} },
    );
    expect(checkAuditLabels(root, join(root, "locales"), auditVocabulary(root, ["lib"])).filter((p) => p.startsWith("ru:"))).toEqual([
      "ru: audit action payouts.run_approved has no partners:audit.actions name",
      "ru: audit action brand.created has no partners:audit.actions name",
      "ru: audit record type PayoutRun has no partners:audit.entityTypes name",
    ]);
  });

  it("the audit page names actions and record types in Russian, and never shows a code it does not know", async () => {
    const t = await getT("ru", ["partners"]);
    expect(describeAudit(t, { action: "payouts.run_approved", entityType: "PayoutRun", data: {} }).action).toBe("Платёжный цикл утверждён");
    expect(entityTypeLabel(t, "SanctionsList")).toBe("Санкционный список");
    expect(describeAudit(t, { action: "payouts.something_new", entityType: "PayoutRun", data: {} })).toMatchObject({ action: "Другое действие", code: "payouts.something_new" });
    expect(entityTypeLabel(t, "SomethingNew")).toBe("Другая запись");
  });
});
