// Issue 17, part 3 (the last piece): a month's statistics sent to the ОРД by the ord:statistics job
// against the VK ОРД stand-in — impressions and the tracked link's clicks of each due placement, the
// month marked sent, the placement moved "published" → "reported"; nothing sent twice when run again or
// killed and resumed; 5xx retried by the queue, a 4xx refusal kept and shown; "Send statistics" only
// for an ended month with a key; the file for a manual upload; tenant isolation.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { OrdError } from "@/lib/ord/errors";
import { ordExternalId } from "@/lib/ord/external-id";
import { monthStatisticsExport, requestStatisticsSend, saveOrdDetails } from "@/lib/ord/placement-ord";
import { sendMonthStatistics } from "@/lib/ord/send-statistics";
import { saveOrdSettings } from "@/lib/ord/settings";
import { ordDetailsForm, ordDetailsFromForm, ordSettingsForm } from "@/lib/ord/settings-schemas";
import { startOrdStandin, type OrdStandin } from "@/lib/ord/standin";
import { syncPlacementOrd } from "@/lib/ord/sync-placement";
import { createPlacement } from "@/lib/placements/create-placement";
import { placementMonthReport } from "@/lib/placements/month-report";
import { monthStatForm, recordMonthStat } from "@/lib/placements/month-stats";
import { transitionPlacement } from "@/lib/placements/transition-placement";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { creatorDeal, placementForm } from "../helpers/placements";

let standin: OrdStandin;
let a: TenantContext;
let b: TenantContext;
let fa: TenantFixture;
let deal: Awaited<ReturnType<typeof creatorDeal>>;
const noSleep = { sleep: async () => undefined, timeoutMs: 2_000 };
const statisticsRequests = () => standin.state.requests.filter((r) => r.path === "/v3/statistics").length;

const details = () => ordDetailsFromForm(ordDetailsForm.parse({
  brandLegalForm: "company", brandName: "ООО «Белый лён»", brandInn: "7707083893", brandKpp: "773601001",
  creatorLegalForm: "self_employed", creatorName: "Анна Блогер", creatorInn: "500100732259",
  initialSignedOn: "2026-01-10", initialSerial: "БЛ-7/2026", creatorSignedOn: "2026-01-12",
}));

/** A Russian-audience Telegram placement taken through the UI's steps: erid from the stand-in, approved, published on `month`-`day`. */
async function published(month: string, options: { day?: string; link?: string; viaOrd?: boolean } = {}) {
  const { id } = await createPlacement(a, placementForm(deal, { plannedOn: `${month}-10`, rknRegistryNumber: "4912345678", ...(options.viaOrd === false ? { erid: "2VtzqxHAND1" } : {}) }));
  if (options.viaOrd !== false) {
    await transitionPlacement(a, id, { to: "ready_to_label" });
    await saveOrdDetails(a, id, details());
    expect((await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep })).outcome).toBe("labelled");
  } else {
    await transitionPlacement(a, id, { to: "ready_to_label" });
    await transitionPlacement(a, id, { to: "labelled" });
  }
  await transitionPlacement(a, id, { to: "approved_to_publish" });
  await transitionPlacement(a, id, { to: "published", postUrl: "https://t.me/anna_blog/7", publishedOn: new Date(`${month}-${options.day ?? "12"}T00:00:00Z`) });
  if (options.link) await prisma.placement.update({ where: { id }, data: { trackedLinkId: options.link } });
  return id;
}
const impressions = (id: string, month: string, n: string) => recordMonthStat(a, id, monthStatForm.parse({ month, impressions: n }));

beforeAll(async () => {
  standin = await startOrdStandin({ apiKey: "agency-key" });
  ({ fixture: fa, ctx: a } = await tenantWithOwner(`ОРД Statistics A ${randomBytes(2).toString("hex")}`));
  b = (await tenantWithOwner(`ОРД Statistics B ${randomBytes(2).toString("hex")}`)).ctx;
  deal = await creatorDeal(fa);
  await saveOrdSettings(a, ordSettingsForm.parse({
    apiKey: "agency-key", sandbox: "on", baseUrl: standin.url, agencyName: "ООО «Твоуэй Агентство»", agencyLegalForm: "company", agencyInn: "7736207543",
  }), { ORD_VK_BASE_URL: standin.url });
});
afterEach(() => standin.state.clearFaults());
afterAll(async () => { await standin.close(); });

