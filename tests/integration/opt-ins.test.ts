import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { refCookieName, signRefCookie } from "@/lib/opportunities/attribution";
import { BOARD_CONSENT_VERSION } from "@/lib/opportunities/codes";
import { boardConsentText, submitOptIn, type OptInMeta } from "@/lib/opportunities/opt-in";
import { OPT_INS_PER_HOUR } from "@/lib/opportunities/opt-in-rate-limit";
import { optInInput, type OptInInput } from "@/lib/opportunities/schemas";
import { shareVisitCookie } from "@/lib/opportunities/share-visit";
import { partnerWithCode, poolProgram, postedOpportunity } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";

const SECRET = "opt-in-test-secret-0123456789abcdef";
process.env.AUTH_SECRET = SECRET;

// The public action reads the visitor's IP and cookies from the request.
const request = vi.hoisted(() => ({ ip: "203.0.113.1", cookies: new Map<string, string>() }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-twoway-client-ip": request.ip }),
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined) }),
}));
const { optInAction } = await import("@/lib/opportunities/public-actions");
const { GET: refRoute } = await import("@/app/api/board/ref/route");

const DAY = 86_400;
const nowS = () => Math.floor(Date.now() / 1000);

let a: { fixture: TenantFixture; ctx: TenantContext };
let b: { fixture: TenantFixture; ctx: TenantContext };
let lastClick: { id: string };
let firstClick: { id: string };
let open: { id: string };
let firstClickOpen: { id: string };
let forBrands: { id: string };
const partners: Record<string, { id: string }> = {};

beforeAll(async () => {
  a = await tenantWithOwner("Board Credit");
  b = await tenantWithOwner("Board Other");
  partners.alice = await partnerWithCode(a.fixture, "aaaaaaaa");
  partners.boris = await partnerWithCode(a.fixture, "bbbbbbbb");
  partners.suspended = await partnerWithCode(a.fixture, "ssssssss", "suspended");
  partners.unenrolled = await partnerWithCode(a.fixture, "uuuuuuuu");
  partners.foreign = await partnerWithCode(b.fixture, "ffffffff");
  const enrolled = [partners.alice.id, partners.boris.id, partners.suspended.id];
  lastClick = await poolProgram(a.fixture, enrolled, { attributionWindowDays: 30 });
  firstClick = await poolProgram(a.fixture, enrolled, { attributionModel: "first_click", attributionWindowDays: 14 });
  open = await postedOpportunity(a.fixture, lastClick.id);
  firstClickOpen = await postedOpportunity(a.fixture, firstClick.id);
  forBrands = await postedOpportunity(a.fixture, lastClick.id, { side: "creator_seeks_brands" });
});

function form(overrides: Record<string, unknown> = {}): OptInInput {
  return optInInput.parse({
    kind: "creator", name: "Jess Glow", market: "US", country: "US", website: "",
    platforms: [{ platform: "tiktok", handle: "@JessGlow", audienceSize: "125 000" }],
    contactName: "Jess", contactEmail: `jess-${randomBytes(3).toString("hex")}@glow.test`, pitch: "US beauty creator, 3 brand deals this year.", consent: "yes",
    ...overrides,
  });
}

function meta(cookies: Record<string, string> = {}, extra: Partial<OptInMeta> = {}): OptInMeta {
  return { locale: "en", ip: "198.51.100.7", cookies: { get: (name) => (name in cookies ? { value: cookies[name] } : undefined) }, ...extra };
}

const cookieFor = (slug: string, code: string, issuedAt = nowS()) => ({ [refCookieName(slug)]: signRefCookie(slug, { code, issuedAt }, SECRET) });
const target = (opportunityId = open.id, slug = a.fixture.slug) => ({ slug, opportunityId });
const rowsFor = (contactEmail: string) => prisma.optIn.findMany({ where: { contactEmail } });

