// Hostile input through the real public entry points: field names that reach for a prototype,
// and control characters (NUL is refused by PostgreSQL with error 22021). Each must be a
// translated field error, never pollution of Object.prototype and never a 500.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError } from "@/lib/kernel/errors";
import { parseRatesCsv } from "@/lib/fx/rates-csv";
import { importRevenueChunk } from "@/lib/imports/import-revenue";
import { parseRevenueFile } from "@/lib/imports/revenue-csv";
import { parseSdnCsv } from "@/lib/compliance/sdn-import";
import { parseStatementCsv } from "@/lib/payouts/statement-csv";
import { PROTOTYPE_FIELD_NAMES } from "@/lib/kernel/hostile-field-names";
import { newKey, postEvents, uid } from "./api-fixtures";
import { poolProgram, postedOpportunity } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";
import { programIn, uniqueEmail } from "../helpers/partner-fixtures";

// The public actions read the visitor's address and cookies; every call comes from a new address
// so the per-IP limits on opt-ins and applications never answer instead of the parser.
let ipCounter = 0;
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `198.18.${Math.floor(ipCounter / 250) % 250}.${(ipCounter++ % 250) + 1}` }),
  cookies: async () => ({ get: () => undefined }),
}));
// Sign-up signs the new user in through Auth.js; that half is tested elsewhere.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
const { signUpAction } = await import("@/lib/auth/actions");
const { optInAction } = await import("@/lib/opportunities/public-actions");
const { applyToProgramAction } = await import("@/lib/partners/public-actions");

let a: { fixture: TenantFixture; ctx: TenantContext };
let opportunity: { id: string };
let program: { id: string };

beforeAll(async () => {
  a = await tenantWithOwner("Hygiene Agency");
  const pool = await poolProgram(a.fixture);
  opportunity = await postedOpportunity(a.fixture, pool.id);
  program = await programIn(a.fixture.tenantId, { access: "open" });
});

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
  delete (Array.prototype as unknown as Record<string, unknown>).polluted;
});

const formData = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
};
const hex = () => randomBytes(4).toString("hex");

type Form = { name: string; valid: () => Record<string, string>; text: string; act: (data: FormData) => Promise<unknown> };
const forms: Form[] = [
  {
    name: "sign-up",
    valid: () => ({ agencyName: `Hygiene ${hex()}`, name: "Ann", email: `signup-${hex()}@hygiene.test`, password: "long enough password" }),
    text: "agencyName",
    act: (data) => signUpAction({ locale: "en" }, {}, data),
  },
  {
    name: "board opt-in",
    valid: () => ({ kind: "creator", name: "Jess Glow", market: "US", country: "US", website: "jessglow.example", contactEmail: `optin-${hex()}@hygiene.test`, consent: "yes" }),
    text: "name",
    act: (data) => optInAction({ locale: "en", tenant: a.fixture.slug, id: opportunity.id }, {}, data),
  },
  {
    name: "program application",
    valid: () => ({ name: "Jess Glow", email: uniqueEmail("apply"), market: "US", country: "US", language: "en", pitch: "US beauty creator, three brand deals this year.", consent: "yes" }),
    text: "pitch",
    act: (data) => applyToProgramAction({ locale: "en", tenant: a.fixture.slug, programId: program.id }, {}, data),
  },
];

