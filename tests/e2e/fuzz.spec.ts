// Fuzzing every public entry point of the real production server with fast-check: ≥ 1,000
// generated inputs each (hostile field names such as __proto__.polluted, control characters, lone
// surrogates, huge and malformed numbers, bad JSON, garbled signatures…). No answer may be a 5xx,
// and no body may leak a stack trace, source paths, PostgreSQL error text or internal ids that the
// input did not contain. Rate limits may answer instead of the code behind them (429 or the
// translated "too many attempts"); every endpoint first proves with one valid request that the
// fuzzed requests really reach its code.
//
// Server actions are posted the way React's client posts them (Next-Action header, the form's
// fields prefixed "_1_", the arguments in field "0"), with the action id and bound arguments read
// from the page's progressive-enhancement hidden fields ($ACTION_n:0 / $ACTION_n:1).
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import Stripe from "stripe";
import { PROTOTYPE_FIELD_NAMES } from "@/lib/kernel/hostile-field-names";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CONCURRENCY = 10;
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** Makes idempotency keys unique per run, so a rerun against the same database creates events again. */
const RUN_ID = Date.now().toString(36);
const WEBHOOK_SECRET = "whsec_e2e_standin_secret";

// ---------------------------------------------------------------------------------------------
// What no answer may contain.

const LEAKS: [string, RegExp][] = [
  ["stack trace", /\n\s+at [^\n]*[(/\\][^\n]*:\d+/g],
  ["node_modules path", /node_modules/g],
  ["error line", /(?:^|\n|\\n)\s*[A-Z][A-Za-z]*Error: /g],
  ["source path", /[\w/.-]+\.tsx?:\d+/g],
  ["postgres error", /PrismaClient\w*|DriverAdapterError|invalid byte sequence[^"\n]*|violates (?:unique|foreign key|check|not-null) constraint|syntax error at or near|duplicate key value|relation "[^"]+" does not exist|invalid input syntax for type|\bcode: '\d{5}'|\bP20\d\d\b/g],
];
/** cuid-like ids (Prisma's default ids). */
const CUID = /\bc[a-z0-9]{24}\b/g;

type Finding = { endpoint: string; status: number; problem: string; input: unknown; excerpt: string };

class Inspector {
  readonly findings: Finding[] = [];
  readonly statuses = new Map<number, number>();
  count = 0;
  constructor(
    readonly endpoint: string,
    /** ids the endpoint shows anyway (a page's own ids), so they are not leaks. */
    readonly knownIds = new Set<string>(),
    /** The events API answers a created event with its ids by design; ids are checked in errors only. */
    readonly idsInSuccess = false,
  ) {}

  async check(input: unknown, response: APIResponse | Error): Promise<void> {
    this.count++;
    const blob = inputBlob(input);
    if (response instanceof Error) {
      this.add(0, `request failed: ${response.message.split("\n")[0]}`, input, "");
      return;
    }
    const status = response.status();
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const body = await response.text().catch(() => "");
    if (status >= 500) this.add(status, "5xx", input, body);
    for (const [problem, pattern] of LEAKS) {
      const leaked = [...body.matchAll(pattern)].map((m) => m[0]).filter((m) => !blob.includes(m.trim().replace(/^\\n/, "")));
      if (leaked.length > 0) this.add(status, `${problem}: ${leaked[0]}`, input, body);
    }
    const ids = (this.idsInSuccess && status < 300 ? [] : [...body.matchAll(CUID)]).map((m) => m[0]).filter((id) => !blob.includes(id) && !this.knownIds.has(id));
    if (ids.length > 0) this.add(status, `internal id: ${ids[0]}`, input, body);
  }

  private add(status: number, problem: string, input: unknown, body: string) {
    if (this.findings.length < 50) this.findings.push({ endpoint: this.endpoint, status, problem, input, excerpt: body.slice(0, 300) });
  }

  summary(): string {
    return `${this.endpoint}: ${this.count} inputs, statuses ${JSON.stringify(Object.fromEntries([...this.statuses].sort((a, b) => a[0] - b[0])))}`;
  }

  assertClean(minimum = RUNS) {
    console.log(this.summary());
    expect(this.findings, JSON.stringify(this.findings.slice(0, 10), null, 2)).toEqual([]);
    expect(this.count).toBeGreaterThanOrEqual(minimum);
  }
}

function inputBlob(input: unknown): string {
  const raw: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") raw.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.entries(v).forEach(([k, x]) => (raw.push(k), walk(x)));
  };
  walk(input);
  let json = "";
  try {
    json = JSON.stringify(input);
  } catch {
    json = "";
  }
  return `${raw.join("\n")}\n${json}\n${raw.map((s) => encodeURIComponent(s.toWellFormed())).join("\n")}`;
}

/** Runs `send` for every input, CONCURRENCY at a time, and inspects each answer. */
async function fuzz<T>(inspector: Inspector, inputs: T[], send: (input: T) => Promise<APIResponse>) {
  for (let i = 0; i < inputs.length; i += CONCURRENCY) {
    await Promise.all(
      inputs.slice(i, i + CONCURRENCY).map(async (input) => {
        const response = await send(input).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        await inspector.check(input, response);
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Generators.

const SPECIAL = [
  "\u0000", "a\u0000b", "\u0007", "\u001b[31mred", "\u007f", "\u0008\u000b\u000c", "\ud800", "x\udfffy", "😀", "👩🏽‍💻", "\u202eRTL", "Женя",
  "' OR 1=1 --", '"; DROP TABLE "User"; --', "<script>alert(1)</script>", "${7*7}", "{{7*7}}", "../../etc/passwd", "%00", "%ZZ", "%",
  "__proto__", "constructor", "prototype", "NaN", "Infinity", "-0", "1e309", "-1", "0x1F", "9".repeat(400), "x".repeat(5000), "", " ",
  "\t\r\n", "null", "[]", "{}", "true", "a@b.c", "nobody@fuzz.test", "\\", "\\u0000", "$K1", "$@1", "$ACTION_ID_x",
];
const special = fc.constantFrom(...SPECIAL);
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 3, arbitrary: special },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), special, fc.string({ maxLength: 8 })).map((p) => p.join("")) },
);
const fieldName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_FIELD_NAMES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("platforms.0.handle", "platforms.4294967294.handle", "platforms.999.platform", "platforms.1000.handle", "a[]", "a.b.c", "email[]", "consent.x", "name.0", "..", ".", "0", "platforms", "platforms[]"),
  },
);