describe("ord:statistics against the stand-in", () => {
  it("sends impressions and the month's clicks, marks the month sent, moves the placement to reported; a second run sends nothing", async () => {
    const month = "2026-06";
    const link = await prisma.trackedLink.create({
      data: { tenantId: fa.tenantId, partnerId: deal.partner.partnerId, programId: deal.program.id, code: `os${randomBytes(4).toString("hex")}`, destinationUrl: "https://belyi-len.example/", sourceMarket: "RU", targetMarket: "RU" },
    });
    for (const [day, clicks] of [["2026-05-31", 50], ["2026-06-14", 30], ["2026-06-30", 12]] as const) {
      await prisma.clickDaily.create({ data: { tenantId: fa.tenantId, day: new Date(`${day}T00:00:00Z`), linkId: link.id, partnerId: deal.partner.partnerId, programId: deal.program.id, sourceMarket: "RU", targetMarket: "RU", clicks } });
    }
    const id = await published(month, { day: "14", link: link.id });
    await impressions(id, month, "18 400");

    const r = await sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep, userId: a.userId });
    expect(r).toEqual({ sent: [id], refused: [], skipped: [] });
    const creative = ordExternalId("creative", a.tenantId, id);
    const atOperator = [...standin.state.statistics.values()].find((s) => s.creative_external_id === creative);
    expect(atOperator).toMatchObject({ shows_count: 18_400, date_start_actual: "2026-06-14", date_end_actual: "2026-06-30" });

    const row = await prisma.placement.findUniqueOrThrow({ where: { id }, include: { monthStats: true, ordReports: true } });
    expect(row.status).toBe("reported");
    expect(row.monthStats[0]!.sentAt).not.toBeNull();
    expect(row.monthStats[0]!.sentById).toBe(a.userId);
    expect(row.ordReports).toMatchObject([{ state: "sent", impressions: 18_400, clicks: 42 }]);
    expect(row.ordReports[0]!.dueOn.toISOString().slice(0, 10)).toBe("2026-07-30");
    const move = await prisma.placementTransition.findFirstOrThrow({ where: { placementId: id, toStatus: "reported" } });
    expect([move.fromStatus, move.actorUserId]).toEqual(["published", a.userId]);
    const log = await prisma.ordExchangeLog.findFirstOrThrow({ where: { placementId: id, kind: "statistics" } });
    expect([log.method, log.path, log.status, log.reportId]).toEqual(["POST", "/v3/statistics", 200, row.ordReports[0]!.id]);
    expect(await prisma.auditLog.count({ where: { tenantId: a.tenantId, action: "placement.statistics_sent", entityId: id } })).toBe(1);

    // The report reads it as sent; a second run (a double click, a retried job) sends nothing.
    const report = await placementMonthReport(a, month, new Date("2026-07-02T12:00:00Z"));
    expect([report.due, report.sent]).toEqual([1, 1]);
    const before = statisticsRequests();
    expect(await sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep })).toEqual({ sent: [], refused: [], skipped: [] });
    expect(statisticsRequests()).toBe(before);
  });

  it("skips a placement without impressions and one whose erid was typed in by hand (its creative is not at the operator)", async () => {
    const month = "2026-07";
    const noImpressions = await published(month);
    const byHand = await published(month, { viaOrd: false });
    await impressions(byHand, month, "500");
    const before = statisticsRequests();
    const r = await sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep });
    expect(r.sent).toEqual([]);
    expect(r.skipped).toEqual(expect.arrayContaining([{ placementId: noImpressions, reason: "no_impressions" }, { placementId: byHand, reason: "creative_not_registered" }]));
    expect(statisticsRequests()).toBe(before);
    expect((await prisma.placement.findUniqueOrThrow({ where: { id: byHand } })).status).toBe("published");
  });

  it("a 5xx on every attempt: the others are still sent, then the job fails for the queue to retry; the next run sends the rest", async () => {
    const month = "2026-08";
    const first = await published(month, { day: "03" });
    const second = await published(month, { day: "04" });
    await impressions(first, month, "1 000");
    await impressions(second, month, "2 000");
    standin.state.failNext({ status: 503 }, { times: 4, path: "/v3/statistics" });
    const err = await sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrdError);
    expect((err as OrdError).retryable).toBe(true);
    const states = async () => Object.fromEntries((await prisma.ordStatisticsReport.findMany({ where: { placementId: { in: [first, second] } } })).map((x) => [x.placementId, x.state]));
    expect(await states()).toEqual({ [first]: "pending", [second]: "sent" });
    expect(await prisma.ordExchangeLog.findFirst({ where: { placementId: first, kind: "statistics" }, select: { errorCode: true, status: true } })).toEqual({ errorCode: "unavailable", status: 503 });
    const r = await sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep });
    expect(r.sent).toEqual([first]);
    expect(await states()).toEqual({ [first]: "sent", [second]: "sent" });
  });

  it("a 4xx refusal is kept (state bad, the operator's answer in the log) and does not hold back the others", async () => {
    const month = "2026-09";
    const refused = await published(month, { day: "01" });
    const fine = await published(month, { day: "02" });
    await impressions(refused, month, "10");
    await impressions(fine, month, "20");
    standin.state.failNext({ status: 400, errors: [{ error_code: "common_invalid_value", message: "shows_count looks wrong", field: "items.0.shows_count" }] }, { path: "/v3/statistics" });
    const r = await sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep });
    expect(r.sent).toEqual([fine]);
    expect(r.refused).toMatchObject([{ placementId: refused, code: "rejected" }]);
    const report = await placementMonthReport(a, month, new Date("2026-10-02T12:00:00Z"));
    expect(report.rows.find((x) => x.id === refused)).toMatchObject({ statsSent: false, ordState: "bad" });
    expect((await prisma.placement.findUniqueOrThrow({ where: { id: refused } })).status).toBe("published");
  });

  it("killed after one placement's result was committed: the re-run sends only the other", async () => {
    const month = "2026-10";
    const ids = [await published(month, { day: "05" }), await published(month, { day: "06" })];
    await impressions(ids[0]!, month, "300");
    await impressions(ids[1]!, month, "400");
    const before = statisticsRequests();
    const kill = new Error("killed");
    await expect(sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep, afterPlacement: () => { throw kill; } })).rejects.toBe(kill);
    const r = await sendMonthStatistics(a.db, a.tenantId, month, { clientOptions: noSleep });
    expect(r.sent).toHaveLength(1);
    expect(statisticsRequests()).toBe(before + 2);
    expect(await prisma.placementTransition.count({ where: { placementId: { in: ids }, toStatus: "reported" } })).toBe(2);
  });
});

