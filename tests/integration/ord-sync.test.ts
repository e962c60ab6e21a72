// Issue 17, parts 3–4: the ord:sync job against the VK ОРД stand-in (register the chain, get the
// erid, 5xx retried, 4xx stored and translated, killed and resumed without a second registration),
// the erid on the tracked link's redirect, the refusal of an unlabelled Russian-audience link with its
// staff alert, the label line in both languages, and tenant isolation of every ОРД table.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import type { OrdClient } from "@/lib/ord/client";
import { OrdError } from "@/lib/ord/errors";
import { getOrdDetails, listOrdExchanges, placementOrdExport, requestErid, saveOrdDetails } from "@/lib/ord/placement-ord";
import { getOrdSettings, saveOrdSettings } from "@/lib/ord/settings";
import { ordDetailsForm, ordDetailsFromForm, ordSettingsForm } from "@/lib/ord/settings-schemas";
import { startOrdStandin, type OrdStandin } from "@/lib/ord/standin";
import { syncPlacementOrd } from "@/lib/ord/sync-placement";
import { VkOrdClient } from "@/lib/ord/vk-client";
import { createPlacement } from "@/lib/placements/create-placement";
import { labelLine } from "@/lib/placements/label-line";
import { alertUnlabelledLink } from "@/lib/placements/unlabelled-alert";
import { transitionPlacement } from "@/lib/placements/transition-placement";
import { createRedirectCore } from "@/lib/tracking/core";
import { createLinkLookup } from "@/lib/tracking/link-lookup";
import type { ClickRow } from "@/lib/tracking/types";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { creatorDeal, placementForm } from "../helpers/placements";

let standin: OrdStandin;
let a: TenantContext;
let b: TenantContext;
let fa: TenantFixture;
let deal: Awaited<ReturnType<typeof creatorDeal>>;
let pool: pg.Pool;
const noSleep = { sleep: async () => undefined, timeoutMs: 2_000 };

const details = (overrides: Record<string, string> = {}) => ordDetailsFromForm(ordDetailsForm.parse({
  brandLegalForm: "company", brandName: "ООО «Белый лён»", brandInn: "7707083893", brandKpp: "773601001",
  creatorLegalForm: "self_employed", creatorName: "Анна Блогер", creatorInn: "500100732259",
  initialSignedOn: "2026-11-01", initialSerial: "БЛ-7/2026", creatorSignedOn: "2026-11-05", ...overrides,
}));

/** A Russian-audience Telegram placement in "ready to label", with its ОРД details saved. */
async function readyPlacement(ctx = a, d = deal, withDetails = true) {
  const { id } = await createPlacement(ctx, placementForm(d));
  await transitionPlacement(ctx, id, { to: "ready_to_label" });
  if (withDetails) await saveOrdDetails(ctx, id, details());
  return id;
}