/** A form: each known field kept valid, replaced by fuzz, or left out; plus a few extra fields. */
function formArb(valid: Record<string, string>): fc.Arbitrary<[string, string][]> {
  const fields = Object.entries(valid).map(([name, value]) =>
    fc.oneof(fc.constant<[string, string] | null>([name, value]), text.map((v): [string, string] => [name, v]), fc.constant(null)),
  );
  return fc.tuple(fc.tuple(...fields), fc.array(fc.tuple(fieldName, text), { maxLength: 3 })).map(([known, extra]) => [
    ...known.filter((f): f is [string, string] => f !== null),
    ...extra,
  ]);
}

const sample = <T>(arb: fc.Arbitrary<T>, n = RUNS, seedOffset = 0) => fc.sample(arb, { numRuns: n, seed: SEED + seedOffset });

/** Header values must be visible ASCII; fuzzed text is squeezed into that. */
function safeText(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, "?");
}

// ---------------------------------------------------------------------------------------------
// Server actions over HTTP.

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

type ActionForm = { id: string; hidden: [string, string][]; args: unknown[]; cuids: Set<string> };

/** The action behind the first server-action form of a page that `pick` accepts: id, hidden fields and bound arguments. */
async function actionForm(request: APIRequestContext, path: string, pick: (formHtml: string) => boolean): Promise<ActionForm> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const form = [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="$ACTION_REF_') && pick(f));
  expect(form, `a server-action form on ${path}`).toBeDefined();
  const hidden = [...form!.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m): [string, string] => [decode(m[1]), decode(m[2] ?? "")]);
  const n = hidden.find(([name]) => name.startsWith("$ACTION_REF_"))![0].slice("$ACTION_REF_".length);
  const reference = JSON.parse(hidden.find(([name]) => name === `$ACTION_${n}:0`)![1]) as { id: string };
  const args = JSON.parse(hidden.find(([name]) => name === `$ACTION_${n}:1`)?.[1] ?? "[]") as unknown[];
  return { id: reference.id, hidden, args, cuids: new Set(html.match(CUID) ?? []) };
}

