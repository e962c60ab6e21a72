// Embedding (issue 16, part 6; docs/embedding.md): the agency's list of origins (Settings, validated
// and audited), the frame-ancestors header the embed routes get from it — the server's lookup by
// public slug, then proxy.ts, as scripts/server.ts chains them — and the visitor's language.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { embedSnippets } from "@/lib/embed/snippets";
import { createFrameOriginsLookup } from "@/lib/http/board-frame-origins";
import { FRAME_ORIGINS_HEADER } from "@/lib/http/inbound";
import { parseForm } from "@/lib/kernel/form";
import { workspaceSettingsInput } from "@/lib/settings/schemas";
import { updateWorkspace } from "@/lib/settings/update-workspace";
import enErrors from "@/locales/en/errors.json";
import ruErrors from "@/locales/ru/errors.json";
import { proxy } from "@/proxy";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { programIn } from "../helpers/partner-fixtures";

let a: { fixture: TenantFixture; ctx: TenantContext };
let pool: pg.Pool;

const form = (origins: string) => {
  const data = new FormData();
  data.set("name", "Embed Agency");
  data.set("reportingCurrency", "USD");
  data.set("boardEmbedOrigins", origins);
  return data;
};

/** What a page request gets: the server looks the origins up by slug, then the proxy builds the headers. */
async function pageHeaders(path: string, lookup = createFrameOriginsLookup(pool), extra: Record<string, string> = {}) {
  const headers = new Headers(extra);
  const slug = /^\/(?:en|ru)\/(?:o|apply|embed)\/([a-z0-9-]+)/.exec(path)?.[1];
  const origins = slug ? await lookup(slug) : [];
  if (origins.length) headers.set(FRAME_ORIGINS_HEADER, origins.join(" "));
  const res = proxy(new NextRequest(`http://app.test${path}`, { headers }));
  return { csp: res.headers.get("content-security-policy") ?? "", xfo: res.headers.get("x-frame-options"), location: res.headers.get("location") };
}

beforeAll(async () => {
  a = await tenantWithOwner("Embed Agency");
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
});
afterAll(() => pool.end());
afterEach(() => vi.unstubAllEnvs());