beforeAll(async () => {
  standin = await startOrdStandin({ apiKey: "agency-key" });
  ({ fixture: fa, ctx: a } = await tenantWithOwner("ОРД Agency A"));
  b = (await tenantWithOwner("ОРД Agency B")).ctx;
  deal = await creatorDeal(fa);
  await saveOrdSettings(a, ordSettingsForm.parse({
    apiKey: "agency-key", sandbox: "on", baseUrl: standin.url, agencyName: "ООО «Твоуэй Агентство»", agencyLegalForm: "company", agencyInn: "7736207543",
  }), { ORD_VK_BASE_URL: standin.url });
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterEach(() => standin.state.clearFaults());
afterAll(async () => {
  await standin.close();
  await pool.end();
});

describe("ОРД settings", () => {
  it("the key is stored, never read back (last 4 only); only known hosts; only the owner", async () => {
    const view = await getOrdSettings(a.db);
    expect(view).toMatchObject({ configured: true, apiKeyLast4: "-key", effectiveBaseUrl: standin.url, agencyInn: "7736207543" });
    expect(JSON.stringify(view)).not.toContain("agency-key");
    await expect(saveOrdSettings(a, ordSettingsForm.parse({ baseUrl: "https://evil.example" }), {})).rejects.toMatchObject({ code: "ord_base_url_not_allowed" });
    await expect(saveOrdSettings(await memberContext(fa, "manager"), ordSettingsForm.parse({}), {})).rejects.toMatchObject({ code: "forbidden" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.tenantId, action: "ord.settings_updated" } });
    expect(JSON.stringify(audit.data)).not.toContain("agency-key");
  });
});

describe("ord:sync against the stand-in", () => {
  it("registers the chain and the creative, stores the erid and labels the placement; each step logged", async () => {
    const id = await readyPlacement();
    const before = standin.state.creatives.size;
    const r = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep, userId: a.userId });
    expect(r.outcome).toBe("labelled");
    const erid = (r as { erid: string }).erid;
    expect(standin.state.creatives.size).toBe(before + 1);
    expect([...standin.state.creatives.values()].map((c) => c.erid)).toContain(erid);
    const row = await prisma.placement.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.erid, row.ordError]).toEqual(["labelled", erid, null]);
    const step = await prisma.placementTransition.findFirstOrThrow({ where: { placementId: id, toStatus: "labelled" } });
    expect(step.actorUserId).toBe(a.userId);
    const log = await listOrdExchanges(a, id);
    expect(log.rows.map((x) => `${x.kind} ${x.method} ${x.path.split("/").slice(0, 3).join("/")} ${x.status}`)).toEqual([
      "person PUT /v1/person 201", "person PUT /v1/person 201", "person PUT /v1/person 201",
      "contract PUT /v1/contract 201", "contract PUT /v1/contract 201", "pad PUT /v1/pad 201", "creative PUT /v3/creative 201",
    ]);
    expect(log.rows.at(-1)!.answered).toMatchObject({ erid });
    // The creator's contract is a second service contract, agency → creator (docs/ord.md).
    const sentContract = log.rows[4]!.sent as Record<string, unknown>;
    expect(sentContract).toMatchObject({ type: "service", subject_type: "distribution" });
    // Run again: the placement is labelled, nothing is sent.
    const requests = standin.state.requests.length;
    expect(await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep })).toEqual({ outcome: "skipped", reason: "not_ready_to_label" });
    expect(standin.state.requests.length).toBe(requests);
  });

  it("a 5xx is retried with backoff and the placement still gets its erid", async () => {
    const id = await readyPlacement();
    standin.state.failNext({ status: 503 }, { times: 2, path: "/v3/creative" });
    const r = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep });
    expect(r.outcome).toBe("labelled");
    const creative = await prisma.ordExchangeLog.findFirstOrThrow({ where: { placementId: id, kind: "creative" } });
    expect([creative.status, creative.attempts]).toEqual([201, 3]);
  });

  it("a 5xx on every attempt fails the job (the queue retries it); the next run finishes", async () => {
    const id = await readyPlacement();
    standin.state.failNext({ status: 502 }, { times: 4, path: "/v3/creative" });
    const err = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(OrdError);
    expect((err as OrdError).retryable).toBe(true);
    const row = await prisma.placement.findUniqueOrThrow({ where: { id } });
    expect([row.status, (row.ordError as { code: string }).code]).toEqual(["ready_to_label", "unavailable"]);
    expect((await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep })).outcome).toBe("labelled");
    expect((await prisma.placement.findUniqueOrThrow({ where: { id } })).ordError).toBeNull();
  });

  it("a 4xx is not retried: the refusal is stored on the placement with the operator's issue, status unchanged", async () => {
    const id = await readyPlacement();
    standin.state.failNext({ status: 400, errors: [{ error_code: "creative_texts_required", message: "texts are required", field: "texts" }] }, { path: "/v3/creative" });
    const r = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep });
    expect(r.outcome).toBe("refused");
    const row = await prisma.placement.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("ready_to_label");
    expect(row.ordError).toMatchObject({ code: "rejected", kind: "creative", status: 400, issues: [{ code: "required", field: "texts", operatorCode: "creative_texts_required" }] });
    const logged = await prisma.ordExchangeLog.findFirstOrThrow({ where: { placementId: id, kind: "creative" } });
    expect([logged.status, logged.attempts, logged.errorCode]).toEqual([400, 1, "rejected"]);
  });

  it("missing legal details are refused before anything is sent, every problem at once", async () => {
    const other = await creatorDeal(fa);
    const id = await readyPlacement(a, other, false);
    const requests = standin.state.requests.length;
    const r = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep });
    expect(r.outcome).toBe("refused");
    expect(standin.state.requests.length).toBe(requests);
    const error = (await prisma.placement.findUniqueOrThrow({ where: { id } })).ordError as { code: string; issues: { code: string; field: string }[] };
    expect(error.code).toBe("invalid_input");
    expect(error.issues.map((i) => `${i.field} ${i.code}`)).toEqual(expect.arrayContaining(["person:brand.inn required", "contract:placement_initial.date invalid_date"]));
  });

  it("killed after a recorded step: the re-run sends only what is left (the agency, registered before, is not sent again)", async () => {
    const other = await creatorDeal(fa);
    const id = await readyPlacement(a, other);
    const kill = new Error("killed");
    const err = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep, afterStep: (s) => { if (s.kind === "pad") throw kill; } }).catch((e: unknown) => e);
    expect(err).toBe(kill);
    expect(await prisma.ordExchangeLog.count({ where: { placementId: id } })).toBe(5);
    const r = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep });
    expect(r.outcome).toBe("labelled");
    const kinds = (await prisma.ordExchangeLog.findMany({ where: { placementId: id }, orderBy: { createdAt: "asc" } })).map((x) => x.kind);
    expect(kinds).toEqual(["person", "person", "contract", "contract", "pad", "creative"]);
  });

  it("killed between the operator's answer and the record: the re-run repeats that PUT, the operator has one creative with the same erid", async () => {
    const other = await creatorDeal(fa);
    const id = await readyPlacement(a, other);
    const real = new VkOrdClient({ baseUrl: standin.url, apiKey: "agency-key", ...noSleep });
    let eridSeen = "";
    const dying: OrdClient = Object.assign(Object.create(real) as OrdClient, {
      registerCreative: async (c: Parameters<OrdClient["registerCreative"]>[0]) => {
        eridSeen = (await real.registerCreative(c)).erid;
        throw new Error("killed");
      },
    });
    const creatives = standin.state.creatives.size;
    await expect(syncPlacementOrd(a.db, a.tenantId, id, { client: dying })).rejects.toThrow("killed");
    expect(standin.state.creatives.size).toBe(creatives + 1);
    const personsBefore = standin.state.persons.size;
    const contractsBefore = standin.state.contracts.size;
    const r = await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep });
    expect(r).toEqual({ outcome: "labelled", erid: eridSeen });
    expect([standin.state.creatives.size, standin.state.persons.size, standin.state.contracts.size]).toEqual([creatives + 1, personsBefore, contractsBefore]);
    expect(await prisma.placementTransition.count({ where: { placementId: id, toStatus: "labelled" } })).toBe(1);
  });

  it("Get erid: only in ready to label, only with a key", async () => {
    const { id } = await createPlacement(a, placementForm(deal));
    await expect(requestErid(a, id)).rejects.toMatchObject({ code: "ord_not_ready_to_label" });
    const bDeal = await creatorDeal({ tenantId: b.tenantId, slug: b.slug } as TenantFixture);
    const bId = await readyPlacement(b, bDeal, false);
    await expect(requestErid(b, bId)).rejects.toMatchObject({ code: "ord_not_configured" });
    // Without a key the file export holds the same objects, checked by the same rules.
    await expect(placementOrdExport(b, bId)).rejects.toMatchObject({ code: "invalid_input" });
    const file = await placementOrdExport(a, await readyPlacement());
    expect(JSON.parse(file.body)).toMatchObject({ operator: "vk", contracts: [{ request: { body: { type: "service" } } }, { request: { body: { type: "service" } } }], creatives: [{ request: { method: "PUT" } }] });
  });
});

