// Time zones (issue 15, part 3): the agency's zone (owners/admins, audited, validated with a
// translated error, per tenant), a person's own zone for staff and partners, the zone a new agency
// starts with, and times rendered in the viewer's zone.
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resolvePartnerContext } from "@/lib/auth/contexts/partner";
import { resolveTenantContext } from "@/lib/auth/contexts/tenant";
import { signUp, signUpSchema } from "@/lib/auth/sign-up";
import en from "@/locales/en/errors.json";
import ru from "@/locales/ru/errors.json";
import { transitionForm } from "@/lib/referrals/transition-schemas";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-twoway-client-ip": "198.51.100.10" }) }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { setPersonalTimeZoneAction, updateAgencyTimeZoneAction } = await import("@/lib/settings/actions");
const { AuditTimeline } = await import("@/components/audit/audit-timeline");
const { getT } = await import("@/lib/i18n/server");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const zoneOf = async (tenantId: string) => (await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } })).timeZone;

let a: { fixture: TenantFixture };
let b: { fixture: TenantFixture };
beforeAll(async () => {
  a = await tenantWithOwner("Zone Agency A");
  b = await tenantWithOwner("Zone Agency B");
});
afterEach(() => { session.userId = null; });

describe("the agency's time zone (Settings)", () => {
  it("is UTC for a new agency; the owner sets it, the change is audited and every context reads it", async () => {
    expect(await zoneOf(a.fixture.tenantId)).toBe("UTC");
    session.userId = a.fixture.userId;
    const state = await updateAgencyTimeZoneAction({ locale: "ru", tenant: a.fixture.slug }, {}, form({ timeZone: "Europe/Moscow" }));
    expect(state).toMatchObject({ ok: true, message: { key: "settings_saved" } });
    expect(await zoneOf(a.fixture.tenantId)).toBe("Europe/Moscow");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, action: "settings.time_zone_changed" } });
    expect(audit).toMatchObject({ actorUserId: a.fixture.userId, entityType: "Tenant", entityId: a.fixture.tenantId, data: { from: "UTC", to: "Europe/Moscow" } });
    const ctx = await resolveTenantContext(a.fixture.userId, a.fixture.slug);
    expect(ctx).toMatchObject({ timeZone: "Europe/Moscow", viewerTimeZone: "Europe/Moscow" });
    // Saving the same zone again records nothing new.
    await updateAgencyTimeZoneAction({ locale: "ru", tenant: a.fixture.slug }, {}, form({ timeZone: "europe/moscow" }));
    expect(await prisma.auditLog.count({ where: { tenantId: a.fixture.tenantId, action: "settings.time_zone_changed" } })).toBe(1);
  });

  it("accepts a city for a zone and refuses an unknown zone with a translated field error", async () => {
    session.userId = b.fixture.userId;
    expect(await updateAgencyTimeZoneAction({ locale: "en", tenant: b.fixture.slug }, {}, form({ timeZone: "new york" }))).toMatchObject({ ok: true });
    expect(await zoneOf(b.fixture.tenantId)).toBe("America/New_York");
    for (const bad of ["Mars/Olympus", "", "Europe/Moscow; DROP TABLE", "+03:00"]) {
      const state = await updateAgencyTimeZoneAction({ locale: "ru", tenant: b.fixture.slug }, {}, form({ timeZone: bad }));
      expect(state.ok, bad).not.toBe(true);
      expect(state.fieldErrors?.timeZone?.key, bad).toBe("invalid_time_zone");
    }
    expect(en.invalid_time_zone).toBeTruthy();
    expect(ru.invalid_time_zone).toMatch(/часовой пояс/);
    expect(await zoneOf(b.fixture.tenantId)).toBe("America/New_York");
  });

  it("cannot be changed in another agency, nor by a manager", async () => {
    session.userId = a.fixture.userId;
    await expect(updateAgencyTimeZoneAction({ locale: "en", tenant: b.fixture.slug }, {}, form({ timeZone: "Asia/Tokyo" })))
      .rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(await zoneOf(b.fixture.tenantId)).toBe("America/New_York");
    const manager = await memberContext(a.fixture, "manager");
    session.userId = manager.userId;
    expect(await updateAgencyTimeZoneAction({ locale: "en", tenant: a.fixture.slug }, {}, form({ timeZone: "Asia/Tokyo" })))
      .toMatchObject({ ok: false, message: { key: "forbidden" } });
    expect(await zoneOf(a.fixture.tenantId)).toBe("Europe/Moscow");
    const admin = await memberContext(a.fixture, "admin");
    session.userId = admin.userId;
    expect(await updateAgencyTimeZoneAction({ locale: "en", tenant: a.fixture.slug }, {}, form({ timeZone: "Asia/Tokyo" }))).toMatchObject({ ok: true });
    expect(await zoneOf(a.fixture.tenantId)).toBe("Asia/Tokyo");
    await updateAgencyTimeZoneAction({ locale: "en", tenant: a.fixture.slug }, {}, form({ timeZone: "Europe/Moscow" }));
  });
});