describe("the list of origins (Settings → Workspace)", () => {
  it("takes https origins, normalized and de-duplicated, and audits the change", async () => {
    const parsed = parseForm(workspaceSettingsInput, form(" https://Agency.Example/\nhttps://agency.example, https://shop.agency.example:8443 "));
    expect(parsed.ok && parsed.data.boardEmbedOrigins).toEqual(["https://agency.example", "https://shop.agency.example:8443"]);
    if (!parsed.ok) return;
    await updateWorkspace(a.ctx, parsed.data);
    expect((await prisma.tenant.findUniqueOrThrow({ where: { id: a.fixture.tenantId } })).boardEmbedOrigins).toEqual(["https://agency.example", "https://shop.agency.example:8443"]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, action: "settings.updated" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorUserId: a.ctx.userId, data: { boardEmbedOrigins: ["https://agency.example", "https://shop.agency.example:8443"] } });
  });

  it("refuses plain http, paths and wildcards with a translated message on the line", () => {
    const parsed = parseForm(workspaceSettingsInput, form("https://agency.example\nhttp://agency.example\nhttps://agency.example/embed"));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({ "boardEmbedOrigins.1": { key: "embed_origin_invalid" }, "boardEmbedOrigins.2": { key: "embed_origin_invalid" } });
    expect(enErrors.embed_origin_invalid).toContain("https://agency.example");
    expect(ruErrors.embed_origin_invalid).toContain("только https");
  });

  it("takes http://localhost while developing, not in production (unless EMBED_ALLOW_LOCALHOST=1)", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(parseForm(workspaceSettingsInput, form("http://localhost:5173")).ok).toBe(true);
    vi.stubEnv("NODE_ENV", "production");
    expect(parseForm(workspaceSettingsInput, form("http://localhost:5173")).ok).toBe(false);
    vi.stubEnv("EMBED_ALLOW_LOCALHOST", "1");
    expect(parseForm(workspaceSettingsInput, form("http://localhost:5173")).ok).toBe(true);
  });

  it("only those who manage settings change it", async () => {
    const manager = await memberContext(a.fixture, "manager");
    await expect(updateWorkspace(manager, { name: "X", reportingCurrency: "USD", boardEmbedOrigins: ["https://evil.example"] })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("frame-ancestors per origin list", () => {
  it("embed routes of an agency with origins: exactly those origins, no X-Frame-Options", async () => {
    for (const path of [`/en/embed/${a.fixture.slug}/board`, `/ru/embed/${a.fixture.slug}/board/opp1`, `/en/embed/${a.fixture.slug}/apply/prog1`]) {
      const h = await pageHeaders(path);
      expect(h.csp, path).toMatch(/frame-ancestors 'self' https:\/\/agency\.example https:\/\/shop\.agency\.example:8443$/);
      expect(h.xfo, path).toBeNull();
    }
  });

  it("an agency that lists nothing, an unknown agency, and every other page: 'none' and X-Frame-Options DENY", async () => {
    const quiet = await tenantWithOwner("Quiet Agency");
    for (const path of [`/en/embed/${quiet.fixture.slug}/board`, "/en/embed/no-such-agency/board", `/en/t/${a.fixture.slug}/settings`, `/ru/p/${a.fixture.slug}/links`, "/en/sign-in"]) {
      const h = await pageHeaders(path);
      expect(h.csp, path).toContain("frame-ancestors 'none'");
      expect(h.xfo, path).toBe("DENY");
    }
  });

  it("a client cannot add origins: the proxy only trusts the server's header, which the server resets", async () => {
    // scripts/server.ts drops a client's copy (prepareInbound); here the lookup finds nothing for this agency.
    const quiet = await tenantWithOwner("Quiet Agency 2");
    const h = await pageHeaders(`/en/embed/${quiet.fixture.slug}/board`, async () => []);
    expect(h.csp).toContain("frame-ancestors 'none'");
  });

  it("an origin stored before the rules tightened (plain http, or localhost in production) no longer counts", async () => {
    const slug = `legacy-${randomBytes(3).toString("hex")}`;
    await prisma.tenant.create({ data: { slug, name: "Legacy", boardEmbedOrigins: ["http://agency.example", "http://localhost:3000", "https://ok.example"] } });
    vi.stubEnv("NODE_ENV", "production");
    expect((await pageHeaders(`/en/embed/${slug}/board`)).csp).toMatch(/frame-ancestors 'self' https:\/\/ok\.example$/);
    vi.stubEnv("NODE_ENV", "development");
    expect((await pageHeaders(`/en/embed/${slug}/board`, createFrameOriginsLookup(pool))).csp).toMatch(/frame-ancestors 'self' http:\/\/localhost:3000 https:\/\/ok\.example$/);
  });
});

describe("the visitor's language", () => {
  it("an embed address without a locale follows Accept-Language, even over a remembered choice", async () => {
    const ru = await pageHeaders(`/embed/${a.fixture.slug}/board`, undefined, { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5", cookie: "twoway_locale=en" });
    expect(new URL(ru.location!).pathname).toBe(`/ru/embed/${a.fixture.slug}/board`);
    const en = await pageHeaders(`/embed/${a.fixture.slug}/apply/p1`, undefined, { "accept-language": "de-DE,en;q=0.8" });
    expect(new URL(en.location!).pathname).toBe(`/en/embed/${a.fixture.slug}/apply/p1`);
  });
});

describe("snippets", () => {
  it("one for the board and one per open program; invite-only and archived programs have none", async () => {
    const open = await programIn(a.fixture.tenantId, { name: "Open intros", access: "open" });
    await programIn(a.fixture.tenantId, { name: "Closed", access: "invite_only" });
    await programIn(a.fixture.tenantId, { name: "Old", access: "open", archived: true });
    const s = await embedSnippets(a.ctx, "https://twoway.example/");
    expect(s.board).toBe(`<script src="https://twoway.example/embed.js" data-tenant="${a.fixture.slug}" async></script>`);
    expect(s.programs).toEqual([{ id: open.id, name: "Open intros", snippet: `<script src="https://twoway.example/embed.js" data-tenant="${a.fixture.slug}" data-program="${open.id}" async></script>` }]);
  });
});
