import type { Resource } from "i18next";
import enAuth from "@/locales/en/auth.json";
import enBoard from "@/locales/en/board.json";
import enCommon from "@/locales/en/common.json";
import enDashboard from "@/locales/en/dashboard.json";
import enDirectory from "@/locales/en/directory.json";
import enErrors from "@/locales/en/errors.json";
import enNav from "@/locales/en/nav.json";
import enOpportunities from "@/locales/en/opportunities.json";
import enPartners from "@/locales/en/partners.json";
import enPortal from "@/locales/en/portal.json";
import enReferrals from "@/locales/en/referrals.json";
import enSettings from "@/locales/en/settings.json";
import enTracking from "@/locales/en/tracking.json";
import enLinks from "@/locales/en/links.json";
import enApikeys from "@/locales/en/apikeys.json";
import enFx from "@/locales/en/fx.json";
import enFunnel from "@/locales/en/funnel.json";
import enCommissions from "@/locales/en/commissions.json";
import enPayouts from "@/locales/en/payouts.json";
import enCompliance from "@/locales/en/compliance.json";
import enEarnings from "@/locales/en/earnings.json";
import enOrd from "@/locales/en/ord.json";
import enNotifications from "@/locales/en/notifications.json";
import enTimezones from "@/locales/en/timezones.json";
import enWebhooks from "@/locales/en/webhooks.json";
import enPlacements from "@/locales/en/placements.json";
import ruAuth from "@/locales/ru/auth.json";
import ruBoard from "@/locales/ru/board.json";
import ruCommon from "@/locales/ru/common.json";
import ruDashboard from "@/locales/ru/dashboard.json";
import ruDirectory from "@/locales/ru/directory.json";
import ruErrors from "@/locales/ru/errors.json";
import ruNav from "@/locales/ru/nav.json";
import ruOpportunities from "@/locales/ru/opportunities.json";
import ruPartners from "@/locales/ru/partners.json";
import ruPortal from "@/locales/ru/portal.json";
import ruReferrals from "@/locales/ru/referrals.json";
import ruSettings from "@/locales/ru/settings.json";
import ruTracking from "@/locales/ru/tracking.json";
import ruLinks from "@/locales/ru/links.json";
import ruApikeys from "@/locales/ru/apikeys.json";
import ruFx from "@/locales/ru/fx.json";
import ruFunnel from "@/locales/ru/funnel.json";
import ruCommissions from "@/locales/ru/commissions.json";
import ruPayouts from "@/locales/ru/payouts.json";
import ruCompliance from "@/locales/ru/compliance.json";
import ruEarnings from "@/locales/ru/earnings.json";
import ruOrd from "@/locales/ru/ord.json";
import ruNotifications from "@/locales/ru/notifications.json";
import enRisk from "@/locales/en/risk.json";
import ruRisk from "@/locales/ru/risk.json";
import ruTimezones from "@/locales/ru/timezones.json";
import ruWebhooks from "@/locales/ru/webhooks.json";
import ruPlacements from "@/locales/ru/placements.json";
import enMessages from "@/locales/en/messages.json";
import ruMessages from "@/locales/ru/messages.json";

// Bundled statically: the whole catalogue is a few KB and this keeps rendering synchronous.
export const resources: Resource = {
  en: {
    auth: enAuth, common: enCommon, dashboard: enDashboard, directory: enDirectory,
    errors: enErrors, nav: enNav, portal: enPortal, settings: enSettings, partners: enPartners, referrals: enReferrals, opportunities: enOpportunities, board: enBoard,
    tracking: enTracking, links: enLinks, apikeys: enApikeys, fx: enFx, funnel: enFunnel,
    commissions: enCommissions, payouts: enPayouts, compliance: enCompliance, earnings: enEarnings, ord: enOrd, notifications: enNotifications, risk: enRisk, timezones: enTimezones, webhooks: enWebhooks, placements: enPlacements, messages: enMessages,
  },
  ru: {
    auth: ruAuth, common: ruCommon, dashboard: ruDashboard, directory: ruDirectory,
    errors: ruErrors, nav: ruNav, portal: ruPortal, settings: ruSettings, partners: ruPartners, referrals: ruReferrals, opportunities: ruOpportunities, board: ruBoard,
    tracking: ruTracking, links: ruLinks, apikeys: ruApikeys, fx: ruFx, funnel: ruFunnel,
    commissions: ruCommissions, payouts: ruPayouts, compliance: ruCompliance, earnings: ruEarnings, ord: ruOrd, notifications: ruNotifications, risk: ruRisk, timezones: ruTimezones, webhooks: ruWebhooks, placements: ruPlacements, messages: ruMessages,
  },
};
