export type RiskHoldEvent = { tenantId: string; caseId: string; partnerId: string; opened: boolean; heldCommissions: number };

export function onRiskHold(event: RiskHoldEvent): void {
  void event;
}
