// Issue 17, part 6: the monthly placements report (counts by status, missing erid / registration,
// statistics due and sent, clicks of the month) and its CSV; the statistics-deadline warning job
// (once per agency and month, on the agency's own date); PlacementMonthStat stays in its tenant.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlacementStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { createPlacement } from "@/lib/placements/create-placement";
import { placementMonthReport } from "@/lib/placements/month-report";
import { listMonthStats, monthStatForm, recordMonthStat } from "@/lib/placements/month-stats";
import { placementReportCsv } from "@/lib/placements/report-csv";
import { warnStatisticsDeadline } from "@/lib/notifications/statistics-deadline";
import { tenantWithOwner, memberContext } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { creatorDeal, placementForm } from "../helpers/placements";

let fa: TenantFixture;
let a: TenantContext;
let b: TenantContext;
let deal: Awaited<ReturnType<typeof creatorDeal>>;
const ids: Record<string, string> = {};

async function placement(key: string, status: PlacementStatus, overrides: Record<string, string>, published?: string, link?: string) {
  const { id } = await createPlacement(a, placementForm(deal, overrides));
  await prisma.placement.update({ where: { id }, data: { status, publishedOn: published ? new Date(`${published}T00:00:00Z`) : null, postUrl: published ? "https://t.me/anna_blog/1" : null, trackedLinkId: link ?? null } });
  ids[key] = id;
}

beforeAll(async () => {
  ({ fixture: fa, ctx: a } = await tenantWithOwner(`Report Agency ${randomBytes(2).toString("hex")}`));
  b = (await tenantWithOwner(`Other Report Agency ${randomBytes(2).toString("hex")}`)).ctx;
  deal = await creatorDeal(fa);
  const link = await prisma.trackedLink.create({
    data: { tenantId: fa.tenantId, partnerId: deal.partner.partnerId, programId: deal.program.id, code: `rp${randomBytes(4).toString("hex")}`, destinationUrl: "https://belyi-len.example/", sourceMarket: "RU", targetMarket: "RU" },
  });
  const ok = { erid: "2VtzqxABC12", rknRegistryNumber: "4912345678" };
  // November 2026 in the agency's calendar:
  await placement("sent", "reported", { ...ok, plannedOn: "2026-11-03" }, "2026-11-05", link.id); // RU, published, statistics sent
  await placement("unsent", "published", { ...ok, plannedOn: "2026-11-10" }, "2026-11-12"); // RU, published, not sent
  await placement("noErid", "labelled", { rknRegistryNumber: "4912345678", plannedOn: "2026-11-20" }); // unpublished, no erid
  await placement("noRegistry", "draft", { erid: "2VtzqxABC12", plannedOn: "2026-11-28" }); // 25 000 subscribers, no number
  await placement("us", "published", { audienceMarket: "US", disclosureText: "#ad — paid partnership with Белый лён", plannedOn: "2026-10-30" }, "2026-11-02"); // US: no ОРД statistics
  // Outside November: planned in November but published in December; planned in December.
  await placement("lateDec", "published", { ...ok, plannedOn: "2026-11-29" }, "2026-12-01");
  await placement("dec", "draft", { ...ok, plannedOn: "2026-12-15" });

  await recordMonthStat(a, ids.sent, monthStatForm.parse({ month: "2026-11", impressions: "12 500", sent: "on" }));
  await recordMonthStat(a, ids.unsent, monthStatForm.parse({ month: "2026-11", impressions: "800" }));
  const click = (day: string, clicks: number) => prisma.clickDaily.create({
    data: { tenantId: fa.tenantId, day: new Date(`${day}T00:00:00Z`), linkId: link.id, partnerId: deal.partner.partnerId, programId: deal.program.id, sourceMarket: "RU", targetMarket: "RU", clicks },
  });
  await click("2026-10-31", 100); // October: not counted
  await click("2026-11-05", 30);
  await click("2026-11-30", 12);
  await click("2026-12-01", 7); // December: not counted
});

