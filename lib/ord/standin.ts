// A local stand-in for the VK ОРД API, so tests and the demo run the real client (VkOrdClient,
// pointed here with ORD_VK_BASE_URL) without an operator account. It follows the public
// documentation (docs/ord.md lists the sources): Bearer key, PUT-by-external-id create-or-update
// (201 then 200), the `{ error, errors: [{ error_code, message, field }] }` error shape, required
// fields and references (a contract needs its parties, a creative its initial contract, statistics
// their creative and pad), erid tokens in the answer, free statistics keyed by creative, pad and
// start date. Error codes the documentation does not list are the stand-in's own (docs/ord.md).
// It can be told to fail: 429 with Retry-After, 5xx, an answer that never comes in time, a dropped
// connection, or a given validation error.
//   PUT/GET /v1/person/:id · /v1/contract/:id · /v1/pad/:id · /v3/creative/:id, GET /v3/creative/by_erid/:erid,
//   PUT /v1/media/:id (multipart media_file), POST /v3/statistics, GET /v3/statistics/list,
//   GET /v1/:kind/:id/erir_status, POST /__standin/fault (tests and the CLI: { status | hangMs | drop, times, path }).
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isValidInn } from "@/lib/compliance/tax-ids";

type Obj = Record<string, unknown>;
type OperatorError = { error_code: string; message: string; field?: string };
type Reply = { status: number; body: unknown; headers?: Record<string, string> };

export type OrdFault =
  | { status: 429; retryAfterSeconds?: number }
  | { status: 500 | 502 | 503 | 504 }
  | { status: 400 | 403 | 409; errors: OperatorError[] }
  | { hangMs: number }
  | { drop: true };
type FaultRule = { fault: OrdFault; times: number; path?: string };

type Stored = { body: Obj; create_date: string };
export type StandinCreative = Stored & { erid: string };
export type StandinStatistics = Obj & { external_id: string };

export type OrdStandinOptions = { port?: number; apiKey?: string; today?: () => string };

const ERR_TEXT: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict" };
const PERSON_TYPES = ["juridical", "physical", "ip", "foreign_physical", "foreign_juridical"];
const ROLES = ["advertiser", "agency", "ors", "publisher"];
const CONTRACT_TYPES = ["service", "mediation", "additional"];
const SUBJECTS = ["representation", "org_distribution", "mediation", "distribution", "other"];
const ACTIONS = ["distribution", "conclude", "commercial", "other"];
const CONTRACT_FLAGS = ["vat_included", "contractor_is_creatives_reporter", "agent_acting_for_publisher", "is_charge_paid_by_agent"];
const PAD_TYPES = ["web", "mobile_app", "hbbtv", "smarttv"];
const FORMS = [
  "banner", "text_block", "text_graphic_block", "audio", "video", "live_audio", "live_video", "text_video_block", "text_graphic_video_block",
  "text_audio_block", "text_graphic_audio_block", "text_audio_video_block", "text_graphic_audio_video_block", "banner_html5",
];
const PAY_TYPES = ["cpa", "cpc", "cpm", "other"];
const VAT_RATES = ["without_vat", "0", "5", "7", "10", "20", "22"];
/**
 * Platform home pages a pad may not name: the operator wants the channel itself (its list comes from
 * GET /v1/pad/info/restricted; these few are the stand-in's sample, compared without scheme and "/").
 */
export const RESTRICTED_PAD_URLS = ["telegram.org", "t.me", "vk.com", "youtube.com", "dzen.ru", "rutube.ru"];
const KNOWN = {
  person: ["name", "rs_url", "roles", "juridical_details"],
  contract: ["type", "client_external_id", "contractor_external_id", "date", "date_end", "serial", "action_type", "subject_type", "flags", "parent_contract_external_id", "amount"],
  pad: ["person_external_id", "is_owner", "type", "name", "url"],
  creative: ["contract_external_ids", "person_external_id", "cids", "kktus", "name", "brand", "category", "description", "pay_type", "form", "targeting", "target_urls", "texts", "media_external_ids", "media_urls", "flags"],
};

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === "string";
const isDate = (v: unknown): v is string => str(v) && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
const decimal = (pattern: RegExp) => (v: unknown): v is string => str(v) && pattern.test(v);
const amount2 = decimal(/^\d{1,12}(\.\d{1,8})?$/);
const amount5 = decimal(/^\d{1,10}(\.\d{1,5})?$/);
/** Decimal roubles as integer hundred-thousandths, to compare sums without floats. */
const units = (v: string) => {
  const [i, f = ""] = v.split(".");
  return BigInt(i) * 100_000n + BigInt((f + "00000").slice(0, 5));
};
const urlKey = (u: string) => u.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "").toLowerCase();
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
/** An erid the shape the documentation shows ("21cZL9P", "2Vtzqwgkd3o"): short base58. */
const newErid = () => [...randomBytes(11)].map((b) => BASE58[b % 58]).join("");

