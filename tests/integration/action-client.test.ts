import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { log } from "@/lib/ops/log";
import { memberContext, tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";

// The action client (lib/actions): what every server action gets from it — guard, target check,
// parsing, error mapping, revalidation and redirect — checked once here on small test actions.

const session = vi.hoisted(() => ({ userId: null as string | null }));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string, type?: string) => void revalidated.push(type ? `${path} (${type})` : path) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-twoway-client-ip": "198.51.100.7" }) }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { partnerAction, tenantAction, tenantCall, userAction } = await import("@/lib/actions/client");
const { guestAction, publicAction } = await import("@/lib/actions/public-client");
const { stateless } = await import("@/lib/actions/define-action");

const schema = z.object({ name: z.string().trim().min(1).max(5), password: z.string().optional() });
const ran: string[] = [];

const saveAction = tenantAction({
  permission: "directory:write",
  target: { id: z.string() },
  schema,
  values: { omit: ["password"] },
  errorFields: { name_taken: "name" },
  run: async ({ ctx, target, input, paths, revalidate, redirect }) => {
    ran.push(input.name);
    revalidate(paths.staff("brands"), "layout");
    if (input.name === "dup") throw new DomainError("name_taken");
    if (input.name === "gone") throw new NotFoundError();
    if (input.name === "boom") throw new Error("connection to 10.0.0.5 refused");
    if (input.name === "go") redirect(paths.staff(`brands/${target.id}?saved=1`));
    return { ok: true, message: { key: "saved" }, slug: ctx.slug };
  },
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** What Next's redirect()/notFound() threw (their digest), or a failure when nothing was thrown. */
async function thrown(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as { digest?: string }).digest ?? String(error);
  }
  throw new Error("expected the action to throw");
}

let a: { fixture: TenantFixture };
let b: { fixture: TenantFixture };

beforeAll(async () => {
  a = await tenantWithOwner("Action client A");
  b = await tenantWithOwner("Action client B");
});

afterEach(() => {
  session.userId = null;
  revalidated.length = 0;
  ran.length = 0;
  vi.restoreAllMocks();
});

const target = () => ({ locale: "en", tenant: a.fixture.slug, id: "brand-1" });