function postAction(request: APIRequestContext, path: string, form: ActionForm, fields: [string, string][], baseURL: string) {
  const data = new FormData();
  for (const [name, value] of [...form.hidden, ...fields]) data.append(`_1_${name}`, value);
  data.append("0", JSON.stringify([...form.args, "$K1"]));
  return request.post(path, {
    headers: { "next-action": form.id, accept: "text/x-component", origin: baseURL },
    multipart: data,
    maxRedirects: 0,
  });
}

// ---------------------------------------------------------------------------------------------

let baseURL = "";
let staff: APIRequestContext;
let opportunityPath = "";
let applyPath = "";
const apiKeys: string[] = [];

test.beforeAll(async ({ playwright }, info) => {
  baseURL = info.project.use.baseURL!;
  staff = await playwright.request.newContext({ baseURL });
  await signInOverHttp(staff, "owner@northstar.test", "twoway-demo");

  const board = await (await staff.get("/en/o/northstar")).text();
  opportunityPath = board.match(/href="(\/en\/o\/northstar\/c[a-z0-9]{24})"/)![1];
  const programs = await (await staff.get("/en/t/northstar/programs")).text();
  applyPath = new URL(programs.match(/https?:\/\/[^"<\s]+\/en\/apply\/northstar\/c[a-z0-9]{24}/)![0]).pathname;

  // API keys for the events API: several, as each allows 1,200 events a minute.
  for (let i = 0; i < 3; i++) {
    const form = await actionForm(staff, "/en/t/northstar/settings/api-keys", (f) => f.includes('name="name"'));
    const answer = await postAction(staff, "/en/t/northstar/settings/api-keys", form, [["name", `Fuzz ${i}`]], baseURL);
    const body = await answer.text();
    const key = body.match(/tw_live_[A-Za-z0-9_-]+/)?.[0];
    expect(key, `created an API key over HTTP: ${answer.status()} ${body.slice(0, 300)}`).toBeTruthy();
    apiKeys.push(key!);
  }
});

test.afterAll(async () => {
  await staff?.dispose();
});

async function signInOverHttp(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: `${baseURL}/en/t` }, maxRedirects: 0 });
  expect(answer.status()).toBe(302);
  const session = await request.get("/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email, "signed in over HTTP").toBe(email);
}

// ---------------------------------------------------------------------------------------------

test("sign-in: the Auth.js credentials callback", async ({ playwright }) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // Reached: a wrong password is refused by our code (Auth.js' CredentialsSignin), not by the CSRF check.
  const wrong = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: "nobody@fuzz.test", password: "wrong" }, maxRedirects: 0 });
  expect(wrong.headers().location).toMatch(/error=CredentialsSignin|code=/);

  const inspector = new Inspector("POST /api/auth/callback/credentials");
  const inputs = sample(
    fc.record({
      csrf: fc.oneof({ weight: 4, arbitrary: fc.constant(csrfToken) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: fc.constant(null) }),
      fields: formArb({ email: "someone@fuzz.test", password: "long enough password", callbackUrl: `${baseURL}/en/t` }),
    }),
    RUNS,
    1,
  );
  await fuzz(inspector, inputs, ({ csrf, fields }) => {
    const form: Record<string, string> = {};
    for (const [name, value] of fields) form[name] = value;
    if (csrf !== null) form.csrfToken = csrf;
    return request.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
  });
  await request.dispose();
  inspector.assertClean();
});

