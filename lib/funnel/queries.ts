// The funnel's public entry point for the dashboard, the partner portal, exports and the bench.
// Definitions: docs/funnel-definitions.md. Clicks come from ClickDaily in every aggregate.
export { funnelScopeForPartner, funnelScopeForTenant, trustedFunnelScope } from "./scope";
export { getFunnelSeries, getFunnelSplit, getFunnelSummary, getLeaderboard } from "./reports";
export { getLtvReport } from "./ltv";
export { listClickRows, listCustomers, listEvents, listStageReferrals, MAX_PAGE_SIZE } from "./drilldown";
export { EXPORT_CAP, exportFunnelTable, funnelCsv, type FunnelExport } from "./export";
export { MAX_RANGE_DAYS } from "./sql";
