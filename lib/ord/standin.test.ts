// The stand-in itself, over raw HTTP: the documented rules a client could otherwise get past it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOrdStandin, type OrdStandin } from "./standin";

let standin: OrdStandin;
beforeAll(async () => {
  standin = await startOrdStandin({ apiKey: "k", today: () => "2026-12-06" });
});
afterAll(async () => {
  await standin.close();
});

async function call(method: string, path: string, body?: unknown, key = "k") {
  const res = await fetch(`${standin.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const company = (inn: string, roles: string[]) => ({ name: "ООО «Ромашка»", roles, juridical_details: { type: "juridical", inn } });

describe("VK ОРД stand-in", () => {
  it("answers a missing or wrong key with 401 in the documented error shape", async () => {
    expect(await call("GET", "/v1/person", undefined, "nope")).toEqual({
      status: 401, body: { error: "Unauthorized", errors: [{ error_code: "common_authorization_error", message: "Authorization error" }] },
    });
  });

  it("creates with 201, updates with 200, and lists what it has", async () => {
    expect((await call("PUT", "/v1/person/adv", company("7707083893", ["advertiser"]))).status).toBe(201);
    expect((await call("PUT", "/v1/person/adv", company("7707083893", ["advertiser"]))).status).toBe(200);
    const unknown = await call("PUT", "/v1/person/ag", { ...company("7736207543", ["agency"]), colour: "red" });
    expect(unknown).toEqual({ status: 201, body: { messages: [{ text: "Unknown fields ignored", fields: [{ field: "colour", values: "red" }] }] } });
    expect((await call("GET", "/v1/person")).body).toMatchObject({ external_ids: ["adv", "ag"], total_items_count: 2 });
  });

  it("wants a contract's parties registered, different, and an addendum to keep its parent's parties", async () => {
    const contract = { type: "service", client_external_id: "adv", contractor_external_id: "ghost", date: "2026-10-01", subject_type: "org_distribution" };
    const missing = await call("PUT", "/v1/contract/c1", contract);
    expect(missing.status).toBe(404);
    expect(missing.body.errors).toEqual([{ error_code: "common_not_found_error", message: "contractor person not found", field: "contractor_external_id" }]);
    expect((await call("PUT", "/v1/contract/c1", { ...contract, contractor_external_id: "adv" })).status).toBe(400);
    expect((await call("PUT", "/v1/contract/c1", { ...contract, contractor_external_id: "ag", date: "2026-12-07" })).status).toBe(400);
    expect((await call("PUT", "/v1/contract/c1", { ...contract, contractor_external_id: "ag", amount: "1000.00" })).body.errors[0]).toMatchObject({ field: "flags" });
    expect((await call("PUT", "/v1/contract/c1", { ...contract, contractor_external_id: "ag" })).status).toBe(201);
    const addendum = { ...contract, type: "additional", parent_contract_external_id: "c1", contractor_external_id: "ag", client_external_id: "ag" };
    expect((await call("PUT", "/v1/contract/c1a", addendum)).status).toBe(400);
    expect((await call("PUT", "/v1/contract/c1a", { ...addendum, client_external_id: "adv" })).status).toBe(201);
  });

  it("refuses a creative without a registered contract and gives an erid that survives updates", async () => {
    const creative = { contract_external_ids: ["c-none"], kktus: ["1.1.1"], form: "text_block", texts: ["Реклама"] };
    expect((await call("PUT", "/v3/creative/cr1", creative)).status).toBe(404);
    expect((await call("PUT", "/v3/creative/cr1", { ...creative, contract_external_ids: ["c1"], texts: [] })).body.errors[0]).toMatchObject({ field: "texts" });
    expect((await call("PUT", "/v3/creative/cr1", { ...creative, contract_external_ids: ["c1"], media_urls: ["https://x.example/a.png"] })).status).toBe(403);
    const created = await call("PUT", "/v3/creative/cr1", { ...creative, contract_external_ids: ["c1"] });
    expect(created.status).toBe(201);
    const updated = await call("PUT", "/v3/creative/cr1", { ...creative, contract_external_ids: ["c1"], texts: ["Реклама, новая"] });
    expect(updated).toEqual({ status: 200, body: { erid: created.body.erid } });
    expect((await call("GET", `/v3/creative/by_erid/${created.body.erid}`)).body).toMatchObject({ erid: created.body.erid, texts: ["Реклама, новая"] });
  });

  it("checks statistics: known creative and pad, one month, sums that add up, no duplicates in a request", async () => {
    await call("PUT", "/v1/pad/p1", { person_external_id: "ag", is_owner: true, type: "web", name: "Сайт", url: "https://romashka.example" });
    const item = { creative_external_id: "cr1", pad_external_id: "p1", shows_count: 10, date_start_actual: "2026-11-01", date_end_actual: "2026-11-30" };
    expect((await call("POST", "/v3/statistics", { items: [{ ...item, pad_external_id: "p0" }] })).body.errors[0]).toMatchObject({ error_code: "statistics_pad_not_found" });
    expect((await call("POST", "/v3/statistics", { items: [{ ...item, date_end_actual: "2026-12-01" }] })).status).toBe(400);
    const badSum = { ...item, amount: { excluding_vat: "100.00", vat_rate: "20", vat: "20.00", including_vat: "121.00" } };
    expect((await call("POST", "/v3/statistics", { items: [badSum] })).body.errors[0]).toMatchObject({ field: "items.0.amount.including_vat" });
    expect((await call("POST", "/v3/statistics", { items: [item, item] })).status).toBe(409);
    expect(await call("POST", "/v3/statistics", { items: [item] })).toEqual({ status: 200, body: { external_ids: ["cr1__p1__2026-11-01"] } });
  });

  it("can be told to fail over HTTP (for the CLI)", async () => {
    await fetch(`${standin.url}/__standin/fault`, { method: "POST", body: JSON.stringify({ status: 503, times: 1 }) });
    expect((await call("GET", "/v1/person")).status).toBe(503);
    expect((await call("GET", "/v1/person")).status).toBe(200);
  });
});