describe.each(forms)("the public $name action", (form) => {
  it("reaches the domain function with a valid form (so the refusals below are the parser's)", async () => {
    const result = form.act(formData(Object.entries(form.valid())));
    // Sign-up redirects to the new workspace; the others thank the visitor.
    if (form.name === "sign-up") await expect(result).rejects.toThrow(/NEXT_REDIRECT/);
    else expect(await result).toMatchObject({ ok: true });
  });

  it.each(PROTOTYPE_FIELD_NAMES)("refuses the field name %s and leaves Object.prototype alone", async (name) => {
    const result = await form.act(formData([...Object.entries(form.valid()), [name, "yes"], [name, "again"]]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    expect(result).toMatchObject({ ok: false });
    const { fieldErrors } = result as { fieldErrors: Record<string, unknown> };
    expect(Object.hasOwn(fieldErrors, name)).toBe(true);
    expect(fieldErrors[name]).toEqual({ key: "field_name_invalid" });
  });

  it.each(["\u0000", "\u0007", "\u001b", "\u007f"])("answers a control character (%j) with a field error, not a database error", async (char) => {
    const fields = form.valid();
    fields[form.text] = `${fields[form.text]}${char}tail`;
    const result = await form.act(formData(Object.entries(fields)));
    expect(result).toMatchObject({ ok: false, fieldErrors: { [form.text]: { key: "control_characters" } } });
  });
});

describe("the conversion API", () => {
  let key: string;
  beforeAll(async () => {
    key = await newKey(a.ctx);
  });

  it.each(["customer_external_id", "customer_name", "click_id", "referral_id"])("answers a NUL byte in %s with a 400 naming the field", async (field) => {
    const event = { type: "close", idempotency_key: uid("nul"), occurred_at: new Date().toISOString(), customer_external_id: "cust-1", [field]: "x\u0000y" };
    const answer = await postEvents(event, key);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "validation_failed", fields: { [field]: "Contains control characters (such as NUL) that cannot be stored. Remove them and try again." } });
  });

  it("answers in Russian, item by item in a batch, and still stores the clean item", async () => {
    const clean = { type: "lead", idempotency_key: uid("ok"), occurred_at: new Date().toISOString() };
    const dirty = { type: "lead", idempotency_key: uid("bad"), occurred_at: new Date().toISOString(), customer_name: "A\u0001" };
    const answer = await postEvents({ events: [clean, dirty] }, key, { "accept-language": "ru" });
    expect(answer.status).toBe(201);
    expect(answer.body.results[1].error.fields["events.1.customer_name"]).toMatch(/управляющие символы/);
  });

  it("refuses lone surrogates and keeps real unicode", async () => {
    const body = `{"type":"lead","idempotency_key":"${uid("sur")}","occurred_at":"${new Date().toISOString()}","customer_name":"\\ud800x"}`;
    expect((await postEvents(body, key)).status).toBe(400);
    const ok = { type: "lead", idempotency_key: uid("uni"), occurred_at: new Date().toISOString(), customer_name: "Женя 😀\ttab" };
    expect((await postEvents(ok, key)).status).toBe(201);
  });
});

describe("CSV imports", () => {
  it("reports a control character in a revenue CSV cell as that row's error and imports the rest", async () => {
    const file = parseRevenueFile(["type;occurred_at;customer_external_id;amount;currency;customer_name", "revenue;2026-11-20;hyg-1;10;USD;Anna\u0000", "revenue;2026-11-20;hyg-2;10;USD;Boris"].join("\n"));
    if (!file.ok) throw new Error(file.problem.code);
    const result = await importRevenueChunk(a.ctx, file.rows);
    expect(result).toMatchObject({ imported: 1, failed: 1 });
    expect(result.outcomes[0].errors).toEqual([{ row: 2, column: "customer_name", code: "control_characters" }]);
  });

  it("reports control characters in statement, FX rate and SDN files", () => {
    const statement = parseStatementCsv("date;amount;purpose;payee\n2026-11-20;100;TW-ABC123 payout;Ann\u0000\n2026-11-20;100;TW-ABC124 payout;Bob\n");
    expect(statement.errors).toEqual([{ row: 2, column: "payee", code: "control_characters" }]);
    expect(statement.lines).toHaveLength(1);
    const rates = parseRatesCsv("date,base,quote,rate\n2026-11-20,EUR,USD,1.05\u0000\n");
    expect(rates.errors).toEqual([{ row: 2, column: "rate", code: "control_characters" }]);
    const sdn = '36,"AEROCARIBBEAN AIRLINES\u0000",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n';
    expect(() => parseSdnCsv(sdn)).toThrow(new DomainError("control_characters"));
    // The DOS end-of-file marker of real OFAC files is not a reason to refuse one.
    expect(parseSdnCsv(`${sdn.replace("\u0000", "")}\u001a`).primary).toBe(1);
  });
});
