import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OrdError } from "./errors";
import { getOrdClient, ordConfigured } from "./config";
import type { OrdContract, OrdCreative, OrdPad, OrdPerson } from "./schemas";
import { startOrdStandin, type OrdStandin } from "./standin";
import { VkOrdClient, retryAfterMs, type VkOrdOptions } from "./vk-client";
import { vkCreativeBody } from "./vk-wire";
import { OrdBundleError, registerBundle } from "./register-bundle";
import { creativeSchema } from "./schemas";

let standin: OrdStandin;
let delays: number[];

beforeAll(async () => {
  standin = await startOrdStandin({ apiKey: "test-key" });
});
afterAll(async () => {
  await standin.close();
});
afterEach(() => {
  standin.state.clearFaults();
});

/** A client whose waits are recorded instead of slept, so retry tests take no time. */
function client(options: Partial<VkOrdOptions> = {}) {
  delays = [];
  return new VkOrdClient({
    baseUrl: standin.url,
    apiKey: "test-key",
    timeoutMs: 2_000,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<OrdError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(OrdError);
  return err as OrdError;
}

let seq = 0;
/** The chain of a creator deal: brand → agency (initial contract), agency → creator, the creator's channel, the post. */
function chain() {
  const n = ++seq;
  const brand: OrdPerson = { externalId: `brand-${n}`, name: "ООО «Северный ветер»", roles: ["advertiser"], legalForm: "company", inn: "7707083893", kpp: "773601001" };
  const agency: OrdPerson = { externalId: `agency-${n}`, name: "ООО «Твоуэй Агентство»", roles: ["agency"], legalForm: "company", inn: "7736207543" };
  const creator: OrdPerson = { externalId: `creator-${n}`, name: "Иванова Мария Петровна", roles: ["publisher"], legalForm: "self_employed", inn: "500100732259" };
  const initial: OrdContract = {
    externalId: `c-initial-${n}`, type: "service", clientExternalId: brand.externalId, contractorExternalId: agency.externalId,
    date: "2026-10-01", subject: "org_distribution", serial: "12/2026", amountKopecks: 15_000_000, vatIncluded: true,
  };
  const toCreator: OrdContract = {
    externalId: `c-creator-${n}`, type: "service", clientExternalId: agency.externalId, contractorExternalId: creator.externalId,
    date: "2026-10-05", subject: "distribution", amountKopecks: 5_000_000, vatIncluded: true,
  };
  const pad: OrdPad = { externalId: `pad-${n}`, personExternalId: creator.externalId, isOwner: true, type: "web", name: "Канал «Мария о путешествиях»", url: "https://t.me/maria_travels" };
  const creative: OrdCreative = {
    externalId: `creative-${n}`, contractExternalIds: [initial.externalId], kktus: ["1.1.1"], form: "text_block", payType: "other",
    name: "Пост о зимней коллекции", texts: ["Зимняя коллекция «Северного ветра» уже в продаже."], targetUrls: ["https://brand.example/winter"],
  };
  return { brand, agency, creator, initial, toCreator, pad, creative };
}

async function register(c: VkOrdClient, ch: ReturnType<typeof chain>) {
  for (const p of [ch.brand, ch.agency, ch.creator]) await c.registerPerson(p);
  await c.registerContract(ch.initial);
  await c.registerContract(ch.toCreator);
  await c.registerPad(ch.pad);
  return c.registerCreative(ch.creative);
}

describe("VkOrdClient against the VK ОРД stand-in", () => {
  it("registers the contract chain, the pad and the creative, and gets the creative's erid", async () => {
    const ch = chain();
    const c = client();
    const result = await register(c, ch);

    expect(result.created).toBe(true);
    expect(result.erid).toMatch(/^[1-9A-HJ-NP-Za-km-z]{11}$/);
    expect(standin.state.creatives.get(ch.creative.externalId)?.erid).toBe(result.erid);
    // What was sent is the documented v3 body: the creative hangs on the initial (brand → agency) contract.
    expect(result.exchange).toMatchObject({ method: "PUT", path: `/v3/creative/${ch.creative.externalId}`, status: 201, attempts: 1 });
    expect(result.exchange.sent).toEqual(vkCreativeBody(creativeSchema.parse(ch.creative)));
    expect(standin.state.creatives.get(ch.creative.externalId)?.body).toMatchObject({ contract_external_ids: [ch.initial.externalId], kktus: ["1.1.1"], form: "text_block" });
    expect(standin.state.persons.get(ch.creator.externalId)?.body).toEqual({
      name: "Иванова Мария Петровна", roles: ["publisher"], juridical_details: { type: "physical", inn: "500100732259" },
    });
    expect(standin.state.contracts.get(ch.initial.externalId)?.body).toMatchObject({ amount: "150000.00", flags: ["vat_included"], subject_type: "org_distribution" });
    expect((await c.registryStatus("creative", ch.creative.externalId)).status).toBe("verified");
  });

  it("re-sending the same objects updates them: no duplicates, the erid stays", async () => {
    const ch = chain();
    const c = client();
    const first = await register(c, ch);
    const counts = [standin.state.persons.size, standin.state.contracts.size, standin.state.pads.size, standin.state.creatives.size];

    const again = await c.registerPerson(ch.creator);
    const creativeAgain = await c.registerCreative({ ...ch.creative, texts: ["Зимняя коллекция — теперь со скидкой."] });

    expect(again.created).toBe(false);
    expect(creativeAgain).toMatchObject({ created: false, erid: first.erid });
    expect([standin.state.persons.size, standin.state.contracts.size, standin.state.pads.size, standin.state.creatives.size]).toEqual(counts);
    expect(standin.state.creatives.get(ch.creative.externalId)?.body.texts).toEqual(["Зимняя коллекция — теперь со скидкой."]);
  });

  it("reports monthly statistics per creative and pad; a corrected report replaces the month's row", async () => {
    const ch = chain();
    const c = client();
    await register(c, ch);
    const item = {
      creativeExternalId: ch.creative.externalId, padExternalId: ch.pad.externalId, impressions: 12_400,
      dateStartActual: "2026-11-03", dateEndActual: "2026-11-30", payType: "other" as const,
      amount: { excludingVatKopecks: 5_000_000, vatRate: "without_vat" as const, vatKopecks: 0 }, amountPerEventKopecks: 5_000_000,
    };
    const sent = await c.reportStatistics([item]);
    const key = `${ch.creative.externalId}__${ch.pad.externalId}__2026-11-03`;
    expect(sent.externalIds).toEqual([key]);
    expect(standin.state.statistics.get(key)).toMatchObject({ shows_count: 12_400, amount: { excluding_vat: "50000.00", vat: "0.00", including_vat: "50000.00", vat_rate: "without_vat" }, amount_per_event: "50000.00" });

    await c.reportStatistics([{ ...item, impressions: 13_050 }]);
    expect([...standin.state.statistics.keys()].filter((k) => k.startsWith(ch.creative.externalId))).toEqual([key]);
    expect(standin.state.statistics.get(key)?.shows_count).toBe(13_050);
  });

  it("uploads media and registers a text-and-image creative with it", async () => {
    const ch = chain();
    const c = client();
    await register(c, ch);
    const bytes = new TextEncoder().encode("not really a png");
    const media = await c.uploadMedia({ externalId: `media-${ch.creative.externalId}`, fileName: "winter.png", contentType: "image/png", bytes });
    expect(media.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const withImage = await c.registerCreative({ ...ch.creative, externalId: `${ch.creative.externalId}-img`, form: "text_graphic_block", mediaExternalIds: [media.externalId] });
    expect(withImage.created).toBe(true);
  });

  it("refuses invalid data before sending, with a code per field", async () => {
    const ch = chain();
    const before = standin.state.requests.length;
    const err = await failure(client().registerPerson({ ...ch.creator, inn: "500100732258", name: "Maria Ivanova" }));
    expect(err.code).toBe("invalid_input");
    expect(err.retryable).toBe(false);
    expect(err.issues).toEqual(expect.arrayContaining([{ code: "invalid_inn", field: "inn" }, { code: "cyrillic_name", field: "name" }]));
    const creative = await failure(client().registerCreative({ ...ch.creative, contractExternalIds: undefined }));
    expect(creative.issues).toContainEqual({ code: "contract_or_self_promotion", field: "contractExternalIds" });
    expect(standin.state.requests.length).toBe(before);
  });

  it("maps the operator's validation errors to codes, keeping its own code and message", async () => {
    const ch = chain();
    const c = client();
    // A creative whose initial contract was never registered: 404 at the operator.
    const missing = await failure(c.registerCreative({ ...ch.creative, contractExternalIds: ["never-registered"] }));
    expect(missing.code).toBe("reference_missing");
    expect(missing.issues).toEqual([{ code: "not_found", field: "contract_external_ids", operatorCode: "common_not_found_error", message: "contract never-registered not found" }]);

    await c.registerPerson(ch.creator);
    const home = await failure(c.registerPad({ ...ch.pad, url: "https://t.me/" }));
    expect(home.code).toBe("rejected");
    expect(home.issues).toEqual([expect.objectContaining({ code: "restricted_url", field: "url", operatorCode: "pad_restricted_url" })]);

    standin.state.failNext({ status: 400, errors: [{ error_code: "common_length_out_of_ranges", message: "external_id is too long", field: "name" }] });
    const tooLong = await failure(c.registerPerson(ch.brand));
    expect(tooLong).toMatchObject({ code: "rejected", details: { status: 400, attempts: 1 } });
    expect(tooLong.issues).toEqual([{ code: "too_long", field: "name", operatorCode: "common_length_out_of_ranges", message: "external_id is too long" }]);
  });

  it("retries 429 (waiting Retry-After) and 5xx, then succeeds", async () => {
    const ch = chain();
    const c = client({ baseDelayMs: 100 });
    standin.state.failNext({ status: 429, retryAfterSeconds: 7 }, { path: "/v1/person/" });
    standin.state.failNext({ status: 503 }, { path: "/v1/person/" });
    const before = standin.state.requests.length;
    const result = await c.registerPerson(ch.brand);
    expect(result).toMatchObject({ created: true, exchange: { attempts: 3, status: 201 } });
    expect(standin.state.requests.slice(before).map((r) => r.status)).toEqual([429, 503, 201]);
    expect(delays[0]).toBe(7_000);
    expect(delays[1]).toBeGreaterThanOrEqual(150); // second backoff: 100 ms doubled, ±25 %
    expect(delays[1]).toBeLessThanOrEqual(250);
  });

  it("gives up after the last attempt with a retryable error", async () => {
    const c = client({ maxAttempts: 3 });
    standin.state.failNext({ status: 500 }, { times: 3 });
    const err = await failure(c.registerPerson(chain().brand));
    expect(err).toMatchObject({ code: "unavailable", details: { status: 500, attempts: 3 } });
    expect(err.retryable).toBe(true);
    expect(delays).toHaveLength(2);

    standin.state.failNext({ status: 429 }, { times: 3 });
    expect((await failure(c.registerPerson(chain().brand))).code).toBe("rate_limited");
  });

  it("does not retry a refusal (4xx)", async () => {
    const c = client();
    standin.state.failNext({ status: 409, errors: [{ error_code: "common_conflict_error", message: "Entity already exists" }] }, { times: 3 });
    const before = standin.state.requests.length;
    const err = await failure(c.registerPerson(chain().brand));
    expect(err.code).toBe("rejected");
    expect(err.issues[0]).toMatchObject({ code: "conflict", operatorCode: "common_conflict_error" });
    expect(standin.state.requests.length - before).toBe(1);
    expect(delays).toEqual([]);
  });

  it("answers a wrong key with unauthorized, once", async () => {
    const c = client({ apiKey: "wrong" });
    const before = standin.state.requests.length;
    expect((await failure(c.registerPerson(chain().brand))).code).toBe("unauthorized");
    expect(standin.state.requests.length - before).toBe(1);
  });

  it("times out a hanging answer and retries; the retried write lands once", async () => {
    const ch = chain();
    const c = client({ timeoutMs: 1_000 }); // long enough for a loaded machine to answer the retry
    standin.state.failNext({ hangMs: 10_000 }, { path: "/v1/person/" });
    const result = await c.registerPerson(ch.agency);
    expect(result.exchange.attempts).toBe(2);
    expect(standin.state.persons.has(ch.agency.externalId)).toBe(true);

    const once = client({ timeoutMs: 1_000, maxAttempts: 1 });
    standin.state.failNext({ hangMs: 10_000 });
    const err = await failure(once.registerPerson(chain().brand));
    expect(err).toMatchObject({ code: "timeout", details: { attempts: 1 } });
  });

  it("retries a dropped connection", async () => {
    const c = client();
    standin.state.failNext({ drop: true });
    const result = await c.registerPerson(chain().brand);
    expect(result.exchange.attempts).toBe(2);
  });
});

describe("registerBundle", () => {
  it("registers in dependency order, stops at a refusal naming the object, and a re-run finishes without duplicates", async () => {
    const ch = chain();
    const c = client();
    const addendum: OrdContract = { ...ch.initial, externalId: `${ch.initial.externalId}-add`, type: "additional", parentContractExternalId: ch.initial.externalId, date: "2026-11-01" };
    const month = { creativeExternalId: ch.creative.externalId, padExternalId: ch.pad.externalId, impressions: 500, dateStartActual: "2026-11-01", dateEndActual: "2026-11-30" };
    const bundle = {
      persons: [ch.brand, ch.agency, ch.creator],
      contracts: [addendum, ch.initial, ch.toCreator], // the addendum first on purpose
      pads: [{ ...ch.pad, url: "https://vk.com" }], // a platform home page: refused by the operator
      creatives: [ch.creative],
      statistics: [month],
    };
    const stopped = await registerBundle(c, bundle).then(() => null, (e: unknown) => e);
    expect(stopped).toBeInstanceOf(OrdBundleError);
    expect(stopped).toMatchObject({ kind: "pad", externalId: ch.pad.externalId, cause: { code: "rejected" } });
    expect((stopped as OrdBundleError).partial.exchanges.map((e) => e.kind)).toEqual(["person", "person", "person", "contract", "contract", "contract"]);
    const contractsBefore = standin.state.contracts.size;

    const done = await registerBundle(c, { ...bundle, pads: [ch.pad] });
    expect(done.erids[ch.creative.externalId]).toMatch(/^[1-9A-HJ-NP-Za-km-z]{11}$/);
    expect(done.statisticsExternalIds).toEqual([`${ch.creative.externalId}__${ch.pad.externalId}__2026-11-01`]);
    expect(standin.state.contracts.size).toBe(contractsBefore);
    expect(done.exchanges.filter((e) => e.kind === "contract").every((e) => e.status === 200)).toBe(true);
  });
});

describe("configuration", () => {
  it("has no client without a key (export instead) and the production host by default", () => {
    expect(getOrdClient({})).toBeNull();
    expect(ordConfigured({ ORD_VK_API_KEY: "  " })).toBe(false);
    expect(getOrdClient({ ORD_VK_API_KEY: "k" })).toBeInstanceOf(VkOrdClient);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("3")).toBe(3_000);
    expect(retryAfterMs("Sun, 06 Dec 2026 12:00:10 GMT", Date.parse("Sun, 06 Dec 2026 12:00:00 GMT"))).toBe(10_000);
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