const ACTIONS = [
  {
    name: "sign-in (server action)",
    path: () => "/en/sign-in",
    pick: (f: string) => f.includes('name="password"'),
    // Not the owner: failures lock an account out, and beforeAll signs the owner in again after a retry.
    valid: () => ({ email: "nobody@fuzz.test", password: "wrong password" }),
    parsesForm: false,
    reached: /invalid_credentials|rate_limited/,
  },
  {
    name: "magic-link request (server action)",
    path: () => "/en/sign-in",
    pick: (f: string) => !f.includes('name="password"') && f.includes('name="email"'),
    valid: () => ({ email: `fuzz-${Math.random().toString(36).slice(2)}@fuzz.test` }),
    parsesForm: false,
    reached: /check-email|"unexpected"|rate_limited|too_many/,
  },
  {
    name: "sign-up (server action)",
    path: () => "/en/sign-up",
    pick: (f: string) => f.includes('name="agencyName"'),
    valid: () => ({ agencyName: "Fuzz Agency", name: "Fuzz Owner", email: `fuzz-${Math.random().toString(36).slice(2)}@fuzz.test`, password: "a long enough password" }),
    parsesForm: true,
    // The per-address sign-up limit answers after the form is parsed, so fuzzed forms still reach the parser.
    reached: /welcome|check-email|"ok":true|x-action-redirect|"rate_limited"/,
  },
  {
    name: "board opt-in (server action)",
    path: () => opportunityPath,
    pick: (f: string) => f.includes('name="contactEmail"'),
    valid: () => ({ kind: "creator", name: "Jess Glow", market: "US", country: "US", website: "jessglow.example", "platforms.0.platform": "tiktok", "platforms.0.handle": "@jess", "platforms.0.audienceSize": "12000", contactName: "Jess", contactEmail: `fuzz-${Math.random().toString(36).slice(2)}@fuzz.test`, pitch: "Beauty creator.", consent: "yes" }),
    parsesForm: true,
    reached: /"received"|"already_received"|opt_in_rate_limited|opt_in_kind_mismatch/,
  },
  {
    name: "program application (server action)",
    path: () => applyPath,
    pick: (f: string) => f.includes('name="pitch"'),
    valid: () => ({ name: "Jess Glow", email: `fuzz-${Math.random().toString(36).slice(2)}@fuzz.test`, market: "US", country: "US", language: "en", pitch: "US beauty creator with three brand deals this year.", consent: "yes" }),
    parsesForm: true,
    reached: /"received"|"already_applied"|apply_rate_limited/,
  },
];

for (const action of ACTIONS) {
  test(action.name, async ({ playwright }) => {
    test.setTimeout(150_000);
    const request = await playwright.request.newContext({ baseURL });
    const path = action.path();
    const form = await actionForm(request, path, action.pick);

    // Reached: a valid post gets the action's own answer, a prototype field name its field error.
    const valid = await postAction(request, path, form, Object.entries(action.valid()), baseURL);
    expect(valid.status(), await valid.text()).toBeLessThan(400);
    expect(`${JSON.stringify(valid.headers())}\n${await valid.text()}`).toMatch(action.reached);
    if (action.parsesForm) {
      const hostile = await postAction(request, path, form, [...Object.entries(action.valid()), ["__proto__.polluted", "yes"]], baseURL);
      expect(await hostile.text()).toMatch(/"__proto__\.polluted":\{"key":"field_name_invalid"\}/);
    }

    const inspector = new Inspector(`${action.name} ${path}`, form.cuids);
    const inputs = sample(formArb(action.valid()), RUNS, action.name.length);
    await fuzz(inspector, inputs, (fields) => postAction(request, path, form, fields, baseURL));
    // After a thousand hostile posts, the server still answers and no prototype was reached.
    const after = await postAction(request, path, form, [...Object.entries(action.valid()), ["__proto__.polluted", "yes"]], baseURL);
    expect(after.status()).toBeLessThan(500);
    await request.dispose();
    inspector.assertClean();
  });
}

// ---------------------------------------------------------------------------------------------

const eventArb: fc.Arbitrary<unknown> = fc.record(
  {
    type: fc.oneof(fc.constantFrom("lead", "close", "revenue", "refund"), text, fc.integer(), fc.constant(null)),
    idempotency_key: fc.oneof(fc.uuid().map((u) => `fuzz-${RUN_ID}-${u}`), text, fc.integer()),
    occurred_at: fc.oneof(fc.constant(new Date().toISOString()), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text, fc.integer()),
    customer_external_id: fc.oneof(fc.uuid(), text, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 2 })),
    customer_name: fc.oneof(text, fc.constant(null)),
    amount_minor: fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String), fc.integer(), fc.double(), text, fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant(1e308)),
    currency: fc.oneof(fc.constantFrom("USD", "RUB", "EUR", "usd", "XXX", "RUR"), text),
    click_id: text,
    referral_id: text,
  },
  { requiredKeys: [] },
);

/** A valid event with one field replaced by fuzz (so many requests get as far as the database). */
const nearlyValidEvent: fc.Arbitrary<unknown> = fc
  .tuple(fc.uuid(), fc.constantFrom("lead", "close", "revenue"), fc.constantFrom("customer_external_id", "customer_name", "click_id", "referral_id", "currency", "amount_minor", "occurred_at"), text)
  .map(([id, type, field, value]) => ({
    type, idempotency_key: `fuzz-${RUN_ID}-${id}`, occurred_at: new Date().toISOString(), customer_external_id: `cust-${id.slice(0, 8)}`,
    ...(type === "revenue" ? { amount_minor: 1000, currency: "USD" } : {}),
    [field]: value,
  }));

