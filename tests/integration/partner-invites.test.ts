import { createHash } from "node:crypto";
import { Auth } from "@auth/core";
import { beforeAll, describe, expect, it } from "vitest";
import { authAdapter } from "@/lib/db/auth-adapter";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { acceptPartnerInviteToken, loadPartnerInvite } from "@/lib/partners/accept-partner-invite";
import { applyToProgram, findApplicationProgram } from "@/lib/partners/apply-to-program";
import { changePartnerStatus } from "@/lib/partners/change-partner-status";
import { invitePartner } from "@/lib/partners/invite-partner";
import { applicationInput, invitePartnerInput, statusChangeInput } from "@/lib/partners/schemas";
import { tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";
import { prisma } from "../helpers/db";
import { APP_URL, partnerIn, programIn, tokenOf, uniqueEmail } from "../helpers/partner-fixtures";

let a: TenantContext;
let aFixture: TenantFixture;
let b: TenantContext;

beforeAll(async () => {
  ({ ctx: a, fixture: aFixture } = await tenantWithOwner("Northstar Invites"));
  ({ ctx: b } = await tenantWithOwner("Volga Invites"));
});

async function invited(ctx: TenantContext, fields: { email?: string; language?: "en" | "ru"; programIds?: string[] } = {}) {
  const email = fields.email ?? uniqueEmail("invitee");
  const result = await invitePartner(ctx, invitePartnerInput.parse({ name: "Марина Белова", email, market: "RU", language: fields.language ?? "ru", programIds: fields.programIds ?? [] }), APP_URL);
  return { ...result, email, token: tokenOf(result.url) };
}

/** The sign-in link handled by @auth/core itself, configured like lib/auth/auth.ts (JWT sessions, e-mail provider). */
function openSignInLink(path: string) {
  return Auth(new Request(`http://localhost:3000${path}`), {
    adapter: authAdapter,
    secret: process.env.AUTH_SECRET,
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt" },
    // A refused link is an expected outcome here, not something to print.
    logger: { error: () => undefined },
    providers: [{ id: "email", type: "email", name: "E-mail", maxAge: 86400, options: {}, from: "no-reply@twoway.local", sendVerificationRequest: async () => undefined }],
  });
}

describe("accepting a partner invite", () => {
  it("links a new user, activates the partner and signs them in once", async () => {
    const program = await programIn(a.tenantId, { name: "Warm Intros" });
    const { partner, email, token } = await invited(a, { programIds: [program.id] });
    expect(await loadPartnerInvite(token)).toMatchObject({ agency: "Northstar Invites", email, programs: [{ id: program.id, name: "Warm Intros" }] });

    const accepted = await acceptPartnerInviteToken(token, "ru");
    if (!accepted.ok) throw new Error("not accepted");
    expect(accepted.tenantSlug).toBe(aFixture.slug);

    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ locale: "ru", passwordHash: null, name: "Марина Белова" });
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ userId: user.id, status: "active" });
    expect((await prisma.partnerInvite.findFirstOrThrow({ where: { partnerId: partner.id } })).acceptedAt).not.toBeNull();
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityId: partner.id, action: "partner.joined" } })).toMatchObject({ actorUserId: user.id, tenantId: a.tenantId });

    const link = new URL(accepted.signInPath, "http://x");
    expect(link.pathname).toBe("/api/auth/callback/email");
    expect(link.searchParams.get("callbackUrl")).toBe(`/ru/p/${aFixture.slug}`);
    expect(link.searchParams.get("email")).toBe(email);
    const raw = link.searchParams.get("token")!;
    const stored = await prisma.verificationToken.findMany({ where: { identifier: email } });
    expect(stored).toHaveLength(1);
    expect(stored[0].token).toBe(createHash("sha256").update(`${raw}${process.env.AUTH_SECRET}`).digest("hex"));

    // Auth.js itself accepts the link: session cookie, then the portal.
    const response = await openSignInLink(accepted.signInPath);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/ru/p/${aFixture.slug}`);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
    // The sign-in token is single use too.
    const again = await openSignInLink(accepted.signInPath);
    expect(again.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);

    // The invite link itself is spent.
    expect(await loadPartnerInvite(token)).toBeNull();
    expect(await acceptPartnerInviteToken(token, "ru")).toEqual({ ok: false, code: "invite_invalid" });
  });

  it("lets exactly one of two simultaneous acceptances win", async () => {
    const { partner, email, token } = await invited(a);
    const results = await Promise.all([acceptPartnerInviteToken(token, "en"), acceptPartnerInviteToken(token, "en")]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    expect(await prisma.verificationToken.count({ where: { identifier: email } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: partner.id, action: "partner.joined" } })).toBe(1);
  });

  it("refuses an expired invite and changes nothing", async () => {
    const { partner, email, token, invite } = await invited(a);
    await prisma.partnerInvite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadPartnerInvite(token)).toBeNull();
    expect(await acceptPartnerInviteToken(token, "en")).toEqual({ ok: false, code: "invite_invalid" });
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ status: "invited", userId: null });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an unknown token and a link replaced by a newer invite", async () => {
    expect(await acceptPartnerInviteToken("not-a-real-token", "en")).toEqual({ ok: false, code: "invite_invalid" });
    const email = uniqueEmail("replaced");
    const first = await invited(a, { email });
    const second = await invited(a, { email });
    expect(await acceptPartnerInviteToken(first.token, "en")).toEqual({ ok: false, code: "invite_invalid" });
    expect((await acceptPartnerInviteToken(second.token, "en")).ok).toBe(true);
  });

  it("refuses the link of a partner removed after it was sent", async () => {
    const { partner, token } = await invited(a);
    await prisma.partner.update({ where: { id: partner.id }, data: { status: "removed" } });
    expect(await loadPartnerInvite(token)).toBeNull();
    expect(await acceptPartnerInviteToken(token, "en")).toEqual({ ok: false, code: "invite_invalid" });
    expect((await prisma.partnerInvite.findFirstOrThrow({ where: { partnerId: partner.id } })).acceptedAt).toBeNull();
  });

  it("reuses an existing account, and one person can be a partner of two agencies without crossing data", async () => {
    const email = uniqueEmail("both");
    const existing = await prisma.user.create({ data: { email, locale: "en", passwordHash: "kept" } });
    const inA = await invited(a, { email });
    const inB = await invited(b, { email, language: "en" });

    // A's token resolves to A only, whatever tenant the person has in mind.
    const viaA = await acceptPartnerInviteToken(inA.token, "en");
    expect(viaA).toMatchObject({ ok: true, tenantSlug: a.slug });
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: inB.partner.id } })).toMatchObject({ status: "invited", userId: null });

    const viaB = await acceptPartnerInviteToken(inB.token, "en");
    expect(viaB).toMatchObject({ ok: true, tenantSlug: b.slug });
    const rows = await prisma.partner.findMany({ where: { email }, orderBy: { tenantId: "asc" } });
    expect(rows.map((r) => [r.tenantId, r.userId, r.status]).sort()).toEqual(
      [[a.tenantId, existing.id, "active"], [b.tenantId, existing.id, "active"]].sort(),
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe("kept");
    // Each tenant's audit entry stays in that tenant.
    expect(await prisma.auditLog.count({ where: { tenantId: b.tenantId, entityId: inA.partner.id } })).toBe(0);
  });

  it("lets an approved applicant accept and keeps them active", async () => {
    const applicant = await partnerIn(a.tenantId, "applied", { locale: "en" });
    await changePartnerStatus(a, applicant.id, statusChangeInput.parse({ transition: "approve" }), APP_URL);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: applicant.email } });
    const url = mail.text.match(/http:\/\/app\.test\/en\/partner-invite\/\S+/)![0];
    expect((await acceptPartnerInviteToken(tokenOf(url), "en")).ok).toBe(true);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: applicant.id } })).toMatchObject({ status: "active", userId: expect.any(String) });
  });
});

describe("applying to an open program", () => {
  const application = (fields: Record<string, unknown> = {}) =>
    applicationInput.parse({
      name: "Анна Смирнова", email: uniqueEmail("applicant"), market: "RU", country: "ru", language: "ru",
      pitch: "Я знаю основателей российских косметических брендов, которые хотят выйти в США.", consent: "yes", ...fields,
    });

  it("creates an applied partner enrolled in the program, with the application and consent on record", async () => {
    const program = await programIn(a.tenantId, { name: "Creator Pool", access: "open" });
    const input = application();
    expect(await applyToProgram({ tenantSlug: a.slug, programId: program.id }, input)).toBe("received");
    const partner = await prisma.partner.findFirstOrThrow({ where: { tenantId: a.tenantId, email: input.email }, include: { enrolments: true } });
    expect(partner).toMatchObject({ status: "applied", preferredLocale: "ru", country: "RU", userId: null, notes: null });
    expect(partner.enrolments.map((e) => e.programId)).toEqual([program.id]);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: partner.id } });
    expect(entry).toMatchObject({ action: "partner.applied", actorUserId: null, tenantId: a.tenantId });
    expect(entry.data).toMatchObject({ program: "Creator Pool", pitch: input.pitch, consent: { locale: "ru", text: expect.stringContaining("Northstar Invites хранит данные") } });
  });

  it("answers a second application with the same e-mail as already applied, whatever the partner's status", async () => {
    const program = await programIn(a.tenantId, { access: "open" });
    const suspended = await partnerIn(a.tenantId, "suspended");
    const input = application({ email: suspended.email.toUpperCase() });
    expect(await applyToProgram({ tenantSlug: a.slug, programId: program.id }, input)).toBe("already_applied");
    const fresh = application();
    const both = await Promise.all([
      applyToProgram({ tenantSlug: a.slug, programId: program.id }, fresh),
      applyToProgram({ tenantSlug: a.slug, programId: program.id }, fresh),
    ]);
    expect(both.sort()).toEqual(["already_applied", "received"]);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: suspended.id } })).toMatchObject({ status: "suspended", name: suspended.name });
    expect(await prisma.partner.count({ where: { tenantId: a.tenantId, email: fresh.email } })).toBe(1);
  });

  it("silently drops a submission with the honeypot filled in", async () => {
    const program = await programIn(a.tenantId, { access: "open" });
    const input = application({ website: "http://spam.example" });
    expect(await applyToProgram({ tenantSlug: a.slug, programId: program.id }, input)).toBe("received");
    expect(await prisma.partner.count({ where: { email: input.email } })).toBe(0);
  });

  it("is not found for invite-only or archived programs, or for another tenant's program under this slug", async () => {
    const inviteOnly = await programIn(a.tenantId, { access: "invite_only" });
    const archived = await programIn(a.tenantId, { access: "open", archived: true });
    const foreignOpen = await programIn(a.tenantId, { access: "open", name: "A's open program" });
    const cases = [
      { tenantSlug: a.slug, programId: inviteOnly.id },
      { tenantSlug: a.slug, programId: archived.id },
      { tenantSlug: b.slug, programId: foreignOpen.id },
      { tenantSlug: "no-such-agency", programId: foreignOpen.id },
    ];
    for (const target of cases) {
      expect(await findApplicationProgram(target.tenantSlug, target.programId)).toBeNull();
      const input = application();
      await expect(applyToProgram(target, input)).rejects.toBeInstanceOf(NotFoundError);
      expect(await prisma.partner.count({ where: { email: input.email } })).toBe(0);
    }
    expect(await findApplicationProgram(a.slug, foreignOpen.id)).toMatchObject({ name: "A's open program", tenant: { name: "Northstar Invites" } });
  });

  it("validates the form: consent, length limits and e-mail", () => {
    const parse = (fields: Record<string, unknown>) => applicationInput.safeParse({
      name: "A", email: "a@b.test", market: "US", language: "en", pitch: "x".repeat(40), consent: "yes", ...fields,
    });
    expect(parse({}).success).toBe(true);
    expect(parse({ consent: undefined }).error?.issues[0].message).toBe("consent_required");
    expect(parse({ pitch: "x".repeat(1001) }).success).toBe(false);
    expect(parse({ pitch: "too short" }).success).toBe(false);
    expect(parse({ name: "x".repeat(121) }).success).toBe(false);
    expect(parse({ email: "not-an-email" }).success).toBe(false);
    expect(parse({ language: "de" }).success).toBe(false);
  });

  it("a declined applicant stays on record, is told by e-mail, and a new application is answered as already applied", async () => {
    const program = await programIn(a.tenantId, { access: "open" });
    const input = application({ language: "en" });
    await applyToProgram({ tenantSlug: a.slug, programId: program.id }, input);
    const partner = await prisma.partner.findFirstOrThrow({ where: { tenantId: a.tenantId, email: input.email } });
    await changePartnerStatus(a, partner.id, statusChangeInput.parse({ transition: "decline", reason: "No relevant network" }), APP_URL);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ status: "declined", statusReason: "No relevant network" });
    expect((await prisma.outboxEmail.findFirstOrThrow({ where: { to: input.email } })).subject).toBe("Your application to Northstar Invites");
    expect(await applyToProgram({ tenantSlug: a.slug, programId: program.id }, { ...input })).toBe("already_applied");
  });
});

describe("POST /api/partner-invite/accept", () => {
  async function post(token: string, locale = "ru") {
    const { POST } = await import("@/app/api/partner-invite/accept/route");
    const body = new FormData();
    body.set("token", token);
    body.set("locale", locale);
    return POST(new Request("http://localhost:3000/api/partner-invite/accept", { method: "POST", body }));
  }

  it("answers 303 to the relative Auth.js callback once, then back to the invite page with an error", async () => {
    const { token, email } = await invited(a);
    const first = await post(token);
    expect(first.status).toBe(303);
    const location = first.headers.get("location")!;
    expect(location.startsWith("/api/auth/callback/email?")).toBe(true);
    expect(new URL(location, "http://x").searchParams.get("email")).toBe(email);
    expect(new URL(location, "http://x").searchParams.get("callbackUrl")).toBe(`/ru/p/${aFixture.slug}`);

    const second = await post(token);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(`/ru/partner-invite/${token}?error=invite_invalid`);
  });

  it("rejects malformed input without touching anything", async () => {
    const response = await post("../../etc/passwd");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
  });
});