describe("a person's own time zone", () => {
  it("a staff member reads times in their own zone until they go back to the agency's", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    session.userId = analyst.userId;
    expect(await setPersonalTimeZoneAction({ locale: "ru" }, {}, form({ mode: "own", timeZone: "America/New_York" }))).toMatchObject({ ok: true });
    expect(await resolveTenantContext(analyst.userId, a.fixture.slug)).toMatchObject({ timeZone: "Europe/Moscow", viewerTimeZone: "America/New_York" });
    const refused = await setPersonalTimeZoneAction({ locale: "ru" }, {}, form({ mode: "own", timeZone: "Nowhere" }));
    expect(refused.fieldErrors?.timeZone?.key).toBe("invalid_time_zone");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: analyst.userId } })).timeZone).toBe("America/New_York");
    expect(await setPersonalTimeZoneAction({ locale: "ru" }, {}, form({ mode: "agency", timeZone: "Nowhere" }))).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: analyst.userId } })).timeZone).toBeNull();
    expect(await resolveTenantContext(analyst.userId, a.fixture.slug)).toMatchObject({ viewerTimeZone: "Europe/Moscow" });
  });

  it("a partner's own zone changes only what that partner sees", async () => {
    const partner = await partnerWithContext(a.fixture, { locale: "ru", market: "RU" });
    expect(partner.ctx).toMatchObject({ timeZone: "Europe/Moscow", viewerTimeZone: "Europe/Moscow" });
    session.userId = partner.userId;
    expect(await setPersonalTimeZoneAction({ locale: "ru" }, {}, form({ mode: "own", timeZone: "Asia/Yekaterinburg" }))).toMatchObject({ ok: true });
    expect(await resolvePartnerContext(partner.userId, a.fixture.slug)).toMatchObject({ timeZone: "Europe/Moscow", viewerTimeZone: "Asia/Yekaterinburg" });
    expect(await resolveTenantContext(a.fixture.userId, a.fixture.slug)).toMatchObject({ viewerTimeZone: "Europe/Moscow" });
  });

  it("needs a signed-in person", async () => {
    await expect(setPersonalTimeZoneAction({ locale: "en" }, {}, form({ mode: "own", timeZone: "UTC" }))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("a new agency's zone (sign-up)", () => {
  const base = { agencyName: "Пояс", name: "Ольга", password: "long enough pw" };
  it("takes the browser's zone when it is a real one, else UTC", () => {
    expect(signUpSchema.parse({ ...base, email: "a@zone.test", timeZone: "Europe/Moscow" }).timeZone).toBe("Europe/Moscow");
    expect(signUpSchema.parse({ ...base, email: "a@zone.test", timeZone: "Mars/Olympus" }).timeZone).toBe("UTC");
    expect(signUpSchema.parse({ ...base, email: "a@zone.test", timeZone: "" }).timeZone).toBe("UTC");
    expect(signUpSchema.parse({ ...base, email: "a@zone.test" }).timeZone).toBe("UTC");
  });

  it("stores it on the new tenant", async () => {
    const email = `zone-${Date.now()}@signup.test`;
    const outcome = await signUp(signUpSchema.parse({ ...base, email, timeZone: "Europe/Moscow" }), "ru");
    expect(outcome.created).toBe(true);
    if (outcome.created) expect(await zoneOf(outcome.tenant.id)).toBe("Europe/Moscow");
  });
});

describe("times on a page", () => {
  it("the audit timeline shows a known instant in Moscow with «МСК», and in New York for that viewer", async () => {
    const entry = { id: "e1", action: "settings.time_zone_changed", entityType: "Tenant", data: { from: "UTC", to: "Europe/Moscow" }, createdAt: new Date("2026-12-06T12:50:00Z"), actor: { kind: "former" as const } };
    const t = await getT("ru", ["partners"]);
    const moscow = renderToStaticMarkup(AuditTimeline({ entries: [entry], locale: "ru", timeZone: "Europe/Moscow", t })).replace(/[\u00a0\u202f]/g, " ");
    expect(moscow).toContain("06.12.2026, 15:50 (МСК)");
    expect(moscow).toContain("UTC → Europe/Moscow");
    const newYork = renderToStaticMarkup(AuditTimeline({ entries: [entry], locale: "en", timeZone: "America/New_York", t: await getT("en", ["partners"]) })).replace(/[\u00a0\u202f]/g, " ");
    expect(newYork).toContain("12/06/2026, 07:50 AM EST");
  });
});

describe("a close date typed on a Russian page", () => {
  it("«06.12.2026» is read, and the deal closed when that day began in the agency's zone", async () => {
    const parsed = transitionForm.parse({ to: "won", dealValue: "450 000", dealCurrency: "RUB", closedOn: "06.12.2026" });
    expect(parsed.closedOn).toEqual(new Date("2026-12-06T00:00:00Z"));
    const refused = transitionForm.safeParse({ to: "won", dealValue: "1", dealCurrency: "RUB", closedOn: "12.31.2026" });
    expect(refused.error?.issues.map((i) => i.message)).toContain("date_format");

    const owner = await resolveTenantContext(a.fixture.userId, a.fixture.slug); // Europe/Moscow by now
    const partner = await partnerWithContext(a.fixture, { market: "RU", locale: "ru" });
    const programId = (await programWith(a.fixture, [partner.partnerId])).id;
    const { id } = await submitReferral(partner.ctx, referralInput(programId, { subjectName: "Сибирские травы" }));
    for (const to of ["in_review", "qualified"] as const) await transitionReferral(owner!, id, { to });
    await transitionReferral(owner!, id, { to: "won", dealValueMinor: parsed.dealValueMinor, dealCurrency: "RUB", closedOn: parsed.closedOn });
    const referral = await prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(referral.closedAt?.toISOString()).toBe("2026-12-05T21:00:00.000Z"); // 00:00 МСК on 6 Dec
  });
});