describe("the erid on the tracked link (part 4)", () => {
  const rows: ClickRow[] = [];
  const alerts: string[] = [];
  const alerting: Promise<number>[] = [];
  const core = () => createRedirectCore({
    lookup: createLinkLookup(pool), sink: { add: (r) => rows.push(r) }, secret: "s".repeat(32), register: false,
    onUnlabelled: (link) => {
      alerts.push(link.id);
      alerting.push(alertUnlabelledLink(link));
    },
  });
  const get = async (c: ReturnType<typeof core>, code: string, lang = "ru") =>
    c.respond({ method: "GET", url: `/r/${code}`, headers: { "user-agent": "Mozilla/5.0 Chrome/131", "accept-language": lang }, ip: "203.0.113.9", https: true });

  async function linkedPlacement(market: "RU" | "US") {
    const other = await creatorDeal(fa);
    const { id } = await createPlacement(a, placementForm(other, { audienceMarket: market }));
    const link = await prisma.trackedLink.create({ data: {
      tenantId: a.tenantId, partnerId: other.partner.partnerId, programId: other.program.id, code: `o${randomBytes(5).toString("hex")}`,
      destinationUrl: "https://brand.example/winter?erid=stale", sourceMarket: "RU", targetMarket: "RU",
    } });
    await prisma.placement.update({ where: { id }, data: { trackedLinkId: link.id } });
    return { id, link };
  }

  it("a Russian-audience placement without an erid: 451 page in the visitor's language, no click, one staff alert per link per day", async () => {
    const { id, link } = await linkedPlacement("RU");
    const c = core();
    const ru = await get(c, link.code, "ru");
    expect(ru.status).toBe(451);
    expect(ru.body!.toString()).toContain("Эта реклама ещё не готова");
    const en = await get(c, link.code, "en-US");
    expect(en.body!.toString()).toContain("This ad is not ready yet");
    expect(alerts).toEqual([link.id]); // once per hour per link in a process
    const added = await Promise.all(alerting);
    expect(added).toHaveLength(1);
    expect(added[0]).toBeGreaterThan(0); // one item per member who may act (owner, the manager added above)
    expect(rows.filter((r) => r.linkId === link.id)).toEqual([]);
    const items = await prisma.staffNotification.findMany({ where: { tenantId: a.tenantId, kind: "placement_unlabelled" } });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((n) => n.dedupeKey === `placement_unlabelled:${link.id}:${new Date().toISOString().slice(0, 10)}`)).toBe(true);
    expect(items[0]!.params).toMatchObject({ placementId: id, linkCode: link.code });
    // Another process (or the next hour) alerting again the same day adds nothing.
    expect(await alertUnlabelledLink(link)).toBe(0);
  });

  it("with an erid the redirect appends it to the destination (replacing a stale one)", async () => {
    const { id, link } = await linkedPlacement("RU");
    await prisma.placement.update({ where: { id }, data: { erid: "2SDnjcVm4Lf" } });
    const out = await get(core(), link.code);
    expect(out.status).toBe(302);
    const location = new URL(out.headers[out.headers.indexOf("Location") + 1]!);
    expect(location.searchParams.getAll("erid")).toEqual(["2SDnjcVm4Lf"]);
    expect(location.searchParams.get("tw_click")).toBeTruthy();
  });

  it("a US-audience placement without an erid redirects as before", async () => {
    const { link } = await linkedPlacement("US");
    const out = await get(core(), link.code);
    expect(out.status).toBe(302);
    expect(new URL(out.headers[out.headers.indexOf("Location") + 1]!).searchParams.get("erid")).toBe("stale");
  });
});

