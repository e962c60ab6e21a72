import type { Prisma } from "@/lib/db/generated/client";
import type { RiskRuleKind, RiskSeverity } from "@/lib/db/generated/enums";

/**
 * One finding before it is stored. `hold` says which of the partner's unpaid commissions it holds:
 * the listed ones, those of one program (link rules), or all (partner-level rules).
 */
export type RiskFinding = {
  partnerId: string;
  kind: RiskRuleKind;
  severity: RiskSeverity;
  subjectKey: string;
  details: Prisma.InputJsonObject;
  hold: { commissionIds: string[] } | { programId: string } | { allUnpaid: true };
};
