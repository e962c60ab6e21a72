// The funnel's CSV route: the page's guard (404 for anyone who may not read this tenant's funnel),
// the view from the query string, the viewer's language, and the tenant's own numbers only.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { memberContext } from "../helpers/context";
import { createFunnelFixture, D1, D3, type FunnelFixture } from "../helpers/funnel-fixture";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { GET } = await import("@/app/[locale]/(staff)/t/[tenant]/funnel/export/[table]/route");

let f: FunnelFixture;
const range = `from=${D1}&to=${D3}`;

beforeAll(async () => {
  f = await createFunnelFixture();
});

async function get(userId: string | null, slug: string, table: string, query = range, locale = "en") {
  session.userId = userId;
  return GET(new Request(`http://localhost/${locale}/t/${slug}/funnel/export/${table}?${query}`), {
    params: Promise.resolve({ locale, tenant: slug, table }),
  });
}

const lines = async (res: Response) => (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");

describe("funnel CSV export", () => {
  it("answers 404 to another agency, a signed-out visitor, a partner, an unknown table or locale", async () => {
    const slug = f.a.fixture.slug;
    expect((await get(f.b.fixture.userId, slug, "summary")).status).toBe(404);
    expect((await get(null, slug, "summary")).status).toBe(404);
    expect((await get(f.a.p1.userId, slug, "summary")).status).toBe(404);
    expect((await get(f.a.fixture.userId, slug, "constructor")).status).toBe(404);
    expect((await get(f.a.fixture.userId, slug, "summary", range, "de")).status).toBe(404);
  });

  it("gives every staff role the tiles of its own tenant, each rate with its basis", async () => {
    const analyst = await memberContext(f.a.fixture, "analyst");
    const res = await get(analyst.userId, f.a.fixture.slug, "summary");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="funnel-summary-${f.a.fixture.slug}-${D1}_${D3}.csv"`);
    const rows = await lines(res);
    expect(rows).toContain("Clicks,25,,");
    expect(rows).toContain("Referrals,6,,");
    expect(rows).toContain("Click → referral (share),0.2400,6,25");

    // Tenant B's 100 clicks are B's alone.
    const b = await lines(await get(f.b.fixture.userId, f.b.fixture.slug, "summary"));
    expect(b).toContain("Clicks,100,,");
    expect(b).not.toContain("Clicks,25,,");
  });

  it("exports the raw clicks under the view's filters, in Russian with ';', bots and repeats only on request", async () => {
    const query = `${range}&partner=${f.a.p2.partnerId}`;
    const counted = await lines(await get(f.a.fixture.userId, f.a.fixture.slug, "clicks", query, "ru"));
    expect(counted[0].split(";").slice(0, 3)).toEqual(["ID", "Время (UTC)", "Ссылка"]);
    expect(counted).toHaveLength(1 + 11);
    expect(counted.slice(1).every((r) => r.includes(";Boris Ivanov;") && r.includes(";нет;"))).toBe(true);
    const all = await lines(await get(f.a.fixture.userId, f.a.fixture.slug, "clicks", `${query}&excluded=1`, "ru"));
    expect(all).toHaveLength(1 + 15);
    expect(all.slice(1).filter((r) => r.includes(";Бот;") && r.includes(";да;"))).toHaveLength(3);
  });

  it("exports the rows behind a stage tile with translated statuses", async () => {
    const rows = await lines(await get(f.a.fixture.userId, f.a.fixture.slug, "referrals", `${range}&stage=closes`, "ru"));
    expect(rows).toHaveLength(1 + 4); // R1, R4, R9 won in range + the close event E3 without a referral
    expect(rows.filter((r) => r.includes(";Сделка заключена;"))).toHaveLength(3);
    expect(rows.filter((r) => r.startsWith("Событие API;"))).toHaveLength(1);
  });
});