describe("the label line (part 4)", () => {
  it("Russian audience: «Реклама», the advertiser's legal name and ИНН, the erid — in Russian whatever the viewer reads", () => {
    expect(labelLine({ audienceMarket: "RU", brandName: "Белый лён", erid: "2SDnjcVm4Lf", advertiser: { name: "ООО «Белый лён»", inn: "7707083893" } }))
      .toEqual({ language: "ru", text: "Реклама. ООО «Белый лён», ИНН 7707083893, erid: 2SDnjcVm4Lf" });
    expect(labelLine({ audienceMarket: "RU", brandName: "Белый лён", erid: null })).toEqual({ language: "ru", text: null, missing: "erid" });
  });
  it("US audience: the #ad disclosure in English", () => {
    expect(labelLine({ audienceMarket: "US", brandName: "Northwind", erid: null })).toEqual({ language: "en", text: "#ad — paid partnership with Northwind" });
  });
});

describe("isolation", () => {
  it("tenant B cannot read, list or change A's ОРД settings, details, objects or exchanges", async () => {
    const id = await readyPlacement();
    await syncPlacementOrd(a.db, a.tenantId, id, { clientOptions: noSleep });
    expect(await b.db.ordExchangeLog.count()).toBe(0);
    expect(await b.db.ordObject.count()).toBe(0);
    expect(await b.db.ordParty.count()).toBe(0);
    expect(await b.db.ordContractRecord.count()).toBe(0);
    expect((await getOrdSettings(b.db)).configured).toBe(false);
    await expect(listOrdExchanges(b, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOrdDetails(b, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveOrdDetails(b, id, details({ brandInn: "7736207543" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestErid(b, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(syncPlacementOrd(b.db, b.tenantId, id, { clientOptions: noSleep })).rejects.toBeInstanceOf(NotFoundError);
    await expect(b.db.ordExchangeLog.updateMany({ data: { errorCode: "x" } })).resolves.toEqual({ count: 0 });
    expect((await prisma.ordParty.findFirstOrThrow({ where: { tenantId: a.tenantId, localType: "brand", localId: deal.brand.id } })).inn).toBe("7707083893");
  });

  it("RLS: under B's tenant setting the raw tables show none of A's rows", async () => {
    const counts = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL ROLE twoway_app");
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${b.tenantId}, true)`;
      return tx.$queryRaw<{ n: bigint }[]>`SELECT (SELECT count(*) FROM "OrdSettings") + (SELECT count(*) FROM "OrdParty") + (SELECT count(*) FROM "OrdContractRecord")
        + (SELECT count(*) FROM "OrdObject") + (SELECT count(*) FROM "OrdExchangeLog") + (SELECT count(*) FROM "OrdStatisticsReport") AS n`;
    });
    expect(Number(counts[0]!.n)).toBe(0);
  });
});
