// The compliance screens as a user gets them (server-rendered HTML): every string translated, the
// TIN never in the page or the CSV — only "•••• 1234" — and Russian formats in Russian.
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "@/lib/i18n/client";
import { resources } from "@/lib/i18n/resources";
import type { Locale } from "@/lib/i18n/settings";
import { importSdnCsv } from "@/lib/compliance/sdn-import";
import { saveTaxProfile } from "@/lib/compliance/tax-profile";
import { screenAll } from "@/lib/compliance/screen";
import { taxProfileInput } from "@/lib/compliance/tax-schemas";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { payoutRow, sdnFixture } from "./compliance-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { default: CompliancePage } = await import("@/app/[locale]/(staff)/t/[tenant]/compliance/page");
const { default: Report1099Page } = await import("@/app/[locale]/(staff)/t/[tenant]/compliance/1099/page");
const { GET: export1099 } = await import("@/app/[locale]/(staff)/t/[tenant]/compliance/1099/export/route");
const { TaxProfileSection } = await import("@/components/compliance/tax-profile-form");
const { saveTaxProfileAction } = await import("@/lib/compliance/actions");

type Page = (props: { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;

let ctx: TenantContext;
let fixture: TenantFixture;
let us: { ctx: PartnerContext; partnerId: string };
let ru: { ctx: PartnerContext; partnerId: string };

function html(tree: ReactNode, locale: Locale) {
  const out = renderToStaticMarkup(createElement(I18nProvider, { locale, catalogue: resources[locale] } as Parameters<typeof I18nProvider>[0], tree)).replace(/[\u00a0\u202f]/g, " ");
  // Every string went through the catalogue: no raw key such as "screenings.status" or "errors:compliance.x".
  expect(out).not.toMatch(/(compliance|common|errors):|\b(tax|npd|sanctions|screenings|profiles|receipts|report1099|reasons|status|forms|fields)\.[a-zA-Z_.]+(?=[<"])/);
  expect(out).not.toMatch(/123-?45-?6789/);
  return out;
}

async function page(component: Page, locale: Locale, search: Record<string, string> = {}) {
  session.userId = fixture.userId;
  return html(await component({ params: Promise.resolve({ locale, tenant: fixture.slug }), searchParams: Promise.resolve(search) }), locale);
}

beforeAll(async () => {
  ({ ctx, fixture } = await tenantWithOwner("Pages Agency"));
  await importSdnCsv(ctx, sdnFixture(), "sdn.csv");
  us = await partnerWithContext(fixture, { name: "Jane Doe" });
  ru = await partnerWithContext(fixture, { name: "Сергей Иванов", market: "RU", locale: "ru" });
  await saveTaxProfile(us.ctx, taxProfileInput().parse({ form: "us_w9", legalName: "Jane Doe LLC", country: "US", region: "CA", address: "1 Main St", tin: "123-45-6789" }));
  await saveTaxProfile(ru.ctx, taxProfileInput().parse({ form: "ru_self_employed", legalName: "Иванов Сергей", country: "RU", region: "Москва", inn: "500100732259" }));
  await payoutRow(fixture.tenantId, ru.partnerId, { amountMinor: 200_000_000n, currency: "RUB", rail: "registry", paidAt: `${new Date().getUTCFullYear()}-01-15` });
  await payoutRow(fixture.tenantId, us.partnerId, { amountMinor: 250_000n, currency: "USD", rail: "manual", paidAt: "2026-03-01" });
  await screenAll(ctx);
});

describe("staff compliance page", () => {
  it("shows the list, the possible match, the profiles (no TIN) and missing receipts, in Russian", async () => {
    const out = await page(CompliancePage, "ru");
    if (process.env.DUMP_HTML) (await import("node:fs")).writeFileSync("/tmp/compliance-ru.html", out);
    expect(out).toContain("Действующий список");
    expect(out).toContain("Возможное совпадение");
    expect(out).toContain("IVANOV, Sergei Petrovich");
    expect(out).toContain("Снять (ложное совпадение)");
    expect(out).toContain("Россия: самозанятый (НПД)");
    expect(out).toMatch(/2 000 000,00 ₽/);
    expect(out).toContain("83,3%"); // НПД cap used
    expect(out).toContain("Нет чека: 1 выплата");
    expect(out).toContain("#9601 · имя партнёра");
    expect(out).not.toContain("6789");
  });

  it("an analyst sees the page without the upload and review actions", async () => {
    const analyst = await memberContext(fixture, "analyst");
    session.userId = analyst.userId;
    const out = html(await CompliancePage({ params: Promise.resolve({ locale: "en", tenant: fixture.slug }), searchParams: Promise.resolve({}) }), "en");
    expect(out).toContain("Possible match");
    expect(out).not.toContain("Import and screen");
    expect(out).not.toContain("Clear (false positive)");
  });
});

describe("1099-NEC page and CSV", () => {
  it("lists the W-9 payee with the masked TIN and the year's threshold", async () => {
    const out = await page(Report1099Page, "en", { year: "2026" });
    expect(out).toContain("1099-NEC report 2026");
    expect(out).toContain("•••• 6789");
    expect(out).toContain("$2,500.00");
    expect(out).toContain("Reportable");
    expect(out).toContain("$2,000.00");
  });

  it("exports CSV with the masked TIN only, and answers non-members with 404", async () => {
    session.userId = fixture.userId;
    const params = Promise.resolve({ locale: "en", tenant: fixture.slug });
    const res = await export1099(new Request("http://app.test/x?year=2026"), { params });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain("•••• 6789");
    expect(text).toContain("2500.00");
    expect(text).not.toMatch(/123-?45-?6789/);
    const { fixture: other } = await tenantWithOwner("Pages Other");
    session.userId = other.userId;
    expect((await export1099(new Request("http://app.test/x?year=2026"), { params: Promise.resolve({ locale: "en", tenant: fixture.slug }) })).status).toBe(404);
  });
});

describe("portal tax section", () => {
  it("shows the stored TIN only masked", async () => {
    const out = html(await TaxProfileSection({ locale: "en", ctx: us.ctx }), "en");
    expect(out).toContain("•••• 6789");
    expect(out).toContain("Jane Doe LLC");
  });

  it("shows the self-employed partner's НПД cap usage in Russian", async () => {
    const out = html(await TaxProfileSection({ locale: "ru", ctx: ru.ctx }), "ru");
    expect(out).toContain("Выплачено вам в");
    expect(out).toContain("2 000 000,00 ₽");
    expect(out).toContain("2 400 000,00 ₽");
    expect(out).toContain("500100732259");
  });
});

describe("tax profile action", () => {
  it("a rejected form writes nothing, answers per field and never echoes the TIN", async () => {
    const fresh = await partnerWithContext(fixture);
    session.userId = fresh.userId;
    const form = new FormData();
    for (const [k, v] of Object.entries({ form: "us_w9", legalName: "Jo", country: "RU", region: "", address: "1 Main St", tin: "123-45-6789" })) form.set(k, v);
    const state = await saveTaxProfileAction({ locale: "en", tenant: fixture.slug }, {}, form);
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toMatchObject({ country: { key: "compliance.w9_country_us" }, region: { key: "required" } });
    expect(JSON.stringify(state)).not.toMatch(/6789/);
    expect(await prisma.taxProfile.count({ where: { partnerId: fresh.partnerId } })).toBe(0);
    expect(await prisma.screening.count({ where: { partnerId: fresh.partnerId } })).toBe(0);
  });
});