describe("an opt-in", () => {
  it("is stored with its consent record: version, exact text, time and language", async () => {
    const input = form({ name: "Анна Смирнова", market: "RU", country: "RU" });
    const before = new Date();
    expect(await submitOptIn(target(), input, meta({}, { locale: "ru" }))).toBe("received");
    const [row] = await rowsFor(input.contactEmail);
    expect(row).toMatchObject({
      tenantId: a.fixture.tenantId, opportunityId: open.id, kind: "creator", name: "Анна Смирнова", market: "RU", status: "new", partnerId: null, locale: "ru",
      consentVersion: BOARD_CONSENT_VERSION, consentText: boardConsentText("ru", "Board Credit"),
      platforms: [{ platform: "tiktok", handle: "@JessGlow", handleNormalized: "jessglow", audienceSize: 125_000 }],
    });
    expect(row.consentText).toContain("Я даю согласие агентству Board Credit");
    expect(row.consentedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // Only a salted hash of the IP is kept.
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ipHash).not.toContain("198.51.100.7");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: row.id } });
    expect(audit).toMatchObject({ tenantId: a.fixture.tenantId, action: "opt_in.received", actorUserId: null });
  });

  it("from the same e-mail twice is one row and a friendly answer", async () => {
    const input = form();
    expect(await submitOptIn(target(), input, meta())).toBe("received");
    expect(await submitOptIn(target(), { ...input, name: "Jess again" }, meta())).toBe("already_received");
    const [first, second] = await Promise.all([submitOptIn(target(forBrands.id), { ...input, kind: "brand" }, meta()), submitOptIn(target(forBrands.id), { ...input, kind: "brand" }, meta())]);
    expect([first, second].sort()).toEqual(["already_received", "received"]);
    expect((await rowsFor(input.contactEmail)).map((r) => r.opportunityId).sort()).toEqual([open.id, forBrands.id].sort());
  });

  it("with the honeypot filled answers normally and stores nothing", async () => {
    const input = form({ homepage: "http://spam.example" });
    expect(await submitOptIn(target(), input, meta())).toBe("received");
    expect(await rowsFor(input.contactEmail)).toEqual([]);
  });

  it("must come from the side the opportunity asks for", async () => {
    const input = form({ kind: "brand" });
    await expect(submitOptIn(target(), input, meta())).rejects.toMatchObject({ code: "opt_in_kind_mismatch" });
    expect(await rowsFor(input.contactEmail)).toEqual([]);
  });

  it("cannot be attached to another agency's opportunity, or to one that is not open", async () => {
    const foreignProgram = await poolProgram(b.fixture);
    const foreign = await postedOpportunity(b.fixture, foreignProgram.id);
    const draft = await postedOpportunity(a.fixture, lastClick.id, { status: "draft" });
    const closed = await postedOpportunity(a.fixture, lastClick.id, { status: "closed" });
    const input = form();
    // Agency B's opportunity id under agency A's address, and the other way round.
    await expect(submitOptIn(target(foreign.id), input, meta())).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitOptIn(target(open.id, b.fixture.slug), input, meta())).rejects.toBeInstanceOf(NotFoundError);
    for (const id of [draft.id, closed.id, "missing"]) await expect(submitOptIn(target(id), input, meta())).rejects.toBeInstanceOf(NotFoundError);
    expect(await rowsFor(input.contactEmail)).toEqual([]);
    expect(await prisma.optIn.count({ where: { tenantId: b.fixture.tenantId } })).toBe(0);
  });

  it("is refused after the deadline", async () => {
    const late = await postedOpportunity(a.fixture, lastClick.id, { deadline: new Date(Date.now() - 2 * DAY * 1000) });
    await expect(submitOptIn(target(late.id), form(), meta())).rejects.toMatchObject({ code: "opportunity_unavailable" });
  });
});