describe("the monthly report", () => {
  it("counts November's placements by status, the missing erid and registration, statistics due and sent, and November's clicks", async () => {
    const r = await placementMonthReport(a, "2026-11", new Date("2026-12-10T12:00:00Z"));
    expect(r.rows.map((row) => row.id).sort()).toEqual([ids.sent, ids.unsent, ids.noErid, ids.noRegistry, ids.us].sort());
    expect(r.byStatus).toEqual({ draft: 1, ready_to_label: 0, labelled: 1, approved_to_publish: 0, published: 2, reported: 1 });
    expect([r.total, r.missingErid, r.missingRegistration, r.due, r.sent]).toEqual([5, 1, 1, 2, 1]);
    expect([r.dueOn, r.daysLeft]).toEqual(["2026-12-30", 20]);
    const row = (key: string) => r.rows.find((x) => x.id === ids[key])!;
    expect(row("noErid")).toMatchObject({ missingErid: true, missingRegistration: false, statsDue: false });
    expect(row("noRegistry")).toMatchObject({ missingErid: false, missingRegistration: true });
    expect(row("sent")).toMatchObject({ statsDue: true, statsSent: true, impressions: 12_500, clicks: 42 });
    expect(row("unsent")).toMatchObject({ statsDue: true, statsSent: false, impressions: 800, clicks: 0 });
    expect(row("us")).toMatchObject({ statsDue: false });
  });

  it("the CSV carries the same rows, in Russian with «;» and in English with «,»", async () => {
    const ru = await placementReportCsv(a, "2026-11", "ru");
    const lines = ru.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("ID;Дата;Дата публикации;Рекламодатель;Автор;Площадка;Аудитория;Статус;erid;Нет erid;Канала нет в перечне Роскомнадзора;Нужна статистика показов;Статистика показов передана;Показы;Переходы");
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.startsWith(ids.sent))).toBe(`${ids.sent};2026-11-03;2026-11-05;Белый лён;Анна Блогер;Telegram;Россия;Отчёт сдан;2VtzqxABC12;нет;нет;да;да;12500;42`);
    expect(lines.find((l) => l.startsWith(ids.noRegistry))).toMatch(/;Черновик;2VtzqxABC12;нет;да;нет;;;0$/);
    const en = await placementReportCsv(a, "2026-11", "en");
    expect(en.split("\r\n")[0]).toContain("ID,Date,Published on,Advertiser");
    expect(en.split("\r\n").find((l) => l.startsWith(ids.unsent))).toMatch(/,yes,no,800,0$/);
  });

  it("entering statistics is audited, re-entering corrects the month, and unticking clears «sent»", async () => {
    await recordMonthStat(a, ids.unsent, monthStatForm.parse({ month: "2026-11", impressions: "900", sent: "on" }));
    let stats = await listMonthStats(a, ids.unsent);
    expect(stats.map((s) => [s.month.toISOString().slice(0, 10), s.impressions, s.sentAt !== null])).toEqual([["2026-11-01", 900, true]]);
    await recordMonthStat(a, ids.unsent, monthStatForm.parse({ month: "2026-11", impressions: "900" }));
    stats = await listMonthStats(a, ids.unsent);
    expect(stats[0].sentAt).toBeNull();
    expect(await prisma.auditLog.count({ where: { tenantId: fa.tenantId, action: "placement.statistics_recorded", entityId: ids.unsent } })).toBe(3);
    expect(monthStatForm.safeParse({ month: "2026-13", impressions: "1" }).error?.issues[0].message).toBe("month_invalid");
    expect(monthStatForm.safeParse({ month: "2026-11", impressions: "много" }).error?.issues[0].message).toBe("placement_count_invalid");
  });

  it("an analyst reads the report but cannot enter statistics", async () => {
    const analyst = await memberContext(fa, "analyst");
    expect((await placementMonthReport(analyst, "2026-11")).total).toBe(5);
    await expect(recordMonthStat(analyst, ids.unsent, monthStatForm.parse({ month: "2026-11", impressions: "1" }))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("statistics of another agency", () => {
  it("tenant B cannot read, list or record A's monthly statistics, and its report is empty", async () => {
    expect(await listMonthStats(b, ids.sent)).toEqual([]);
    expect(await b.db.placementMonthStat.findMany()).toEqual([]);
    expect(await b.db.placementMonthStat.count({ where: { placementId: ids.sent } })).toBe(0);
    await expect(recordMonthStat(b, ids.sent, monthStatForm.parse({ month: "2026-11", impressions: "1" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(b.db.placementMonthStat.updateMany({ where: { placementId: ids.sent }, data: { impressions: 1 } })).resolves.toEqual({ count: 0 });
    expect((await placementMonthReport(b, "2026-11")).total).toBe(0);
    expect((await prisma.placementMonthStat.findFirstOrThrow({ where: { placementId: ids.sent } })).impressions).toBe(12_500);
  });
});

describe("the statistics-deadline warning", () => {
  const notices = () => prisma.staffNotification.findMany({ where: { tenantId: fa.tenantId, kind: "statistics_due" }, orderBy: { createdAt: "asc" } });

  it("starts a week before the 30th on the agency's date: Moscow is there at 22:30 UTC on the 22nd, UTC is not", async () => {
    await prisma.staffNotification.deleteMany({ where: { tenantId: fa.tenantId, kind: "statistics_due" } });
    await prisma.tenant.update({ where: { id: fa.tenantId }, data: { timeZone: "UTC" } });
    const evening = new Date("2026-12-22T22:30:00Z");
    expect(await warnStatisticsDeadline({ now: evening, tenantIds: [fa.tenantId] })).toMatchObject({ tenants: 1, warned: 0, created: 0 });
    await prisma.tenant.update({ where: { id: fa.tenantId }, data: { timeZone: "Europe/Moscow" } });
    const first = await warnStatisticsDeadline({ now: evening, tenantIds: [fa.tenantId] });
    expect(first).toMatchObject({ warned: 1, created: 1 }); // the owner: the only staff member who moves placements
    const [n] = await notices();
    expect(n).toMatchObject({ userId: a.userId, dedupeKey: "statistics_due:2026-11", params: { month: "2026-11", dueOn: "2026-12-30", unsent: 1 } });
  });

  it("is told once per month: later runs and reruns add nothing", async () => {
    for (const now of ["2026-12-22T22:30:00Z", "2026-12-25T06:45:00Z", "2026-12-30T06:45:00Z"]) {
      expect((await warnStatisticsDeadline({ now: new Date(now), tenantIds: [fa.tenantId] })).created, now).toBe(0);
    }
    expect(await notices()).toHaveLength(1);
  });

  it("says nothing after the deadline, nor when every due placement's statistics were sent", async () => {
    await prisma.staffNotification.deleteMany({ where: { tenantId: fa.tenantId, kind: "statistics_due" } });
    expect((await warnStatisticsDeadline({ now: new Date("2026-12-31T06:45:00Z"), tenantIds: [fa.tenantId] })).warned).toBe(0);
    await recordMonthStat(a, ids.unsent, monthStatForm.parse({ month: "2026-11", impressions: "900", sent: "on" }));
    expect((await warnStatisticsDeadline({ now: new Date("2026-12-26T06:45:00Z"), tenantIds: [fa.tenantId] })).warned).toBe(0);
    expect(await notices()).toHaveLength(0);
  });

  it("February's reporting month: January's statistics are due on the last day of February", async () => {
    const { id } = await createPlacement(a, placementForm(deal, { erid: "2VtzqxABC12", rknRegistryNumber: "4912345678", plannedOn: "2027-01-10" }));
    await prisma.placement.update({ where: { id }, data: { status: "published", publishedOn: new Date("2027-01-11T00:00:00Z"), postUrl: "https://t.me/anna_blog/2" } });
    expect((await warnStatisticsDeadline({ now: new Date("2027-02-20T12:00:00Z"), tenantIds: [fa.tenantId] })).warned).toBe(0);
    expect(await warnStatisticsDeadline({ now: new Date("2027-02-21T12:00:00Z"), tenantIds: [fa.tenantId] })).toMatchObject({ warned: 1, created: 1 });
    expect((await notices()).map((x) => x.params)).toEqual([{ month: "2027-01", dueOn: "2027-02-28", unsent: 1 }]);
  });
});
