// The contexts lib/auth makes (docs/security.md, "Two walls"): the route handlers' guards answer
// strangers, other tenants' members, missing permissions and unknown locales with the same 404;
// PublicContext and SystemContext hand out clients scoped to one tenant (RLS) or the owner's.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { resolvePublicContext } from "@/lib/auth/contexts/public";
import { systemContext } from "@/lib/auth/contexts/system";
import { resolveUserContext } from "@/lib/auth/contexts/user";
import { NotFoundError } from "@/lib/kernel/errors";
import { memberContext, tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { withPartnerRoute, withTenantRoute } = await import("@/lib/auth/route");

let a: TenantFixture;
let b: TenantFixture;
let partnerUserId: string;

beforeAll(async () => {
  a = (await tenantWithOwner("Contexts A")).fixture;
  b = (await tenantWithOwner("Contexts B")).fixture;
  partnerUserId = (await partnerWithContext(a)).userId;
});

type P = { locale: string; tenant: string; id: string };
const call = (handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>, userId: string | null, params: P) => {
  session.userId = userId;
  return handler(new Request(`http://localhost/${params.locale}/x`), { params: Promise.resolve(params) });
};

describe("withTenantRoute", () => {
  const route = withTenantRoute<P>("referrals:read", async (_request, ctx, { locale, id }) => {
    if (id === "missing") throw new NotFoundError();
    return new Response(`${ctx.slug} ${ctx.role} ${locale} ${id}`);
  });

  it("hands the handler a TenantContext of the tenant in the URL", async () => {
    const res = await call(route, a.userId, { locale: "ru", tenant: a.slug, id: "r1" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`${a.slug} owner ru r1`);
  });

  it("answers 404 to a stranger, another tenant's member, a partner, a missing permission, an unknown locale and a NotFoundError", async () => {
    const noPermission = withTenantRoute<P>("payouts:manage", async () => new Response("ok"));
    const analyst = await memberContext(a, "analyst");
    const cases = [
      await call(route, null, { locale: "en", tenant: a.slug, id: "r1" }),
      await call(route, b.userId, { locale: "en", tenant: a.slug, id: "r1" }),
      await call(route, partnerUserId, { locale: "en", tenant: a.slug, id: "r1" }),
      await call(route, a.userId, { locale: "de", tenant: a.slug, id: "r1" }),
      await call(route, a.userId, { locale: "en", tenant: "no-such-agency", id: "r1" }),
      await call(route, a.userId, { locale: "en", tenant: a.slug, id: "missing" }),
      await call(noPermission, analyst.userId, { locale: "en", tenant: a.slug, id: "r1" }),
    ];
    expect(cases.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(await cases[1].text()).toBe(await cases[0].text());
  });
});

describe("withPartnerRoute", () => {
  const route = withPartnerRoute<P>(async (_request, ctx) => new Response(`${ctx.slug} ${ctx.partnerName}`));

  it("lets an active partner of the tenant in, and nobody else", async () => {
    expect((await call(route, partnerUserId, { locale: "en", tenant: a.slug, id: "x" })).status).toBe(200);
    expect((await call(route, partnerUserId, { locale: "en", tenant: b.slug, id: "x" })).status).toBe(404);
    expect((await call(route, a.userId, { locale: "en", tenant: a.slug, id: "x" })).status).toBe(404);
    expect((await call(route, null, { locale: "en", tenant: a.slug, id: "x" })).status).toBe(404);
  });
});

describe("PublicContext, SystemContext, UserContext", () => {
  it("a public context is its slug's tenant, and its client sees only that tenant's rows", async () => {
    const ctx = (await resolvePublicContext(a.slug))!;
    expect(ctx).toMatchObject({ tenantId: a.tenantId, id: a.tenantId, slug: a.slug });
    expect(await resolvePublicContext("no-such-agency")).toBeNull();
    // Row-level security: even a query without a tenant filter returns this tenant's rows only.
    const rows = await ctx.db.$queryRaw<{ tenantId: string }[]>`SELECT DISTINCT "tenantId" FROM "Membership"`;
    expect(rows).toEqual([{ tenantId: a.tenantId }]);
  });

  it("a system context's forTenant is scoped the same way; its db is the owner's", async () => {
    const system = systemContext("commission-job");
    const scoped = await system.forTenant(b.tenantId).$queryRaw<{ tenantId: string }[]>`SELECT DISTINCT "tenantId" FROM "Membership"`;
    expect(scoped).toEqual([{ tenantId: b.tenantId }]);
    const owner = await system.db.membership.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } });
    expect(owner).toBeGreaterThanOrEqual(2);
  });

  it("a user context exists only for a user that exists", async () => {
    expect((await resolveUserContext(a.userId))?.user.id).toBe(a.userId);
    expect(await resolveUserContext("no-such-user")).toBeNull();
  });
});