describe("partner credit", () => {
  const creditedTo = async (cookies: Record<string, string>, opportunityId = open.id) => {
    const input = form();
    await submitOptIn(target(opportunityId), input, meta(cookies));
    return (await rowsFor(input.contactEmail))[0].partnerId;
  };

  it("goes to the partner whose link was opened inside the attribution window", async () => {
    expect(await creditedTo(cookieFor(a.fixture.slug, "aaaaaaaa"))).toBe(partners.alice.id);
    expect(await creditedTo(cookieFor(a.fixture.slug, "bbbbbbbb", nowS() - 29 * DAY))).toBe(partners.boris.id);
  });

  it("lapses outside the program's window", async () => {
    expect(await creditedTo(cookieFor(a.fixture.slug, "aaaaaaaa", nowS() - 31 * DAY))).toBeNull();
    // The first-click program's window is 14 days.
    expect(await creditedTo(cookieFor(a.fixture.slug, "aaaaaaaa", nowS() - 15 * DAY), firstClickOpen.id)).toBeNull();
    expect(await creditedTo(cookieFor(a.fixture.slug, "aaaaaaaa", nowS() - 13 * DAY), firstClickOpen.id)).toBe(partners.alice.id);
  });

  it("ignores a forged, re-dated or foreign cookie", async () => {
    const name = refCookieName(a.fixture.slug);
    const genuine = cookieFor(a.fixture.slug, "aaaaaaaa")[name];
    const [code, issued, mac] = genuine.split(".");
    expect(await creditedTo({ [name]: `bbbbbbbb.${issued}.${mac}` })).toBeNull();
    expect(await creditedTo({ [name]: `${code}.${Number(issued) - DAY}.${mac}` })).toBeNull();
    expect(await creditedTo({ [name]: `${code}.${issued}.${"A".repeat(43)}` })).toBeNull();
    // Signed for agency B, presented to agency A.
    expect(await creditedTo({ [name]: cookieFor(b.fixture.slug, "aaaaaaaa")[refCookieName(b.fixture.slug)] })).toBeNull();
  });

  it("is not given to a suspended, unenrolled or other agency's partner", async () => {
    expect(await creditedTo(cookieFor(a.fixture.slug, "ssssssss"))).toBeNull();
    expect(await creditedTo(cookieFor(a.fixture.slug, "uuuuuuuu"))).toBeNull();
    expect(await creditedTo(cookieFor(a.fixture.slug, "ffffffff"))).toBeNull();
  });
});

describe("opening a share link", () => {
  const visit = (code: string, existing?: string, opportunityId: string | null = open.id) =>
    shareVisitCookie({ slug: a.fixture.slug, opportunityId, code, existingCookie: existing });
  const claimOf = (value: string | undefined) => value?.split(".").slice(0, 2);

  it("sets a signed cookie for the program's window for a valid partner", async () => {
    const cookie = await visit("AAAAAAAA");
    expect(cookie).toMatchObject({ name: `tw_ref_${a.fixture.slug}`, maxAge: 30 * DAY });
    expect(claimOf(cookie?.value)?.[0]).toBe("aaaaaaaa");
  });

  it("sets nothing for an unknown, suspended, unenrolled or other agency's code", async () => {
    for (const code of ["zzzzzzzz", "ssssssss", "uuuuuuuu", "ffffffff", "not a code"]) expect(await visit(code), code).toBeNull();
  });

  it("last click: a newer link replaces the earlier partner", async () => {
    const earlier = cookieFor(a.fixture.slug, "aaaaaaaa", nowS() - DAY)[refCookieName(a.fixture.slug)];
    expect(claimOf((await visit("bbbbbbbb", earlier))?.value)?.[0]).toBe("bbbbbbbb");
  });

  it("first click: a valid earlier partner is kept; an expired or suspended one is replaced", async () => {
    const name = refCookieName(a.fixture.slug);
    const earlier = cookieFor(a.fixture.slug, "aaaaaaaa", nowS() - DAY)[name];
    expect(await visit("bbbbbbbb", earlier, firstClickOpen.id)).toBeNull();
    const expired = cookieFor(a.fixture.slug, "aaaaaaaa", nowS() - 15 * DAY)[name];
    expect(claimOf((await visit("bbbbbbbb", expired, firstClickOpen.id))?.value)?.[0]).toBe("bbbbbbbb");
    const suspended = cookieFor(a.fixture.slug, "ssssssss", nowS() - DAY)[name];
    expect(claimOf((await visit("bbbbbbbb", suspended, firstClickOpen.id))?.value)?.[0]).toBe("bbbbbbbb");
    const forged = `aaaaaaaa.${nowS() - DAY}.${"A".repeat(43)}`;
    expect(claimOf((await visit("bbbbbbbb", forged, firstClickOpen.id))?.value)?.[0]).toBe("bbbbbbbb");
  });

  it("from the board's list uses the partner's longest window", async () => {
    expect(await visit("aaaaaaaa", undefined, null)).toMatchObject({ maxAge: 30 * DAY });
  });

  it("goes through /api/board/ref: an HttpOnly, SameSite=Lax cookie, then back without the code", async () => {
    const url = `http://app.test/api/board/ref?t=${a.fixture.slug}&o=${open.id}&ref=aaaaaaaa&l=ru`;
    const response = await refRoute(new NextRequest(url));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/ru/o/${a.fixture.slug}/${open.id}`);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain(`tw_ref_${a.fixture.slug}=aaaaaaaa.`);
    expect(setCookie).toMatch(/Max-Age=2592000/i);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Path=\//i);

    const bad = await refRoute(new NextRequest(`http://app.test/api/board/ref?t=${a.fixture.slug}&o=${open.id}&ref=zzzzzzzz&l=en`));
    expect(bad.headers.get("location")).toBe(`/en/o/${a.fixture.slug}/${open.id}`);
    expect(bad.headers.get("set-cookie")).toBeNull();
    const evil = await refRoute(new NextRequest("http://app.test/api/board/ref?t=//evil.example&ref=aaaaaaaa&l=en"));
    expect(evil.headers.get("location")).toBe("/");
  });
});

