// The daily compliance:sdn-fetch job (lib/compliance/sdn-fetch.ts) against a local HTTP server that
// plays OFAC: one download becomes every tenant's active list and their partners are re-screened, so a
// new agency's payout is no longer held "not screened against the latest list"; the same file again
// imports nothing; a changed file replaces the list; a bad download writes nothing; staff uploads keep
// working; each tenant's copy is its own (row-level security).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseCrontab, type JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { payoutHoldReasons } from "@/lib/compliance/gate";
import { importSdnCsv } from "@/lib/compliance/sdn-import";
import { crontab, makeTasks } from "@/lib/jobs/tasks";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerIn } from "../helpers/partner-fixtures";
import { sdnFixture } from "./compliance-fixtures";

vi.mock("server-only", () => ({})); // the task list reaches the Stripe client

const original = Buffer.from(sdnFixture());
const changed = Buffer.concat([original, Buffer.from('9999,"NEWLY LISTED, Person","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n')]);
let server: Server;
let base = "";
const hanging = new Set<import("node:http").ServerResponse>();

let a: TenantContext;
let b: TenantContext;
let aPartner = "";
let bPartner = "";
let bMatch = "";

const runJob = async (path: string) => {
  process.env.SANCTIONS_SDN_URL = `${base}${path}`;
  await makeTasks(() => false)["compliance:sdn-fetch"]!({}, {} as JobHelpers);
};
const held = async (ctx: TenantContext, id: string) => (await payoutHoldReasons(ctx.db, [id])).get(id);

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/SDN.CSV") res.end(original);
    else if (req.url === "/changed/SDN.CSV") res.end(changed);
    else if (req.url === "/bad") res.end("date,base,quote,rate\n2026-11-26,USD,RUB,80\n");
    else if (req.url === "/hang") hanging.add(res);
    else {
      res.statusCode = 503;
      res.end("unavailable");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ ctx: a } = await tenantWithOwner("SDN Fetch A"));
  ({ ctx: b } = await tenantWithOwner("SDN Fetch B"));
  aPartner = (await partnerIn(a.tenantId, "active", { name: "Maria Clean" })).id;
  bPartner = (await partnerIn(b.tenantId, "active", { name: "Olga Clean" })).id;
  bMatch = (await partnerIn(b.tenantId, "active", { name: "Sergei Petrovich Ivanov" })).id;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  delete process.env.SANCTIONS_SDN_URL;
  delete process.env.JOBS_FETCH_TIMEOUT_MS;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// The job walks every tenant of the shared test database (each test file adds some): under a loaded
// 2-core machine one run took over the default 30 s. A bound, not a speed claim.
describe("compliance:sdn-fetch", { timeout: 120_000 }, () => {
  it("is on the crontab once a day, with retries", () => {
    const lines = parseCrontab(crontab).filter((c) => c.task === "compliance:sdn-fetch");
    expect(lines).toHaveLength(1);
    expect(lines[0].options.maxAttempts).toBeGreaterThan(1);
  });

  it("fails cleanly on an HTTP error, a file that is not an SDN list and a timeout, writing nothing", async () => {
    expect(await held(b, bPartner)).toContain("sanctions_unscreened"); // a new agency: no list yet
    const before = [await prisma.sanctionsList.count(), await prisma.screening.count()];
    await expect(runJob("/503")).rejects.toThrow(/HTTP 503/);
    await expect(runJob("/bad")).rejects.toMatchObject({ code: "compliance.sdn_invalid" });
    process.env.JOBS_FETCH_TIMEOUT_MS = "300";
    await expect(runJob("/hang")).rejects.toThrow(/no answer within 300 ms/);
    delete process.env.JOBS_FETCH_TIMEOUT_MS;
    expect([await prisma.sanctionsList.count(), await prisma.screening.count()]).toEqual(before);
  });

  it("gives every tenant the list and re-screens its partners: the payout is no longer held as unscreened", async () => {
    await runJob("/SDN.CSV");
    for (const ctx of [a, b]) {
      const lists = await ctx.db.sanctionsList.findMany();
      expect(lists).toHaveLength(1);
      expect(lists[0]).toMatchObject({ tenantId: ctx.tenantId, source: "ofac-sdn-fetch", fileName: "SDN.CSV", importedById: null });
      expect(lists[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await held(a, aPartner)).not.toContain("sanctions_unscreened");
    expect(await held(b, bPartner)).not.toContain("sanctions_unscreened");
    // Screening still decides: a name on the list is a possible match for staff review.
    expect(await held(b, bMatch)).toContain("sanctions_possible_match");
    expect(await b.db.auditLog.count({ where: { action: { in: ["compliance.sdn_fetched", "compliance.screened_all"] } } })).toBe(2);
  });

  it("the same file again imports nothing and screens nobody again", async () => {
    const before = [await prisma.sanctionsList.count(), await prisma.sanctionsEntry.count(), await prisma.screening.count()];
    await runJob("/SDN.CSV");
    expect([await prisma.sanctionsList.count(), await prisma.sanctionsEntry.count(), await prisma.screening.count()]).toEqual(before);
  });

  it("a changed file becomes the active list, re-screens, and the old list keeps its row but not its entries", async () => {
    const old = await a.db.sanctionsList.findFirstOrThrow();
    await runJob("/changed/SDN.CSV");
    const lists = await a.db.sanctionsList.findMany({ orderBy: { createdAt: "desc" } });
    expect(lists).toHaveLength(2);
    expect(lists[1].id).toBe(old.id);
    expect(await a.db.sanctionsEntry.count({ where: { listId: old.id } })).toBe(0);
    expect(await a.db.sanctionsEntry.count({ where: { listId: lists[0].id, uid: "9999" } })).toBe(1);
    expect(await held(a, aPartner)).not.toContain("sanctions_unscreened");
  });

  it("staff uploads keep working, and an unchanged official list does not replace them", async () => {
    const upload = await importSdnCsv(a, new Uint8Array(original), "our-copy.csv");
    // The staff file has the same bytes as the first official download — it is still a new upload.
    await runJob("/changed/SDN.CSV");
    const latest = await a.db.sanctionsList.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({ id: upload.listId, source: "ofac-sdn", fileName: "our-copy.csv" });
  });

  it("each tenant's copy is its own: another tenant's scoped client cannot see it", async () => {
    const bLists = await b.db.sanctionsList.findMany({ select: { id: true } });
    const bIds = bLists.map((l) => l.id);
    expect(bIds.length).toBeGreaterThan(0);
    expect(await a.db.sanctionsList.count({ where: { id: { in: bIds } } })).toBe(0);
    expect(await a.db.sanctionsEntry.count({ where: { listId: { in: bIds } } })).toBe(0);
    expect(await a.db.screening.count({ where: { partnerId: { in: [bPartner, bMatch] } } })).toBe(0);
    const bEntries = await prisma.sanctionsEntry.findMany({ where: { listId: { in: bIds } }, select: { tenantId: true } });
    expect(bEntries.length).toBeGreaterThan(0);
    expect(bEntries.every((e) => e.tenantId === b.tenantId)).toBe(true);
  });
});