describe("Send statistics, and the file without a key", () => {
  it("only for an ended month, only with a key, only for staff who may write; one waiting job per month", async () => {
    const now = new Date("2026-12-06T10:00:00Z");
    await expect(requestStatisticsSend(a, "2026-12", now)).rejects.toMatchObject({ code: "ord_statistics_month_open" });
    await expect(requestStatisticsSend(b, "2026-11", now)).rejects.toMatchObject({ code: "ord_not_configured" });
    await expect(requestStatisticsSend(await memberContext(fa, "analyst"), "2026-11", now)).rejects.toMatchObject({ code: "forbidden" });
    await requestStatisticsSend(a, "2026-11", now);
    await requestStatisticsSend(a, "2026-11", now);
    const jobs = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM graphile_worker.jobs WHERE task_identifier = 'ord:statistics' AND key = ${`ord-statistics:${a.tenantId}:2026-11`}`;
    expect(Number(jobs[0]!.n)).toBe(1);
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`ord-statistics:${a.tenantId}:2026-11`}`;
  });

  it("the month's file holds the items the job would send, in the operator's format", async () => {
    const month = "2026-05";
    const id = await published(month, { day: "20" });
    await impressions(id, month, "7 000");
    const file = await monthStatisticsExport(a, month);
    expect(file.count).toBe(1);
    expect(JSON.parse(file.body)).toMatchObject({ operator: "vk", statistics: { request: { method: "POST", path: "/v3/statistics", body: { items: [{
      creative_external_id: ordExternalId("creative", a.tenantId, id), shows_count: 7_000, date_start_actual: "2026-05-20", date_end_actual: "2026-05-31",
    }] } } } });
  });
});

describe("tenant isolation", () => {
  it("tenant B sees none of A's statistics reports, exports none of A's placements and its job sends none of them", async () => {
    expect(await prisma.ordStatisticsReport.count({ where: { tenantId: a.tenantId } })).toBeGreaterThan(0);
    expect(await b.db.ordStatisticsReport.findMany()).toEqual([]);
    expect((await monthStatisticsExport(b, "2026-05")).count).toBe(0);
    const before = statisticsRequests();
    expect(await sendMonthStatistics(b.db, b.tenantId, "2026-08", { clientOptions: noSleep })).toEqual({ sent: [], refused: [], skipped: [] });
    expect(statisticsRequests()).toBe(before);
  });
});