/** A raw body: an event, a batch, any JSON, or not JSON at all. */
const eventsBody: fc.Arbitrary<{ body: string; contentType: string }> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: eventArb.map((e) => JSON.stringify(e)) },
      { weight: 3, arbitrary: nearlyValidEvent.map((e) => JSON.stringify(e)) },
      { weight: 2, arbitrary: fc.array(eventArb, { maxLength: 3 }).map((events) => JSON.stringify({ events })) },
      { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.tuple(eventArb, fc.constantFrom(...PROTOTYPE_FIELD_NAMES)).map(([e, k]) => JSON.stringify({ ...(e as object), [k]: { polluted: true } })) },
      { weight: 1, arbitrary: text },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '{"type":"lead","idempotency_key":"x","occurred_at":"2026-01-01T00:00:00Z","amount_minor":123456789012345678901234567890}',
          '{"amount_minor":1e400}', '{"amount_minor":-1e-400}', '{"type":"lead"', "[".repeat(5000) + "]".repeat(5000),
          '{"customer_name":"\\ud800"}', '{"customer_name":"\\u0000"}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}',
          '{"events":[]}', '{"events":null}', '{"events":' + JSON.stringify(Array.from({ length: 101 }, () => ({}))) + "}", "null", "\u0000", "",
        ),
      },
    ),
    fc.oneof({ weight: 8, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/json; charset=latin1", "multipart/form-data", "") }),
  )
  .map(([body, contentType]) => ({ body, contentType }));

test("events API with a valid key", async ({ request }) => {
  test.setTimeout(150_000);
  const reached = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${apiKeys[0]}`, "content-type": "application/json" }, data: '{"type":"lead","idempotency_key":"fuzz-reach","occurred_at":"2026-01-01T00:00:00Z","customer_name":"a\\u0000b"}' });
  expect(reached.status()).toBe(400);
  expect(await reached.json()).toMatchObject({ error: { code: "validation_failed", fields: { customer_name: expect.stringMatching(/control characters/) } } });

  const inspector = new Inspector("POST /api/v1/events (valid key)", new Set(), true);
  const inputs = sample(eventsBody, RUNS, 7);
  let n = 0;
  await fuzz(inspector, inputs, ({ body, contentType }) =>
    request.post("/api/v1/events", {
      headers: { authorization: `Bearer ${apiKeys[n++ % apiKeys.length]}`, ...(contentType ? { "content-type": contentType } : {}) },
      data: body,
    }),
  );
  inspector.assertClean();
  // Some fuzzed events are valid and reach the database.
  expect(inspector.statuses.get(201) ?? 0).toBeGreaterThan(0);
});

test("events API without a valid key", async ({ request }) => {
  test.setTimeout(90_000);
  const inspector = new Inspector("POST /api/v1/events (no or bad key)");
  const auth = fc.oneof(fc.constant(null), text.map((t) => `Bearer ${safeText(t)}`), text.map(safeText), fc.constantFrom("Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer tw_live_", "Bearer tw_live_" + "a".repeat(5000)), fc.string({ maxLength: 60 }).map((s) => `Bearer tw_live_${safeText(s)}`));
  const inputs = sample(fc.tuple(auth, eventsBody), RUNS, 8);
  await fuzz(inspector, inputs, ([authorization, { body, contentType }]) =>
    request.post("/api/v1/events", { headers: { ...(authorization !== null ? { authorization } : {}), "content-type": contentType || "application/json" }, data: body }),
  );
  inspector.assertClean();
  expect(inspector.statuses.get(401) ?? 0).toBeGreaterThan(RUNS / 2);
});

// ---------------------------------------------------------------------------------------------

test("tracked-link redirect /r/<code>", async ({ request }) => {
  test.setTimeout(90_000);
  // Reached: a seeded code redirects; an unknown one is a 404 from the same handler.
  expect((await request.get("/r/demo0001", { maxRedirects: 0 })).status()).toBe(302);
  expect((await request.get("/r/doesnotexist", { maxRedirects: 0 })).status()).toBe(404);
  const inspector = new Inspector("GET /r/<code>");
  const code = fc.oneof(
    text.map((t) => encodeURIComponent(t.toWellFormed())),
    fc.constantFrom("%00", "%ZZ", "%", "..%2F..%2Fetc%2Fpasswd", "a/b/c", "%C0%AE", "%ED%A0%80", "x".repeat(3000), "?q=1", "#frag", "%2e%2e", ";", "%0d%0aSet-Cookie:%20x=1", "demo0001/", "DEMO0001", "demo0001%00"),
    fc.string({ unit: "binary-ascii", maxLength: 30 }).map((s) => s.replace(/[^\x21-\x7e]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).replace(/[#?]/g, "")),
    // The real link with fuzzed query, referrer and user agent (they feed the click record).
    text.map((t) => `demo0001?${encodeURIComponent(t.toWellFormed())}=${encodeURIComponent(t.toWellFormed())}`),
  );
  const headers = fc.record({ "user-agent": text.map(safeText), referer: text.map(safeText), "accept-language": text.map(safeText) }, { requiredKeys: [] });
  const inputs = sample(fc.tuple(code, fc.constantFrom("GET", "HEAD"), headers), RUNS, 9);
  await fuzz(inspector, inputs, ([c, method, h]) => request.fetch(`/r/${c}`, { method, headers: h, maxRedirects: 0 }));
  inspector.assertClean();
  expect(inspector.statuses.get(302) ?? 0).toBeGreaterThan(0);
});

test("invitations: staff and partner invite pages, partner invite acceptance", async ({ request }) => {
  test.setTimeout(150_000);
  const inspector = new Inspector("invites");
  const token = fc.oneof(
    fc.base64String({ maxLength: 64 }).map((s) => s.replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "")),
    text,
    fc.constantFrom("a".repeat(16), "A".repeat(100), "x".repeat(3000), "%00", "..", "__proto__"),
  );
  const inputs = sample(fc.tuple(fc.constantFrom("staff", "partner", "accept", "accept"), token, fc.oneof(fc.constantFrom("en", "ru"), text)), RUNS, 10);
  await fuzz(inspector, inputs, ([kind, t, locale]) => {
    if (kind === "staff") return request.get(`/en/invite/${encodeURIComponent(t.toWellFormed())}`, { maxRedirects: 0 });
    if (kind === "partner") return request.get(`/ru/partner-invite/${encodeURIComponent(t.toWellFormed())}`, { maxRedirects: 0 });
    return request.post("/api/partner-invite/accept", { form: { token: t, locale }, maxRedirects: 0 });
  });
  inspector.assertClean();
});

// ---------------------------------------------------------------------------------------------

const stripeObject = fc.record(
  {
    id: fc.oneof(fc.constant("acct_1DemoPartnerUS"), text, fc.uuid().map((u) => `tr_${u}`)),
    object: fc.constantFrom("transfer", "account", "charge"),
    amount: fc.oneof(fc.integer(), fc.double(), text, fc.constant(1e308)),
    amount_reversed: fc.oneof(fc.integer(), text),
    currency: fc.oneof(fc.constantFrom("usd", "rub"), text),
    reversed: fc.oneof(fc.boolean(), text),
    created: fc.oneof(fc.integer(), text, fc.constant(1e308)),
    details_submitted: fc.oneof(fc.boolean(), text),
    payouts_enabled: fc.oneof(fc.boolean(), text),
    metadata: fc.oneof(fc.record({ payout_id: text, tenant_id: text }, { requiredKeys: [] }), fc.dictionary(text, text, { maxKeys: 3 })),
  },
  { requiredKeys: ["id", "metadata"] },
);
const stripeEvent = (data: fc.Arbitrary<unknown>) =>
  fc.record(
    {
      id: fc.oneof(fc.uuid().map((u) => `evt_${u}`), text),
      object: fc.constant("event"),
      type: fc.oneof(fc.constantFrom("transfer.created", "transfer.paid", "transfer.reversed", "transfer.updated", "account.updated", "payout.paid", "charge.succeeded"), text),
      created: fc.oneof(fc.integer(), text),
      livemode: fc.boolean(),
      data,
    },
    { requiredKeys: ["id", "type", "data"] },
  );
/** Events shaped as Stripe sends them (data.object is an object), with fuzzed values. */
const wellFormedEvent = stripeEvent(fc.record({ object: stripeObject }));
/** Events Stripe never sends: data missing or not an object. */
const malformedEvent = stripeEvent(fc.oneof(fc.constant(undefined), fc.jsonValue().filter((v) => typeof v !== "object" || v === null || Array.isArray(v)), fc.record({ other: text })));
/** JSON with its escaped control characters (\\u0000…) replaced: see the known-issue test below. */
const withoutControls = (json: string) => json.replace(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f)/gi, "?");
const signature = (payload: string, sign: string) =>
  sign === "valid" ? Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
  : sign === "wrong-secret" ? Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" })
  : sign === "none" ? null
  : sign;
const deliver = (request: APIRequestContext, { payload, sign }: { payload: string; sign: string }) => {
  const header = signature(payload, sign);
  return request.post("/api/webhooks/stripe", { headers: { "content-type": "application/json", ...(header !== null ? { "stripe-signature": header } : {}) }, data: payload });
};

test("Stripe webhook", async ({ request }) => {
  test.setTimeout(120_000);
  const anything = fc.oneof(wellFormedEvent, malformedEvent, fc.jsonValue());
  const delivery = fc.oneof(
    { weight: 6, arbitrary: wellFormedEvent.map((e) => ({ payload: withoutControls(JSON.stringify(e)), sign: "valid" })) },
    { weight: 1, arbitrary: text.map((t) => ({ payload: withoutControls(JSON.stringify(t)).slice(1, -1), sign: "valid" })) },
    { weight: 2, arbitrary: anything.map((e) => ({ payload: JSON.stringify(e) ?? "", sign: "none" })) },
    { weight: 2, arbitrary: fc.tuple(anything, text).map(([e, t]) => ({ payload: JSON.stringify(e) ?? "", sign: safeText(t) })) },
    { weight: 1, arbitrary: anything.map((e) => ({ payload: JSON.stringify(e) ?? "", sign: "wrong-secret" })) },
  );

  // Reached: a signed event of a type we do not use is accepted and ignored; an unsigned one refused.
  const ping = JSON.stringify({ id: "evt_fuzz_reach", object: "event", type: "charge.succeeded", data: { object: {} } });
  expect((await deliver(request, { payload: ping, sign: "valid" })).status()).toBe(200);
  expect((await deliver(request, { payload: ping, sign: "none" })).status()).toBe(400);

  const inspector = new Inspector("POST /api/webhooks/stripe");
  await fuzz(inspector, sample(delivery, RUNS, 11), (input) => deliver(request, input));
  inspector.assertClean();
  expect(inspector.statuses.get(200) ?? 0).toBeGreaterThan(0);
});

// Correctly signed events that Stripe never sends, but whoever holds the signing secret can: without
// data.object, or with a NUL in the event id or metadata.payout_id. They used to answer 500; the
// handler now checks the shape and the text first (400).
test("Stripe webhook: signed events without data.object or with NUL bytes", async ({ request }) => {
  const inspector = new Inspector("POST /api/webhooks/stripe (signed, malformed)");
  const nul = wellFormedEvent.map((e) => ({ ...(e as Record<string, unknown>), id: "evt_\u0000" }));
  const inputs = sample(fc.oneof(malformedEvent, nul).map((e) => ({ payload: JSON.stringify(e), sign: "valid" })), 100, 12);
  await fuzz(inspector, inputs, (input) => deliver(request, input));
  inspector.assertClean(100);
});

// A progressive-enhancement (no-JavaScript) post of any useActionState form whose action is bound in
// the client component (`useActionState(action.bind(null, locale), …)`) made React's server renderer
// retry the page forever (vercel/next.js#98045): one anonymous POST blocked the event loop. The server
// now answers such posts itself (lib/http/inbound.ts: 400 "this form needs JavaScript") before Next.
test("progressive-enhancement form post does not wedge the server", async ({ request }) => {
  const form = await actionForm(request, "/en/sign-in", (f) => !f.includes('name="password"'));
  const data = new FormData();
  for (const [name, value] of form.hidden) data.append(name, value);
  data.append("email", "not-an-email");
  const answer = await request.post("/en/sign-in", { multipart: data, headers: { origin: baseURL }, timeout: 15_000 });
  expect(answer.status()).toBe(400);
  expect(await answer.text()).toContain("JavaScript");
  // …and the server still answers.
  expect((await request.get("/en/sign-in", { timeout: 15_000 })).status()).toBe(200);
});
