import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { createI18n } from "@/lib/i18n/instance";
import type { Locale } from "@/lib/i18n/settings";
import { toCsv } from "@/lib/kernel/csv";
import { pipelineOrder, pipelineWhere } from "./list-referrals";
import type { PipelineQuery } from "./list-query";
import { minorToDecimal } from "@/lib/kernel/money";
import { storedPlatforms } from "./subject-keys";

export const EXPORT_LIMIT = 10_000;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * The pipeline under the current filters as CSV, headed in the staff member's language. Russian
 * Excel splits on ";" and reads "12500,50" as a number, so a Russian export uses both.
 */
export async function referralsCsv(ctx: TenantContext, query: PipelineQuery, locale: Locale): Promise<string> {
  assertCan(ctx, "referrals:read");
  const rows = await ctx.db.referral.findMany({
    where: pipelineWhere(query, { timeZone: ctx.funnelTimeZone }),
    orderBy: pipelineOrder(query),
    take: EXPORT_LIMIT,
    include: { program: { select: { name: true } }, partner: { select: { name: true, email: true } } },
  });
  const t = createI18n(locale).getFixedT(locale, ["referrals", "common"]);
  const [delimiter, decimalMark] = locale === "ru" ? [";", ","] : [",", "."];
  const columns = [
    "id", "submitted", "status", "kind", "subject", "sourceMarket", "targetMarket", "crossMarket", "program", "partner",
    "partnerEmail", "country", "website", "platforms", "contactName", "contactChannel", "contactValue", "relationship",
    "consent", "fitReason", "dealValue", "dealCurrency", "qualified", "closed", "rejectReason", "lostReason", "duplicate",
  ];
  const yes = t("csv.yes");
  const no = t("csv.no");
  return toCsv(
    [
      columns.map((c) => t(`csv.columns.${c}`)),
      ...rows.map((r) => [
        r.id, day(r.submittedAt), t(`status.${r.status}`), t(`kind.${r.kind}`), r.subjectName, r.sourceMarket, r.targetMarket,
        r.sourceMarket !== r.targetMarket ? yes : no, r.program.name, r.partner?.name ?? "", r.partner?.email ?? "", r.country ?? "",
        r.website ?? "", storedPlatforms(r.platforms).map((p) => `${p.platform}:${p.handle}`).join(" "), r.contactName ?? "",
        r.contactChannel ?? "", r.contactValue ?? "", r.relationship ? t(`relationship.${r.relationship}`, { defaultValue: r.relationship }) : "",
        r.consentToIntro ? yes : no, r.fitReason ?? "",
        r.dealValueMinor !== null && r.dealCurrency ? minorToDecimal(r.dealValueMinor, r.dealCurrency, decimalMark) : "", r.dealCurrency ?? "",
        day(r.qualifiedAt), day(r.closedAt), r.rejectReason ? t(`rejectReason.${r.rejectReason}`, { defaultValue: r.rejectReason }) : "",
        r.lostReason ?? "", r.duplicateReason ? t(`duplicateReason.${r.duplicateReason}`) : "",
      ]),
    ],
    delimiter,
  );
}
