// The payouts screens and registry downloads as a user gets them: server-rendered HTML in English
// and Russian (every string translated, ru-RU formats, plurals), and the route handlers' guard.
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { I18nProvider } from "@/lib/i18n/client";
import { resources } from "@/lib/i18n/resources";
import type { Locale } from "@/lib/i18n/settings";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun, executePayoutRun } from "@/lib/payouts/execute-run";
import { memberContext } from "../helpers/context";
import { prisma } from "../helpers/db";
import { approved, payee, payoutWorld, type World } from "./payouts-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { default: PayoutsPage } = await import("@/app/[locale]/(staff)/t/[tenant]/payouts/page");
const { default: RunPage } = await import("@/app/[locale]/(staff)/t/[tenant]/payouts/[run]/page");
const { default: PayoutPage } = await import("@/app/[locale]/(staff)/t/[tenant]/payouts/[run]/[payout]/page");
const { GET: csvRoute } = await import("@/app/[locale]/(staff)/t/[tenant]/payouts/[run]/registry.csv/route");
const { GET: xlsxRoute } = await import("@/app/[locale]/(staff)/t/[tenant]/payouts/[run]/registry.xlsx/route");

let w: World;
let other: World;
let runId: string;
let ruPayoutId: string;
let analyst: TenantContext;

function html(tree: ReactNode, locale: Locale) {
  const out = renderToStaticMarkup(createElement(I18nProvider, { locale, catalogue: resources[locale] } as Parameters<typeof I18nProvider>[0], tree)).replace(/[\u00a0\u202f]/g, " ");
  // No raw catalogue key such as "plan.title" or "payoutStatus.held" reached the page.
  expect(out).not.toMatch(/(?<![/\w])(plan|runs|run|registry|statement|table|notes|hold|manual|receipt|detail|payoutStatus|runStatus|holdReason|rail|kind|lineResult|minimums)\.[a-zA-Z_.]+(?=[<"])/);
  return out;
}

const params = (locale: Locale) => Promise.resolve({ locale, tenant: w.fixture.slug, run: runId });

beforeAll(async () => {
  w = await payoutWorld("Pages Payouts");
  other = await payoutWorld("Pages Other");
  analyst = await memberContext(w.fixture, "analyst");
  const ru = await payee(w, { name: "Дмитрий Реестров", rail: "registry" });
  const us = await payee(w, { name: "Alice Stripe", rail: "stripe" });
  const held = await payee(w, { name: "Held Harry", rail: "manual", screening: "possible_match" });
  await approved(w, ru, [[200000n, "RUB"], [5000n, "USD"]]);
  await approved(w, us, [[12345n, "USD"]]);
  await approved(w, held, [[9000n, "USD"]]);
  await prisma.fxRate.create({ data: { tenantId: w.fixture.tenantId, day: new Date(new Date().toISOString().slice(0, 10)), base: "USD", quote: "RUB", rate: "80.5", source: "cbr" } });
  runId = (await createPayoutRun(w.ctx, { cutoffAt: new Date() })).id;
  ruPayoutId = (await prisma.payout.findFirstOrThrow({ where: { runId, partnerId: ru } })).id;
  await approvePayoutRun(w.ctx, runId);
  await executePayoutRun(w.ctx, runId, { stripe: null });
});

describe("payouts pages", () => {
  it("the runs list and a preview, in Russian", async () => {
    session.userId = w.fixture.userId;
    await approved(w, await payee(w, { name: "Маленький Остаток", rail: "manual" }), [[1000n, "USD"]]);
    const out = html(await PayoutsPage({ params: params("ru"), searchParams: Promise.resolve({ cutoff: new Date().toISOString().slice(0, 10) }) }), "ru");
    if (process.env.DUMP_HTML) (await import("node:fs")).writeFileSync("/tmp/payouts-ru.html", out);
    expect(out).toContain("Платёжные циклы");
    expect(out).toContain("Платёжный цикл № 1");
    expect(out).not.toMatch(/прогон/i);
    expect(out).toContain("Выполняется");
    expect(out).toContain("3 выплаты");
    expect(out).toContain("6 025,00 ₽"); // 2,000 RUB + 50 USD × 80.5
    expect(out).toContain("1 остаток ждёт следующего платёжного цикла");
    expect(out).toContain("Меньше минимальной выплаты 50,00 $");
    expect(out).toContain("Минимум в рублях");
  });

  it("the run page in English: progress, registry links, notes and hold actions", async () => {
    session.userId = w.fixture.userId;
    const out = html(await RunPage({ params: params("en") }), "en");
    expect(out).toContain("Run #1");
    expect(out).toContain("Processed 3 of 3 payouts");
    expect(out).toContain(`/payouts/${runId}/registry.csv`);
    expect(out).toContain("Mark registry as sent (1 payout)");
    expect(out).toContain("Stripe is not configured");
    expect(out).toContain("Possible sanctions match");
    expect(out).toContain("Request release");
    expect(out).toContain("$123.45");
  });

  it("an analyst sees the run without any action", async () => {
    session.userId = analyst.userId;
    const out = html(await RunPage({ params: params("en") }), "en");
    expect(out).toContain("Run #1");
    expect(out).not.toContain("Request release");
    expect(out).not.toContain("Mark registry as sent");
  });

  it("the payout page traces the amount to its commissions and rates", async () => {
    session.userId = w.fixture.userId;
    const out = html(await PayoutPage({ params: Promise.resolve({ locale: "ru", tenant: w.fixture.slug, run: runId, payout: ruPayoutId }) }), "ru");
    expect(out).toContain("2 комиссии в этой выплате");
    expect(out).toContain("1 USD = 80,5 RUB");
    expect(out).toContain("4 025,00 ₽");
    expect(out).toContain("6 025,00 ₽");
  });
});

describe("registry downloads", () => {
  const request = new Request("http://app.test/x");
  it("give the owner the CSV and XLSX with a file name", async () => {
    session.userId = w.fixture.userId;
    const csv = await csvRoute(request, { params: params("en") });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="payout-run-1-registry.csv"');
    const text = await csv.text();
    expect(text).toContain("Дмитрий Реестров");
    const xlsx = await xlsxRoute(request, { params: params("en") });
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("answer a stranger and another tenant's staff with 404", async () => {
    session.userId = null;
    expect((await csvRoute(request, { params: params("en") })).status).toBe(404);
    session.userId = other.fixture.userId;
    expect((await csvRoute(request, { params: params("en") })).status).toBe(404);
    expect((await xlsxRoute(request, { params: Promise.resolve({ locale: "en", tenant: other.fixture.slug, run: runId }) })).status).toBe(404);
  });
});
