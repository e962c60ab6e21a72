// The daily fx:cbr-daily job (lib/fx/cbr-daily.ts) against a local HTTP server that plays the CBR:
// it fills in only the rates a tenant is missing (a staff rate, either direction, is kept), converts
// the events that waited, adds nothing when run again, writes nothing when the download or the file
// is bad, skips a tenant that works in one currency, and writes each tenant's rows into its own scope.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parseCrontab, type JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { importRatesFile } from "@/lib/fx/import-rates";
import { crontab, makeTasks } from "@/lib/jobs/tasks";
import { prisma } from "../helpers/db";
import { tenantWithOwner } from "../helpers/context";

vi.mock("server-only", () => ({})); // the task list reaches the Stripe client

const DAY = new Date("2026-11-26T00:00:00Z");
const fixture = readFileSync(join(process.cwd(), "tests/fixtures/cbr-daily-2026-11-26.xml"));
let server: Server;
let base = "";
const hanging = new Set<import("node:http").ServerResponse>();

let a: TenantContext; // USD reporting, markets US+RU: converts
let b: TenantContext; // a second converting tenant
let single: TenantContext; // RUB only: nothing to convert

const runJob = async (path: string) => {
  process.env.FX_CBR_URL = `${base}${path}`;
  await makeTasks(() => false)["fx:cbr-daily"]!({}, {} as JobHelpers);
};
const rowsOf = (ctx: TenantContext) =>
  ctx.db.fxRate.findMany({ where: { day: DAY }, orderBy: [{ base: "asc" }, { quote: "asc" }], select: { id: true, tenantId: true, base: true, quote: true, rate: true, source: true } });

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/daily") res.end(fixture);
    else if (req.url === "/bad") res.end("<ValCurs Date=\"26.11.2026\"><Valute>");
    else if (req.url === "/html") res.end("<html><body>Service unavailable</body></html>");
    else if (req.url === "/hang") hanging.add(res); // never answers
    else {
      res.statusCode = 500;
      res.end("internal error");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  ({ ctx: a } = await tenantWithOwner("CBR A"));
  ({ ctx: b } = await tenantWithOwner("CBR B"));
  ({ ctx: single } = await tenantWithOwner("CBR Single"));
  await prisma.tenant.update({ where: { id: single.tenantId }, data: { reportingCurrency: "RUB", enabledMarkets: ["RU"] } });
  // Every other tenant in this database (other test files) keeps whatever it has; only ours are asserted.
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  delete process.env.FX_CBR_URL;
  delete process.env.JOBS_FETCH_TIMEOUT_MS;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("fx:cbr-daily", () => {
  it("is on the crontab once a day", () => {
    const lines = parseCrontab(crontab).filter((c) => c.task === "fx:cbr-daily");
    expect(lines).toHaveLength(1);
    expect(lines[0].options.maxAttempts).toBeGreaterThan(1); // a failed download is retried with backoff
  });

  it("fails cleanly on a 500, a bad file, an HTML page and a timeout, writing nothing", async () => {
    const before = await prisma.fxRate.count();
    await expect(runJob("/500")).rejects.toThrow(/HTTP 500/);
    await expect(runJob("/bad")).rejects.toMatchObject({ code: "fx.cbr_invalid" });
    await expect(runJob("/html")).rejects.toMatchObject({ code: "fx.cbr_invalid" });
    process.env.JOBS_FETCH_TIMEOUT_MS = "300";
    const started = Date.now();
    await expect(runJob("/hang")).rejects.toThrow(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
    delete process.env.JOBS_FETCH_TIMEOUT_MS;
    expect(await prisma.fxRate.count()).toBe(before);
  });

  it("fills in only missing rates, keeps staff rates in either direction, and converts waiting events", async () => {
    // Staff imported USD/RUB for the day, and RUB/EUR (the inverse of the CBR's EUR/RUB).
    await importRatesFile(a, new TextEncoder().encode("date,base,quote,rate\n2026-11-26,USD,RUB,80\n2026-11-26,RUB,EUR,0.0111\n"));
    const event = await a.db.conversionEvent.create({
      data: {
        tenantId: a.tenantId, type: "revenue", source: "api", idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "t",
        occurredAt: new Date("2026-11-26T12:00:00Z"), amountMinor: 1_000_000n, currency: "KZT",
      },
    });
    expect(event.reportingAmountMinor).toBeNull(); // no KZT rate yet

    await runJob("/daily");

    const rows = await rowsOf(a);
    // The fixture's 12 currencies: 10 new CBR rows, plus staff's USD/RUB and RUB/EUR untouched.
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.source === "cbr")).toHaveLength(10);
    const usd = rows.find((r) => r.base === "USD" && r.quote === "RUB")!;
    expect([usd.rate.toFixed(), usd.source]).toEqual(["80", "csv"]); // not the CBR's 78.1234
    expect(rows.some((r) => r.base === "EUR" && r.quote === "RUB")).toBe(false); // staff's RUB/EUR covers the pair
    const kzt = rows.find((r) => r.base === "KZT")!;
    expect([kzt.rate.toFixed(), kzt.source]).toEqual(["0.156789", "cbr"]);

    // 10 000,00 KZT × 0.156789 RUB / 80 RUB per USD (staff's rate, not the CBR's) = 19.60 USD.
    const converted = await a.db.conversionEvent.findFirstOrThrow({ where: { id: event.id } });
    expect(converted.reportingAmountMinor).toBe(1960n);
    expect(converted.reportingCurrency).toBe("USD");
    const audit = await a.db.auditLog.findFirst({ where: { action: "fx.rates_fetched" } });
    expect(audit?.data).toMatchObject({ source: "cbr", day: "2026-11-26", imported: 10, reconverted: 1 });
  });

  it("run twice gives the same rows", async () => {
    const first = await rowsOf(a);
    await runJob("/daily");
    expect(await rowsOf(a)).toEqual(first);
    expect(await a.db.auditLog.count({ where: { action: "fx.rates_fetched" } })).toBe(1); // the second run added nothing
  });

  it("skips a tenant that works in one currency", async () => {
    expect(await rowsOf(single)).toHaveLength(0);
  });

  it("gives each tenant its own rows, invisible to the others", async () => {
    const rowsA = await rowsOf(a);
    const rowsB = await rowsOf(b);
    expect(rowsB).toHaveLength(12); // B had none: all of the file's rates, its own
    expect(rowsB.every((r) => r.tenantId === b.tenantId && r.source === "cbr")).toBe(true);
    expect(rowsB.find((r) => r.base === "USD")!.rate.toFixed()).toBe("78.1234"); // A's staff rate is A's only
    expect(rowsA.every((r) => r.tenantId === a.tenantId)).toBe(true);
    // Row-level security: A's scoped client cannot reach B's rows even by id.
    expect(await a.db.fxRate.findMany({ where: { id: { in: rowsB.map((r) => r.id) } } })).toHaveLength(0);
    expect(await b.db.fxRate.count({ where: { id: { in: rowsA.map((r) => r.id) } } })).toBe(0);
  });
});