describe("the guard", () => {
  it("sends a signed-out caller to sign-in in the page's language, and runs nothing", async () => {
    expect(await thrown(saveAction({ ...target(), locale: "ru" }, {}, form({ name: "Ann" })))).toMatch(/^NEXT_REDIRECT;\w+;\/ru\/sign-in;/);
    expect(ran).toEqual([]);
  });

  it("answers another agency's tenant exactly like a tenant that does not exist: 404", async () => {
    session.userId = b.fixture.userId;
    expect(await thrown(saveAction(target(), {}, form({ name: "Ann" })))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await thrown(saveAction({ ...target(), tenant: "no-such-agency" }, {}, form({ name: "Ann" })))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(ran).toEqual([]);
  });

  it("answers a member without the permission with 'forbidden', keeping what they typed", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    session.userId = analyst.userId;
    expect(await saveAction(target(), {}, form({ name: "Ann", password: "secret" }))).toEqual({ ok: false, message: { key: "forbidden" }, values: { name: "Ann" } });
    expect(ran).toEqual([]);
  });

  it("answers a target the forms never bind with 404 before anything runs", async () => {
    session.userId = a.fixture.userId;
    for (const bad of [{ locale: "en", tenant: a.fixture.slug }, { ...target(), id: 42 }, { locale: "en", id: "x" }, "en", null]) {
      expect(await thrown(saveAction(bad as never, {}, form({ name: "Ann" })))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    }
    expect(ran).toEqual([]);
  });

  it("partner actions admit only an active partner of the tenant", async () => {
    const partner = await partnerWithContext(a.fixture);
    const whoAmI = partnerAction({ run: async ({ ctx }) => ({ ok: true, message: { key: ctx.partnerId } }) });
    session.userId = a.fixture.userId; // staff, not a partner
    expect(await thrown(whoAmI({ locale: "en", tenant: a.fixture.slug }, {}))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    session.userId = partner.userId;
    expect(await whoAmI({ locale: "en", tenant: a.fixture.slug }, {})).toEqual({ ok: true, message: { key: partner.partnerId } });
    expect(await thrown(whoAmI({ locale: "en", tenant: b.fixture.slug }, {}))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("user actions need a session and get the signed-in user", async () => {
    const whoAmI = userAction({ run: async ({ ctx }) => ({ ok: true, message: { key: ctx.id } }) });
    expect(await thrown(whoAmI({ locale: "en" }, {}))).toMatch(/^NEXT_REDIRECT;\w+;\/en\/sign-in;/);
    session.userId = a.fixture.userId;
    expect(await whoAmI({ locale: "en" }, {})).toEqual({ ok: true, message: { key: a.fixture.userId } });
  });
});

describe("parsing", () => {
  it("answers invalid input with translated field errors and what was typed, minus secrets, without running the body", async () => {
    session.userId = a.fixture.userId;
    const state = await saveAction(target(), {}, form({ name: "Annabel", password: "secret", "__proto__.polluted": "yes" }));
    expect(state).toEqual({
      ok: false,
      fieldErrors: { name: { key: "too_long", values: { max: 5 } }, "__proto__.polluted": { key: "field_name_invalid" } },
      values: { name: "Annabel" },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await saveAction(target(), {}, form({ name: " " }))).toMatchObject({ ok: false, fieldErrors: { name: { key: "required" } } });
    expect(ran).toEqual([]);
    expect(revalidated).toEqual([]);
  });

  it("parse() and invalid() in a body answer the same way; fieldAsMessage repeats a field's error as the message", async () => {
    session.userId = a.fixture.userId;
    const pick = tenantAction({
      permission: "directory:write",
      fieldAsMessage: "ids",
      run: async ({ parse, invalid }) => {
        const { ids } = parse(z.object({ ids: z.string().min(1, { message: "select_some" }) }));
        if (ids === "0") invalid("ids", "none_left");
        return { ok: true };
      },
    });
    expect(await pick({ locale: "en", tenant: a.fixture.slug }, {}, form({ ids: "" }))).toEqual({
      ok: false, fieldErrors: { ids: { key: "select_some" } }, message: { key: "select_some" }, values: { ids: "" },
    });
    expect(await pick({ locale: "en", tenant: a.fixture.slug }, {}, form({ ids: "0" }))).toMatchObject({ ok: false, message: { key: "none_left" } });
  });

  it("a form without fields echoes nothing, and `values: false` echoes nothing", async () => {
    session.userId = a.fixture.userId;
    const button = tenantAction({ permission: "directory:write", run: async () => { throw new DomainError("locked"); } });
    expect(await button({ locale: "en", tenant: a.fixture.slug }, {})).toEqual({ ok: false, message: { key: "locked" } });
    const quiet = tenantAction({ permission: "directory:write", schema, values: false, run: async () => undefined });
    expect(await quiet({ locale: "en", tenant: a.fixture.slug }, {}, form({ name: "" }))).toEqual({ ok: false, fieldErrors: { name: { key: "required" } } });
  });
});

describe("failures", () => {
  it("answers a DomainError with its code as the message key, or as a field's error when the action maps it", async () => {
    session.userId = a.fixture.userId;
    expect(await saveAction(target(), {}, form({ name: "gone" }))).toEqual({ ok: false, message: { key: "not_found" }, values: { name: "gone" } });
    expect(await saveAction(target(), {}, form({ name: "dup" }))).toEqual({ ok: false, fieldErrors: { name: { key: "name_taken" } }, values: { name: "dup" } });
  });

  it("logs anything else and answers with the generic message, never the error's text", async () => {
    session.userId = a.fixture.userId;
    const logged = vi.spyOn(log(), "error").mockImplementation(() => undefined);
    const state = await saveAction(target(), {}, form({ name: "boom" }));
    expect(state).toEqual({ ok: false, message: { key: "unexpected" }, values: { name: "boom" } });
    expect(JSON.stringify(state)).not.toContain("10.0.0.5");
    expect(logged).toHaveBeenCalledWith({ err: expect.objectContaining({ message: "connection to 10.0.0.5 refused" }) }, "action failed");
  });

  it("revalidates nothing when the body fails after asking for it", async () => {
    session.userId = a.fixture.userId;
    await saveAction(target(), {}, form({ name: "dup" }));
    expect(revalidated).toEqual([]);
  });

  it("lets Next's notFound() from a body through", async () => {
    session.userId = a.fixture.userId;
    const { notFound } = await import("next/navigation");
    const missing = tenantAction({ permission: "directory:read", run: async () => notFound() });
    expect(await thrown(missing({ locale: "en", tenant: a.fixture.slug }, {}))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("stateless() throws a failure (the error page) and resolves a success", async () => {
    session.userId = a.fixture.userId;
    await expect(stateless(saveAction)(target(), form({ name: "gone" }))).rejects.toThrow("not_found");
    await expect(stateless(saveAction)(target(), form({ name: "Ann" }))).resolves.toBeUndefined();
  });
});

describe("success", () => {
  it("returns the body's state and revalidates what it asked for, in the target's locale and tenant", async () => {
    session.userId = a.fixture.userId;
    expect(await saveAction(target(), {}, form({ name: "Ann" }))).toEqual({ ok: true, message: { key: "saved" }, slug: a.fixture.slug });
    expect(revalidated).toEqual([`/en/t/${a.fixture.slug}/brands (layout)`]);
  });

  it("redirects after revalidating; the redirect passes through", async () => {
    session.userId = a.fixture.userId;
    const digest = await thrown(saveAction({ ...target(), locale: "ru" }, {}, form({ name: "go" })));
    expect(digest).toMatch(new RegExp(`^NEXT_REDIRECT;\\w+;/ru/t/${a.fixture.slug}/brands/brand-1\\?saved=1;`));
    expect(revalidated).toEqual([`/ru/t/${a.fixture.slug}/brands (layout)`]);
  });

  it("uses English paths for a locale that is not ours", async () => {
    session.userId = a.fixture.userId;
    await saveAction({ ...target(), locale: "../../x" }, {}, form({ name: "Ann" }));
    expect(revalidated).toEqual([`/en/t/${a.fixture.slug}/brands (layout)`]);
  });
});

describe("public and guest actions", () => {
  it("parse first, then the per-address limit, then the body", async () => {
    const seen: string[] = [];
    let allow = false;
    const optIn = publicAction({
      target: { id: z.string() },
      schema,
      rateLimit: { allow: async (ip) => (seen.push(ip), allow), code: "opt_in_rate_limited" },
      run: async ({ target, input, paths }) => ({ ok: true, message: { key: `${target.tenant}/${target.id}/${input.name}` }, board: paths.board() }),
    });
    const board = { locale: "ru", tenant: "northstar", id: "opp" };
    expect(await optIn(board, {}, form({ name: "" }))).toMatchObject({ ok: false, fieldErrors: { name: { key: "required" } } });
    expect(seen).toEqual([]);
    expect(await optIn(board, {}, form({ name: "Ann" }))).toEqual({ ok: false, message: { key: "opt_in_rate_limited" }, values: { name: "Ann" } });
    expect(seen).toEqual(["198.51.100.7"]);
    allow = true;
    expect(await optIn(board, {}, form({ name: "Ann" }))).toEqual({ ok: true, message: { key: "northstar/opp/Ann" }, board: "/ru/o/northstar" });
  });

  it("guest actions run without a session, in the target's locale", async () => {
    const hello = guestAction({ run: async ({ locale, redirect, paths }) => redirect(paths.root(`check-email?l=${locale}`)) });
    expect(await thrown(hello({ locale: "ru" }, {}))).toMatch(/^NEXT_REDIRECT;\w+;\/ru\/check-email\?l=ru;/);
  });
});

describe("tenantCall (a payload, not a form)", () => {
  const chunk = tenantCall({
    permission: "events:import",
    schema: z.strictObject({ rows: z.array(z.string()).max(2) }),
    invalid: "chunk_invalid",
    run: async ({ input }) => {
      if (input.rows.includes("dup")) throw new DomainError("duplicate_row");
      if (input.rows.includes("boom")) throw new Error("disk full");
      return { imported: input.rows.length };
    },
  });

  it("checks the guard, then the payload, and answers with the result or an errors key", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    session.userId = analyst.userId;
    expect(await chunk({ locale: "en", tenant: a.fixture.slug }, { rows: ["a"] })).toEqual({ ok: false, code: "forbidden" });
    session.userId = a.fixture.userId;
    expect(await chunk({ locale: "en", tenant: a.fixture.slug }, { rows: ["a", "b", "c"] })).toEqual({ ok: false, code: "chunk_invalid" });
    expect(await chunk({ locale: "en", tenant: a.fixture.slug }, { rows: ["a"], extra: 1 })).toEqual({ ok: false, code: "chunk_invalid" });
    expect(await chunk({ locale: "en", tenant: a.fixture.slug }, { rows: ["dup"] })).toEqual({ ok: false, code: "duplicate_row" });
    const logged = vi.spyOn(log(), "error").mockImplementation(() => undefined);
    expect(await chunk({ locale: "en", tenant: a.fixture.slug }, { rows: ["boom"] })).toEqual({ ok: false, code: "unexpected" });
    expect(logged).toHaveBeenCalledOnce();
    expect(await chunk({ locale: "en", tenant: a.fixture.slug }, { rows: ["a", "b"] })).toEqual({ ok: true, result: { imported: 2 } });
    session.userId = b.fixture.userId;
    expect(await thrown(chunk({ locale: "en", tenant: a.fixture.slug }, { rows: ["a"] }))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