describe("the public form action", () => {
  const formData = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  const valid = () => ({
    kind: "creator", name: "Jess Glow", market: "US", country: "US", website: "jessglow.example", contactEmail: `act-${randomBytes(3).toString("hex")}@glow.test`, consent: "yes",
  });
  const act = (fields: Record<string, string>, id = open.id) => optInAction({ locale: "en", tenant: a.fixture.slug, id }, {}, formData(fields));

  it("thanks the visitor and credits the partner from the cookie", async () => {
    request.ip = "192.0.2.10";
    request.cookies = new Map(Object.entries(cookieFor(a.fixture.slug, "aaaaaaaa")));
    const fields = valid();
    expect(await act(fields)).toEqual({ ok: true, message: { key: "received" } });
    expect(await act(fields)).toEqual({ ok: true, message: { key: "already_received" } });
    expect((await rowsFor(fields.contactEmail)).map((r) => r.partnerId)).toEqual([partners.alice.id]);
    request.cookies = new Map();
  });

  it("answers mistakes per field and keeps what was typed", async () => {
    request.ip = "192.0.2.11";
    const result = await act({ ...valid(), contactEmail: "nope", consent: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { contactEmail: { key: "invalid_email" }, consent: { key: "consent_required" } }, values: { name: "Jess Glow" } });
  });

  it("never throws: a closed or foreign opportunity is a translated message", async () => {
    request.ip = "192.0.2.12";
    expect(await act(valid(), "missing")).toMatchObject({ ok: false, message: { key: "opportunity_unavailable" } });
    expect(await act({ ...valid(), kind: "brand" })).toMatchObject({ ok: false, message: { key: "opt_in_kind_mismatch" } });
  });

  it(`accepts ${OPT_INS_PER_HOUR} opt-ins per hour from one IP and refuses the next`, async () => {
    request.ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < OPT_INS_PER_HOUR; i++) expect(await act(valid())).toMatchObject({ ok: true });
    const refused = valid();
    expect(await act(refused)).toMatchObject({ ok: false, message: { key: "opt_in_rate_limited" } });
    expect(await rowsFor(refused.contactEmail)).toEqual([]);
    // Another network is not affected.
    request.ip = "192.0.2.99";
    expect(await act(valid())).toMatchObject({ ok: true });
  });
});

it("every code the board answers with is translated in both languages", async () => {
  const { default: en } = await import("@/locales/en/errors.json");
  const { default: ru } = await import("@/locales/ru/errors.json");
  for (const code of ["opportunity_unavailable", "opt_in_kind_mismatch", "opt_in_rate_limited", "opt_in_identity_required", "consent_required"]) {
    expect([code in en, code in ru], code).toEqual([true, true]);
  }
});