function refusal(status: number, errors: OperatorError[]): Reply {
  return { status, body: { error: ERR_TEXT[status] ?? "Error", errors } };
}

export async function startOrdStandin(options: OrdStandinOptions = {}) {
  const apiKey = options.apiKey ?? "standin-key";
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const persons = new Map<string, Stored>();
  const contracts = new Map<string, Stored>();
  const pads = new Map<string, Stored>();
  const creatives = new Map<string, StandinCreative>();
  const media = new Map<string, { sha256: string; filename: string; size: number; content_type: string; create_date: string }>();
  const statistics = new Map<string, StandinStatistics>();
  const requests: { method: string; path: string; status: number | null }[] = [];
  const faults: FaultRule[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function unknownFields(kind: keyof typeof KNOWN, body: Obj) {
    const unknown = Object.keys(body).filter((k) => !KNOWN[kind].includes(k));
    return unknown.length ? [{ text: "Unknown fields ignored", fields: unknown.map((field) => ({ field, values: body[field] })) }] : undefined;
  }

  function save(map: Map<string, Stored>, id: string, body: Obj, kind: keyof typeof KNOWN): Reply {
    const existing = map.get(id);
    map.set(id, { body, create_date: existing?.create_date ?? new Date().toISOString() });
    const messages = unknownFields(kind, body);
    return { status: existing ? 200 : 201, body: messages ? { messages } : null };
  }

  function putPerson(id: string, b: Obj): Reply {
    const errors: OperatorError[] = [];
    const need = (field: string, ok: boolean, message = `${field} is required`, code = "common_required_field") => {
      if (!ok) errors.push({ error_code: code, message, field });
    };
    need("name", str(b.name) && b.name.trim().length > 0);
    if (str(b.name) && b.name.length > 255) errors.push({ error_code: "common_length_out_of_ranges", message: "name is too long", field: "name" });
    need("roles", Array.isArray(b.roles) && b.roles.length > 0);
    if (Array.isArray(b.roles) && b.roles.some((r) => !ROLES.includes(r as string))) errors.push({ error_code: "common_invalid_value", message: "unknown role", field: "roles" });
    const jd = b.juridical_details;
    need("juridical_details", isObj(jd));
    if (isObj(jd)) {
      const type = jd.type as string;
      if (!PERSON_TYPES.includes(type)) errors.push({ error_code: "common_invalid_value", message: "unknown juridical_details.type", field: "juridical_details.type" });
      const foreign = type?.startsWith("foreign_");
      const forbid = (field: string) => {
        if (jd[field] != null) errors.push({ error_code: "common_forbidden_field", message: `${field} is not allowed for ${type}`, field: `juridical_details.${field}` });
      };
      if (PERSON_TYPES.includes(type) && !foreign) {
        const inn = jd.inn;
        if (!str(inn)) need("juridical_details.inn", false);
        else if (!isValidInn(inn, type === "juridical" ? 10 : 12)) errors.push({ error_code: "person_invalid_inn", message: "INN checksum or length is invalid", field: "juridical_details.inn" });
        ["foreign_epayment_method", "foreign_registration_number", "foreign_inn", "foreign_oksm_country_code"].forEach(forbid);
        if (type !== "juridical") forbid("kpp");
        else if (jd.kpp != null && !/^\d{9}$/.test(String(jd.kpp))) errors.push({ error_code: "common_invalid_value", message: "kpp must be 9 digits", field: "juridical_details.kpp" });
        if (type !== "juridical" && str(b.name) && !/^[А-Яа-яЁёIVXLCDM][А-Яа-яЁёIVXLCDM' .\-–—]*$/.test(b.name)) {
          errors.push({ error_code: "person_invalid_name", message: "name must be written in Russian letters", field: "name" });
        }
      } else if (foreign) {
        forbid("inn");
        forbid("kpp");
        need("juridical_details.foreign_oksm_country_code", /^\d{3}$/.test(String(jd.foreign_oksm_country_code ?? "")));
        if (type === "foreign_physical") need("juridical_details.phone", jd.phone != null || jd.foreign_epayment_method != null, "phone or foreign_epayment_method is required");
        if (type === "foreign_juridical") need("juridical_details.foreign_registration_number", jd.foreign_registration_number != null || jd.foreign_inn != null, "foreign_registration_number or foreign_inn is required");
      }
      if (jd.phone != null && !/^\+[() \-0-9]{8,35}$/.test(String(jd.phone))) errors.push({ error_code: "common_invalid_value", message: "invalid phone", field: "juridical_details.phone" });
    }
    if (errors.length) return refusal(400, errors);
    return save(persons, id, b, "person");
  }

  function putContract(id: string, b: Obj): Reply {
    const errors: OperatorError[] = [];
    const bad = (field: string, message: string, code = "common_invalid_value") => errors.push({ error_code: code, message, field });
    for (const f of ["type", "client_external_id", "contractor_external_id", "date", "subject_type"]) if (b[f] == null) bad(f, `${f} is required`, "common_required_field");
    if (b.type != null && !CONTRACT_TYPES.includes(b.type as string)) bad("type", "unknown contract type");
    if (b.subject_type != null && !SUBJECTS.includes(b.subject_type as string)) bad("subject_type", "unknown subject_type");
    if (b.date != null && (!isDate(b.date) || b.date < "1991-01-01" || b.date > today())) bad("date", "date must be YYYY-MM-DD between 1991-01-01 and today");
    if (b.date_end != null && (!isDate(b.date_end) || (isDate(b.date) && b.date_end < b.date))) bad("date_end", "date_end must not be before date");
    if (b.client_external_id != null && b.client_external_id === b.contractor_external_id) bad("contractor_external_id", "client and contractor must differ");
    if (b.type === "mediation" && !ACTIONS.includes(b.action_type as string)) bad("action_type", "action_type is required for mediation", "common_required_field");
    if (b.type !== "mediation" && b.action_type != null) bad("action_type", "action_type is allowed for mediation only", "common_forbidden_field");
    if (b.type === "additional" && b.parent_contract_external_id == null) bad("parent_contract_external_id", "parent_contract_external_id is required for additional", "common_required_field");
    if (b.type !== "additional" && b.parent_contract_external_id != null) bad("parent_contract_external_id", "parent_contract_external_id is allowed for additional only", "common_forbidden_field");
    if (b.flags != null && (!Array.isArray(b.flags) || b.flags.some((f) => !CONTRACT_FLAGS.includes(f as string)))) bad("flags", "unknown flag");
    if (b.amount != null) {
      if (!amount2(b.amount)) bad("amount", "amount must be a decimal string");
      else if (units(b.amount) > 0n && !(Array.isArray(b.flags) && b.flags.includes("vat_included"))) bad("flags", "vat_included is required when amount > 0", "common_required_field");
    }
    if (b.type === "mediation" && (b.amount == null || (amount2(b.amount) && units(b.amount) === 0n))) bad("amount", "a mediation contract cannot be free");
    if (errors.length) return refusal(400, errors);
    const missing: OperatorError[] = [];
    const client = persons.get(b.client_external_id as string);
    const contractor = persons.get(b.contractor_external_id as string);
    if (!client) missing.push({ error_code: "common_not_found_error", message: "client person not found", field: "client_external_id" });
    if (!contractor) missing.push({ error_code: "common_not_found_error", message: "contractor person not found", field: "contractor_external_id" });
    const parent = b.type === "additional" ? contracts.get(b.parent_contract_external_id as string) : undefined;
    if (b.type === "additional" && !parent) missing.push({ error_code: "common_not_found_error", message: "parent contract not found", field: "parent_contract_external_id" });
    if (missing.length) return refusal(404, missing);
    const innOf = (p: Stored | undefined) => {
      const jd = p?.body.juridical_details as Obj | undefined;
      return (jd?.inn ?? jd?.foreign_inn) as string | undefined;
    };
    if (innOf(client) && innOf(client) === innOf(contractor)) bad("contractor_external_id", "client and contractor have the same INN");
    if (parent) {
      if (parent.body.type === "additional") bad("parent_contract_external_id", "an additional contract cannot have an additional parent");
      if (parent.body.client_external_id !== b.client_external_id || parent.body.contractor_external_id !== b.contractor_external_id) {
        bad("client_external_id", "an additional contract has the parties of its parent");
      }
    }
    if (errors.length) return refusal(400, errors);
    return save(contracts, id, b, "contract");
  }

  function putPad(id: string, b: Obj): Reply {
    const errors: OperatorError[] = [];
    const bad = (field: string, message: string, code = "common_invalid_value") => errors.push({ error_code: code, message, field });
    for (const f of ["person_external_id", "is_owner", "type", "name"]) if (b[f] == null) bad(f, `${f} is required`, "common_required_field");
    if (b.is_owner != null && typeof b.is_owner !== "boolean") bad("is_owner", "is_owner must be a boolean");
    if (b.type != null && !PAD_TYPES.includes(b.type as string)) bad("type", "unknown pad type");
    if (str(b.name) && (b.name.length < 1 || b.name.length > 100)) bad("name", "name must be 1–100 characters", "common_length_out_of_ranges");
    if ((b.type === "web" || b.type === "mobile_app") && b.url == null) bad("url", "url is required for web and mobile_app", "common_required_field");
    if (b.url != null && (!str(b.url) || !/^https?:\/\/\S+$/i.test(b.url) || b.url.length > 2000)) bad("url", "url must be an http(s) URL");
    else if (str(b.url) && RESTRICTED_PAD_URLS.includes(urlKey(b.url))) bad("url", "this url needs detailing: name the group, community or channel", "pad_restricted_url");
    if (errors.length) return refusal(400, errors);
    if (!persons.has(b.person_external_id as string)) return refusal(404, [{ error_code: "common_not_found_error", message: "person not found", field: "person_external_id" }]);
    return save(pads, id, b, "pad");
  }

  function putCreative(id: string, b: Obj): Reply {
    if (b.media_urls != null) return refusal(403, [{ error_code: "common_forbidden_error", message: "media_urls is no longer available", field: "media_urls" }]);
    const errors: OperatorError[] = [];
    const bad = (field: string, message: string, code = "common_invalid_value") => errors.push({ error_code: code, message, field });
    if (!FORMS.includes(b.form as string)) bad("form", b.form == null ? "form is required" : "unknown form", b.form == null ? "common_required_field" : "common_invalid_value");
    const kktus = b.kktus;
    if (!Array.isArray(kktus) || kktus.length < 1) bad("kktus", "kktus is required", "common_required_field");
    else if (kktus.length > 16 || kktus.some((k) => !str(k) || !/^\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(k))) bad("kktus", "kktus must be 1–16 codes like 1.1.1");
    const owners = ["contract_external_ids", "person_external_id", "cids"].filter((k) => b[k] != null);
    if (owners.length !== 1) bad("contract_external_ids", "exactly one of contract_external_ids, person_external_id, cids is required", "common_required_field");
    if (b.contract_external_ids != null && (!Array.isArray(b.contract_external_ids) || !b.contract_external_ids.every(str))) bad("contract_external_ids", "must be a list of external ids");
    if (Array.isArray(kktus) && kktus.length === 1 && kktus[0] === "30.15.1" && !b.brand && !b.category && !b.description) {
      bad("description", "brand, category or description is required for KKTU 30.15.1", "common_required_field");
    }
    if (b.pay_type != null && !PAY_TYPES.includes(b.pay_type as string)) bad("pay_type", "unknown pay_type");
    const texts = Array.isArray(b.texts) ? b.texts : [];
    const mediaIds = Array.isArray(b.media_external_ids) ? b.media_external_ids : [];
    if (str(b.form) && b.form.startsWith("text_") && texts.length === 0) bad("texts", "At least one text is required", "creative_texts_required");
    if (str(b.form) && b.form !== "text_block" && mediaIds.length === 0) bad("media_external_ids", "At least one media file is required", "creative_media_required");
    if (texts.some((t) => !str(t) || t.length < 1) || texts.reduce((n: number, t) => n + String(t).length, 0) > 65_000) bad("texts", "texts must be 1–65 000 characters in all", "common_length_out_of_ranges");
    const targetUrls = Array.isArray(b.target_urls) ? b.target_urls : [];
    if (targetUrls.some((u) => !str(u) || u.length > 2000 || !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(u))) bad("target_urls", "target_urls must be URLs");
    if (errors.length) return refusal(400, errors);
    const missing: OperatorError[] = [];
    for (const c of (b.contract_external_ids as string[] | undefined) ?? []) if (!contracts.has(c)) missing.push({ error_code: "common_not_found_error", message: `contract ${c} not found`, field: "contract_external_ids" });
    if (b.person_external_id != null && !persons.has(b.person_external_id as string)) missing.push({ error_code: "common_not_found_error", message: "person not found", field: "person_external_id" });
    for (const m of mediaIds) if (!media.has(m as string)) missing.push({ error_code: "common_not_found_error", message: `media ${m} not found`, field: "media_external_ids" });
    if (missing.length) return refusal(404, missing);
    const existing = creatives.get(id);
    // An update keeps the erid the post already carries.
    const erid = existing?.erid ?? newErid();
    creatives.set(id, { body: b, erid, create_date: existing?.create_date ?? new Date().toISOString() });
    const messages = unknownFields("creative", b);
    return { status: existing ? 200 : 201, body: { erid, ...(messages ? { messages } : {}) } };
  }

  async function putMedia(id: string, req: IncomingMessage, raw: Buffer): Promise<Reply> {
    let file: FormDataEntryValue | null = null;
    try {
      const form = await new Response(new Uint8Array(raw), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
      file = form.get("media_file");
    } catch {
      file = null;
    }
    if (!file || typeof file === "string") return refusal(400, [{ error_code: "common_required_field", message: "media_file is required", field: "media_file" }]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const existing = media.get(id);
    if (existing && existing.sha256 !== sha256) return refusal(409, [{ error_code: "common_conflict_error", message: "Entity already exists", field: "media_file" }]);
    media.set(id, existing ?? { sha256, filename: file.name, size: bytes.byteLength, content_type: file.type, create_date: new Date().toISOString() });
    return { status: 200, body: { sha256 } };
  }

  function postStatistics(b: Obj): Reply {
    const items = b.items;
    if (!Array.isArray(items) || items.length === 0) return refusal(400, [{ error_code: "common_required_field", message: "items is required", field: "items" }]);
    const errors: OperatorError[] = [];
    const keys: string[] = [];
    items.forEach((raw, i) => {
      const at = (f: string) => `items.${i}.${f}`;
      const bad = (f: string, message: string, code = "common_invalid_value") => errors.push({ error_code: code, message, field: at(f) });
      if (!isObj(raw)) return bad("", "item must be an object");
      for (const f of ["creative_external_id", "pad_external_id", "shows_count", "date_start_actual", "date_end_actual"]) if (raw[f] == null) bad(f, `${f} is required`, "common_required_field");
      if (raw.shows_count != null && !(Number.isInteger(raw.shows_count) && (raw.shows_count as number) >= 0)) bad("shows_count", "shows_count must be a whole number ≥ 0");
      for (const f of ["date_start_actual", "date_end_actual", "date_start_planned", "date_end_planned"]) {
        if (raw[f] != null && (!isDate(raw[f]) || (raw[f] as string) < "1991-01-01" || (f.endsWith("actual") && (raw[f] as string) > today()))) bad(f, `${f} must be a date up to today`);
      }
      const [s, e] = [raw.date_start_actual, raw.date_end_actual];
      if (isDate(s) && isDate(e) && (e < s || s.slice(0, 7) !== e.slice(0, 7))) bad("date_end_actual", "actual dates must be in one month, start ≤ end");
      if (raw.pay_type != null && !PAY_TYPES.includes(raw.pay_type as string)) bad("pay_type", "unknown pay_type");
      const amount = raw.amount;
      if (amount != null) {
        if (!isObj(amount) || !amount5(amount.excluding_vat) || !amount5(amount.vat) || !amount5(amount.including_vat) || !VAT_RATES.includes(amount.vat_rate as string)) bad("amount", "amount needs excluding_vat, vat_rate, vat, including_vat");
        else if (units(amount.excluding_vat as string) + units(amount.vat as string) !== units(amount.including_vat as string)) bad("amount.including_vat", "including_vat must equal excluding_vat + vat");
      }
      if (raw.amount_per_event != null && !decimal(/^\d{1,11}(\.\d{1,8})?$/)(raw.amount_per_event)) bad("amount_per_event", "amount_per_event must be a decimal string");
      const creative = creatives.get(raw.creative_external_id as string);
      if (raw.creative_external_id != null && !creative) bad("creative_external_id", "creative not found", "statistics_creative_not_found");
      if (raw.pad_external_id != null && !pads.has(raw.pad_external_id as string)) bad("pad_external_id", "pad not found", "statistics_pad_not_found");
      if (creative?.body.person_external_id != null) {
        const costs = [raw.shows_count, raw.invoice_shows_count].some((v) => v != null && v !== 0) || [isObj(amount) ? amount.excluding_vat : null, raw.amount_per_event].some((v) => v != null && units(String(v)) !== 0n);
        if (costs) bad("shows_count", "a self-promotion creative reports zero shows and amounts");
      }
      keys.push(`${raw.creative_external_id}__${raw.pad_external_id}__${raw.date_start_actual}`);
    });
    if (errors.length) return refusal(400, errors);
    if (new Set(keys).size !== keys.length) return refusal(409, [{ error_code: "common_conflict_error", message: "the same creative, pad and start date twice", field: "items" }]);
    items.forEach((raw, i) => statistics.set(keys[i], { ...(raw as Obj), external_id: keys[i] }));
    return { status: 200, body: { external_ids: keys } };
  }

  function list(map: Map<string, unknown>, url: URL): Reply {
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Math.min(1000, Number(url.searchParams.get("limit") ?? 100));
    const ids = [...map.keys()].sort();
    return { status: 200, body: { external_ids: ids.slice(offset, offset + limit), total_items_count: ids.length, limit } };
  }

  function get(map: Map<string, Stored>, id: string, extra: (s: Stored) => Obj = () => ({})): Reply {
    const found = map.get(id);
    return found ? { status: 200, body: { create_date: found.create_date, ...found.body, ...extra(found) } } : refusal(404, [{ error_code: "common_not_found_error", message: "Not found error", path_param: "external_id" } as OperatorError]);
  }

  async function route(method: string, url: URL, req: IncomingMessage, raw: Buffer): Promise<Reply> {
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const [version, kind, id, tail] = parts;
    let body: unknown = null;
    if (raw.length && !(req.headers["content-type"] ?? "").startsWith("multipart/")) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return refusal(400, [{ error_code: "common_invalid_json", message: "request body is not JSON" }]);
      }
    }
    const json = isObj(body) ? body : {};
    if (method === "PUT" && parts.length === 3 && version === "v1" && kind === "person") return putPerson(id, json);
    if (method === "PUT" && parts.length === 3 && version === "v1" && kind === "contract") return putContract(id, json);
    if (method === "PUT" && parts.length === 3 && version === "v1" && kind === "pad") return putPad(id, json);
    if (method === "PUT" && parts.length === 3 && version === "v3" && kind === "creative") return putCreative(id, json);
    if (method === "PUT" && parts.length === 3 && version === "v1" && kind === "media") return putMedia(id, req, raw);
    if (method === "POST" && url.pathname === "/v3/statistics") return postStatistics(json);
    if (method === "GET" && url.pathname === "/v3/statistics/list") {
      const all = [...statistics.values()];
      return { status: 200, body: { items: all, total_items_count: all.length, limit: 100 } };
    }
    if (method === "GET" && parts.length === 2 && version === "v1" && kind === "person") return list(persons, url);
    if (method === "GET" && parts.length === 2 && version === "v1" && kind === "contract") return list(contracts, url);
    if (method === "GET" && parts.length === 2 && version === "v1" && kind === "pad") return list(pads, url);
    if (method === "GET" && parts.length === 3 && version === "v1" && kind === "person") return get(persons, id);
    if (method === "GET" && parts.length === 3 && version === "v1" && kind === "contract") return get(contracts, id);
    if (method === "GET" && parts.length === 3 && version === "v1" && kind === "pad") return get(pads, id);
    if (method === "GET" && parts.length === 3 && version === "v3" && kind === "creative") return get(creatives, id, (c) => ({ erid: (c as StandinCreative).erid }));
    if (method === "GET" && parts.length === 4 && version === "v3" && kind === "creative" && id === "by_erid") {
      const found = [...creatives.entries()].find(([, c]) => c.erid === tail);
      return found ? get(creatives, found[0], (c) => ({ erid: (c as StandinCreative).erid })) : refusal(404, [{ error_code: "common_not_found_error", message: "Not found error" }]);
    }
    if (method === "GET" && parts.length === 4 && version === "v1" && tail === "erir_status") {
      const maps: Record<string, Map<string, unknown>> = { person: persons, contract: contracts, pad: pads, creative: creatives, statistics, media };
      const stored = maps[kind]?.get(id) as { create_date?: string } | undefined;
      if (!stored) return refusal(404, [{ error_code: "common_not_found_error", message: "Not found error" }]);
      const ts = stored.create_date ?? new Date().toISOString();
      return { status: 200, body: { erir_status: "verified", updated_by_user_ts: ts, processed_by_ord_ts: ts, sent_to_erir_ts: ts, verified_by_erir_ts: ts, finalized_ts: ts, messages: [] } };
    }
    return refusal(404, [{ error_code: "common_not_found_error", message: `no route ${method} ${url.pathname}` }]);
  }

  function send(res: ServerResponse, reply: Reply) {
    const headers = { ...(reply.headers ?? {}) };
    if (reply.body === null) res.writeHead(reply.status, headers).end();
    else res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(reply.body));
  }

  function takeFault(path: string): OrdFault | null {
    const i = faults.findIndex((f) => !f.path || path.startsWith(f.path));
    if (i < 0) return null;
    const rule = faults[i];
    if (--rule.times <= 0) faults.splice(i, 1);
    return rule.fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://standin");
    const method = req.method ?? "GET";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (method === "POST" && url.pathname === "/__standin/fault") {
      const b = JSON.parse(raw.toString("utf8") || "{}") as Obj & { times?: number; path?: string };
      state.failNext(b as unknown as OrdFault, { times: b.times, path: b.path });
      return send(res, { status: 204, body: null });
    }
    const entry: { method: string; path: string; status: number | null } = { method, path: url.pathname, status: null };
    requests.push(entry);
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      entry.status = 401;
      return send(res, refusal(401, [{ error_code: "common_authorization_error", message: "Authorization error" }]));
    }
    const fault = takeFault(url.pathname);
    if (fault && "drop" in fault) {
      req.socket.destroy();
      return;
    }
    if (fault && "hangMs" in fault) {
      // Answers late, after doing the work — as a slow operator does: the client gave up, the write happened.
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, fault.hangMs);
        timers.add(t);
      });
      if (res.destroyed) {
        await route(method, url, req, raw);
        return;
      }
    } else if (fault && "status" in fault) {
      entry.status = fault.status;
      if (fault.status === 429) {
        return send(res, { status: 429, body: { error: "Too Many Requests", errors: [{ error_code: "common_too_many_requests", message: "Too many requests" }] }, headers: fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {} });
      }
      if (fault.status >= 500) return send(res, { status: fault.status, body: { error: "Internal Server Error", errors: [] } });
      return send(res, refusal(fault.status, (fault as { errors: OperatorError[] }).errors));
    }
    const reply = await route(method, url, req, raw);
    entry.status = reply.status;
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error("[ord-standin]", err);
      if (!res.headersSent) send(res, { status: 500, body: { error: "Internal Server Error", errors: [] } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const state = {
    persons, contracts, pads, creatives, media, statistics, requests,
    /** The next `times` requests (to paths starting with `path`) fail with `fault`. */
    failNext(fault: OrdFault, opts: { times?: number; path?: string } = {}) {
      faults.push({ fault, times: opts.times ?? 1, path: opts.path });
    },
    clearFaults() {
      faults.length = 0;
    },
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiKey,
    state,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type OrdStandin = Awaited<ReturnType<typeof startOrdStandin>>;
