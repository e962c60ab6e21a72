// Demo data for `npm start` and `npm run db:seed`: two tenants, staff for every role, partners in
// both markets, a directory of brands and creators, two programs and referrals in every status
// (with the subject keys that protect them from duplicates, as a real submission writes).
// Idempotent: does nothing when the "northstar" tenant exists.
import { hashPassword } from "@/lib/auth/password";
import { normalizeHandle, normalizeWebsite } from "@/lib/directory/normalize";
import type { ContactChannel, RejectReason } from "@/lib/referrals/codes";
import { subjectKeys } from "@/lib/referrals/subject-keys";
import { encodeReason } from "@/lib/referrals/transition-reason";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { seedFunnel, type FunnelSeedInput } from "./seed-funnel";
import { seedPayouts } from "./seed-payouts";
import { seedPlacements } from "./seed-placements";
import type { Market, ReferralStatus, Role } from "@/lib/db/generated/enums";

export const DEMO_PASSWORD = "twoway-demo";
export const DEMO_TENANT_SLUG = "northstar";

type Tx = Prisma.TransactionClient;
type SignIn = { email: string; password: string; role: string };

const STAFF: { email: string; name: string; role: Role; locale: string }[] = [
  { email: "owner@northstar.test", name: "Olivia Carter", role: "owner", locale: "en" },
  { email: "admin@northstar.test", name: "Daniel Brooks", role: "admin", locale: "en" },
  { email: "manager@northstar.test", name: "Анна Смирнова", role: "manager", locale: "ru" },
  { email: "analyst@northstar.test", name: "Priya Shah", role: "analyst", locale: "en" },
];

const PARTNERS = [
  { key: "jessica", name: "Jessica Moore", email: "partner.us@northstar.test", market: "US", country: "US", locale: "en", status: "active", tier: "core", login: true, notes: "Former agency lead in Austin; strong DTC network." },
  { key: "ekaterina", name: "Екатерина Иванова", email: "partner.ru@northstar.test", market: "RU", country: "RU", locale: "ru", status: "active", tier: "trusted", login: true, notes: "Маркетинговый консультант, Санкт-Петербург." },
  { key: "marcus", name: "Marcus Lee", email: "marcus@leeventures.test", market: "US", country: "US", locale: "en", status: "active", tier: "trusted", login: false, notes: null },
  { key: "alexey", name: "Алексей Кузнецов", email: "a.kuznetsov@mail.test", market: "RU", country: "RU", locale: "ru", status: "active", tier: "new", login: false, notes: null },
  { key: "ryan", name: "Ryan Fischer", email: "ryan@fischer-growth.test", market: "US", country: "US", locale: "en", status: "active", tier: "new", login: false, notes: null },
  { key: "emily", name: "Emily Nguyen", email: "emily.nguyen@inbox.test", market: "US", country: "US", locale: "en", status: "invited", tier: "new", login: false, notes: null },
  { key: "olga", name: "Ольга Петрова", email: "olga.petrova@yandex.test", market: "RU", country: "KZ", locale: "ru", status: "invited", tier: "new", login: false, notes: "Работает с брендами в Алматы и Москве." },
  { key: "igor", name: "Игорь Соколов", email: "igor.sokolov@mail.test", market: "RU", country: "RU", locale: "ru", status: "suspended", tier: "new", login: false, notes: null },
] as const;

const BRANDS = [
  { key: "glowpath", name: "Glowpath Skincare", market: "US", country: "US", website: "https://www.glowpath.example", industry: "skincare", niches: ["skincare", "clean beauty"], languages: ["en"], contact: "Hannah Price", isClient: true },
  { key: "ledgerly", name: "Ledgerly", market: "US", country: "US", website: "https://ledgerly.example/", industry: "fintech", niches: ["payments", "smb"], languages: ["en", "es"], contact: "Ben Walsh", isClient: false },
  { key: "brightlane", name: "Brightlane Academy", market: "US", country: "US", website: "brightlane.example", industry: "edtech", niches: ["online courses", "coding"], languages: ["en"], contact: null, isClient: false },
  { key: "harbor", name: "Harbor & Pine Coffee", market: "US", country: "US", website: "https://harborandpine.example", industry: "food & beverage", niches: ["coffee", "subscription"], languages: ["en"], contact: "Luis Ortega", isClient: false },
  { key: "stridewell", name: "Stridewell", market: "US", country: "US", website: "https://stridewell.example/us", industry: "apparel", niches: ["running", "fitness"], languages: ["en"], contact: null, isClient: false },
  { key: "nimbus", name: "Nimbus Travel", market: "US", country: "US", website: "https://nimbustravel.example", industry: "travel", niches: ["travel", "booking"], languages: ["en"], contact: "Grace Kim", isClient: false },
  { key: "belyilen", name: "Белый Лён", market: "RU", country: "RU", website: "https://belyilen.example", industry: "skincare", niches: ["уход за кожей", "натуральная косметика"], languages: ["ru"], contact: "Марина Белова", isClient: false },
  { key: "sfera", name: "Сфера Финанс", market: "RU", country: "RU", website: "https://www.sfera-finance.example", industry: "fintech", niches: ["инвестиции", "мобильный банк"], languages: ["ru"], contact: "Павел Зайцев", isClient: false },
  { key: "umnaya", name: "Умная школа", market: "RU", country: "RU", website: "https://umnaya-shkola.example", industry: "edtech", niches: ["школьники", "онлайн-курсы"], languages: ["ru"], contact: null, isClient: false },
  { key: "severmed", name: "Северный мёд", market: "RU", country: "RU", website: "https://severmed.example", industry: "food & beverage", niches: ["мёд", "эко-продукты"], languages: ["ru"], contact: null, isClient: false },
  { key: "pixel", name: "Пиксель Плей", market: "RU", country: "KZ", website: "https://pixelplay.example", industry: "gaming", niches: ["mobile games"], languages: ["ru", "kk", "en"], contact: "Тимур Ахметов", isClient: false },
  { key: "volnatech", name: "ВолнаТех", market: "RU", country: "RU", website: "https://volnatech.example", industry: "saas", niches: ["crm", "smb"], languages: ["ru", "en"], contact: null, isClient: false },
] as const;

type PlatformSeed = readonly [platform: string, handle: string, audience: number];
const CREATORS: readonly { key: string; name: string; market: Market; country: string; niches: string[]; languages: string[]; platforms: readonly PlatformSeed[] }[] = [
  { key: "maya", name: "Maya Rodriguez", market: "US", country: "US", niches: ["beauty", "skincare"], languages: ["en", "es"], platforms: [["instagram", "@maya.glows", 184_000], ["tiktok", "@MayaGlows", 412_000]] },
  { key: "tyler", name: "Tyler Hayes", market: "US", country: "US", niches: ["personal finance"], languages: ["en"], platforms: [["youtube", "@TylerTalksMoney", 265_000], ["tiktok", "@tylertalksmoney", 98_500]] },
  { key: "chloe", name: "Chloe Bennett", market: "US", country: "US", niches: ["study", "edtech"], languages: ["en"], platforms: [["youtube", "@StudyWithChloe", 530_000], ["instagram", "@studywithchloe", 76_200]] },
  { key: "jordan", name: "Jordan Kim", market: "US", country: "US", niches: ["fitness", "running"], languages: ["en"], platforms: [["instagram", "@jordankimfit", 143_000], ["tiktok", "@jordankim.fit", 610_000], ["youtube", "@JordanKimFit", 88_000]] },
  { key: "nina", name: "Nina Patel", market: "US", country: "US", niches: ["food", "coffee"], languages: ["en"], platforms: [["instagram", "@ninaeatsnyc", 58_300]] },
  { key: "brandon", name: "Brandon Cole", market: "US", country: "US", niches: ["gaming"], languages: ["en"], platforms: [["youtube", "@BrandonColePlays", 1_240_000], ["tiktok", "@brandoncoleplays", 356_000]] },
  { key: "alina", name: "Алина Морозова", market: "RU", country: "RU", niches: ["бьюти", "уход за кожей"], languages: ["ru"], platforms: [["telegram", "@alina_beauty_notes", 89_000], ["vk", "alinamorozova", 45_600], ["youtube", "@AlinaMorozova", 120_000]] },
  { key: "maxim", name: "Максим Орлов", market: "RU", country: "RU", niches: ["инвестиции", "финансы"], languages: ["ru"], platforms: [["telegram", "@orlov_invest", 215_000], ["dzen", "orlov.invest", 67_400], ["youtube", "@OrlovInvest", 154_000]] },
  { key: "ksenia", name: "Ксения Лебедева", market: "RU", country: "RU", niches: ["образование", "родителям"], languages: ["ru"], platforms: [["vk", "ksenia_uchit", 38_900], ["rutube", "ksenia-lebedeva", 12_700]] },
  { key: "artem", name: "Артём Новиков", market: "RU", country: "RU", niches: ["техника", "обзоры"], languages: ["ru", "en"], platforms: [["youtube", "@ArtemTech", 890_000], ["rutube", "artemtech", 64_000], ["telegram", "@artemtech", 131_000]] },
  { key: "daria", name: "Дарья Козлова", market: "RU", country: "RU", niches: ["еда", "рецепты"], languages: ["ru"], platforms: [["telegram", "@daria_kitchen", 42_300], ["dzen", "daria.kitchen", 96_800]] },
  { key: "ilya", name: "Илья Фёдоров", market: "RU", country: "AM", niches: ["путешествия"], languages: ["ru", "hy"], platforms: [["youtube", "@IlyaTravels", 318_000], ["vk", "ilya_travels", 27_500], ["telegram", "@ilya_travels", 54_000]] },
];

// Each status is reached through the same sequence of steps the app enforces.
const PATHS: Record<ReferralStatus, ReferralStatus[]> = {
  draft: [],
  submitted: ["submitted"],
  in_review: ["submitted", "in_review"],
  qualified: ["submitted", "in_review", "qualified"],
  in_negotiation: ["submitted", "in_review", "qualified", "in_negotiation"],
  won: ["submitted", "in_review", "qualified", "in_negotiation", "won"],
  lost: ["submitted", "in_review", "qualified", "in_negotiation", "lost"],
  rejected: ["submitted", "in_review", "rejected"],
};

// The source market is the subject's own (the brand's or creator's home market, as the app
// records it); `target` is the market the introduction goes to.
type ReferralSeed = {
  program: "warm" | "pool"; partner: (typeof PARTNERS)[number]["key"]; status: ReferralStatus; daysAgo: number;
  brand?: (typeof BRANDS)[number]["key"]; creator?: string; target: Market; contact: [name: string, channel: ContactChannel, value: string];
  relationship: string; fitReason: string; deal?: [minor: bigint, currency: string]; lostReason?: string;
  reject?: [code: RejectReason, note: string | null];
};

const REFERRALS: ReferralSeed[] = [
  { program: "warm", partner: "jessica", brand: "belyilen", target: "US", status: "won", daysAgo: 58, contact: ["Марина Белова", "email", "marina@belyilen.example"], relationship: "Met at Cosmoprof; worked together on a US retail pilot.", fitReason: "Wants US distribution; Glowpath-style positioning fits our US retail contacts.", deal: [360_000_000n, "RUB"] },
  { program: "warm", partner: "ekaterina", brand: "ledgerly", target: "RU", status: "won", daysAgo: 52, contact: ["Ben Walsh", "email", "ben@ledgerly.example"], relationship: "Бывший коллега по финтех-акселератору.", fitReason: "Ledgerly ищет партнёров для выхода на рынки СНГ.", deal: [1_850_000n, "USD"] },
  { program: "warm", partner: "marcus", brand: "brightlane", target: "RU", status: "lost", daysAgo: 45, contact: ["Sarah Lin", "email", "sarah.lin@brightlane.example"], relationship: "College friend, now Head of Partnerships.", fitReason: "Expanding into Russian-speaking learners.", lostReason: "Budget frozen until Q3." },
  { program: "warm", partner: "alexey", brand: "sfera", target: "RU", status: "in_negotiation", daysAgo: 30, contact: ["Павел Зайцев", "telegram", "@pzaytsev"], relationship: "Знакомы 5 лет, вместе запускали рекламу.", fitReason: "Нужен креатив для запуска мобильного банка." },
  { program: "warm", partner: "jessica", brand: "umnaya", target: "US", status: "in_negotiation", daysAgo: 24, contact: ["Ирина Соловьёва", "email", "irina@umnaya-shkola.example"], relationship: "Introduced by a mutual client.", fitReason: "Looking for US-based English teachers as content partners." },
  { program: "warm", partner: "marcus", brand: "harbor", target: "US", status: "qualified", daysAgo: 18, contact: ["Luis Ortega", "phone", "+1 503 555 0142"], relationship: "Former client.", fitReason: "Subscription coffee brand wants a DTC growth partner." },
  // A creator deal that is won: the start of the placements demo (issue 17) — Дарья posts for Белый Лён.
  { program: "pool", partner: "ekaterina", creator: "daria", target: "RU", status: "won", daysAgo: 21, contact: ["Дарья Козлова", "telegram", "@daria_kitchen"], relationship: "Вели вместе кулинарный марафон.", fitReason: "Аудитория — домашняя кухня и уход за собой, совпадает с брендом натуральной косметики.", deal: [12_000_000n, "RUB"] },
  { program: "pool", partner: "ekaterina", creator: "maxim", target: "RU", status: "in_review", daysAgo: 9, contact: ["Максим Орлов", "telegram", "@orlov_invest"], relationship: "Подписчица и знакомая по конференции.", fitReason: "Аудитория совпадает с клиентами финтех-брендов." },
  { program: "pool", partner: "ryan", creator: "jordan", target: "US", status: "submitted", daysAgo: 4, contact: ["Jordan Kim", "email", "hello@jordankimfit.example"], relationship: "We run in the same club.", fitReason: "Fitness audience for Stridewell-type apparel brands." },
  { program: "pool", partner: "jessica", creator: "alina", target: "US", status: "submitted", daysAgo: 2, contact: ["Алина Морозова", "email", "alina@beautynotes.example"], relationship: "Worked with her on a skincare campaign.", fitReason: "RU beauty creator for US skincare brands entering RU." },
  { program: "pool", partner: "igor", creator: "artem", target: "RU", status: "rejected", daysAgo: 35, contact: ["Артём Новиков", "telegram", "@artemtech"], relationship: "Не знакомы лично.", fitReason: "Крупный техноблогер.", reject: ["not_a_fit", "No existing relationship with the creator; the partner only follows his channel."] },
];

export function demoSignIns(): SignIn[] {
  return [
    ...STAFF.map((s) => ({ email: s.email, password: DEMO_PASSWORD, role: s.role })),
    { email: "owner@volga.test", password: DEMO_PASSWORD, role: "owner" },
    ...PARTNERS.filter((p) => p.login).map((p) => ({ email: p.email, password: DEMO_PASSWORD, role: "partner" })),
  ];
}

/** A seeded brand or creator, with what a partner would type about it on a referral. */
type Subject = { id: string; market: Market; name: string; country: string; website: string | null; platforms: { platform: string; handle: string }[] };

const daysAgo = (days: number, hours = 0) => new Date(Date.now() - (days * 24 + hours) * 3_600_000);

async function upsertUser(tx: Tx, email: string, name: string, locale: string, passwordHash: string) {
  return tx.user.upsert({
    where: { email },
    update: {},
    create: { email, name, locale, passwordHash, emailVerified: new Date() },
  });
}

export async function seedDemo(prisma: PrismaClient): Promise<{ tenantSlug: string; signIns: SignIn[] }> {
  const result = { tenantSlug: DEMO_TENANT_SLUG, signIns: demoSignIns() };
  if (await prisma.tenant.findUnique({ where: { slug: DEMO_TENANT_SLUG } })) {
    await seedPayouts(prisma, DEMO_TENANT_SLUG); // no-op once seeded; fills in databases seeded before payouts existed
    return result;
  }
  // One hash for every demo account: bcrypt takes ~60 ms each and this runs on every cold start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // One transaction, so an interrupted seed leaves nothing behind and the next start retries it.
  await prisma.$transaction((tx) => seedNorthstar(tx, passwordHash).then(() => seedVolga(tx, passwordHash)), {
    timeout: 120_000,
    maxWait: 30_000,
  });
  // Money goes through the real domain functions (their own transactions), after the base data exists.
  await seedPayouts(prisma, DEMO_TENANT_SLUG);
  return result;
}

async function seedNorthstar(tx: Tx, passwordHash: string) {
  const tenant = await tx.tenant.create({
    data: { slug: DEMO_TENANT_SLUG, name: "Northstar Bridge", reportingCurrency: "USD", enabledMarkets: ["US", "RU"], defaultLocale: "en", createdAt: daysAgo(90) },
  });
  const tenantId = tenant.id;
  const staff: Record<string, string> = {};
  for (const s of STAFF) {
    const user = await upsertUser(tx, s.email, s.name, s.locale, passwordHash);
    staff[s.role] = user.id;
    await tx.membership.create({ data: { tenantId, userId: user.id, role: s.role, createdAt: daysAgo(90) } });
  }

  const partners: Record<string, { id: string; userId: string | null }> = {};
  for (const [i, p] of PARTNERS.entries()) {
    const user = p.login ? await upsertUser(tx, p.email, p.name, p.locale, passwordHash) : null;
    const row = await tx.partner.create({
      data: {
        tenantId, userId: user?.id, name: p.name, email: p.email, market: p.market, country: p.country,
        preferredLocale: p.locale, status: p.status, trustTier: p.tier, notes: p.notes, createdAt: daysAgo(85 - i * 6),
        statusReason: p.status === "suspended" ? "Repeated referrals without a real relationship; under review." : null,
      },
    });
    partners[p.key] = { id: row.id, userId: user?.id ?? null };
  }

  const brands: Record<string, Subject> = {};
  for (const b of BRANDS) {
    const row = await tx.brand.create({
      data: {
        tenantId, name: b.name, market: b.market, country: b.country, website: b.website,
        websiteNormalized: normalizeWebsite(b.website), industry: b.industry, niches: [...b.niches],
        languages: [...b.languages], contactName: b.contact, isClient: b.isClient, createdAt: daysAgo(80),
      },
    });
    brands[b.key] = { id: row.id, market: b.market, name: b.name, country: b.country, website: b.website, platforms: [] };
  }

  const creators = await seedCreators(tx, tenantId, CREATORS);

  const warm = await tx.program.create({
    data: {
      tenantId, name: "US ⇄ RU Warm Intros", markets: ["US", "RU"], mode: "direct", access: "invite_only",
      description: "Personal introductions between US and Russian-speaking brands. Invited partners only.",
      attributionWindowDays: 60, protectionWindowDays: 180, createdAt: daysAgo(75),
    },
  });
  const pool = await tx.program.create({
    data: {
      tenantId, name: "Creator Pool 2027", markets: ["US", "RU"], mode: "pool", access: "open",
      description: "Recommend creators for our shared pool; we match them with client brands.",
      attributionModel: "first_click", createdAt: daysAgo(60),
    },
  });
  const programs = { warm, pool };
  const enrolments: [typeof warm, string[]][] = [
    [warm, ["jessica", "ekaterina", "marcus", "alexey", "igor"]],
    [pool, ["jessica", "ekaterina", "ryan", "emily", "olga", "igor"]],
  ];
  // Partner groups of the pool (docs/partner-groups.md): everyone starts in the default group; Jessica
  // was moved to the top scouts ten days ago (no rules of its own yet, so her commissions are the program's).
  const scouts = await tx.partnerGroup.create({
    data: { tenantId, programId: pool.id, name: "Creator scouts", slug: "creator-scouts", isDefault: true, createdAt: daysAgo(60) },
  });
  const topScouts = await tx.partnerGroup.create({
    data: {
      tenantId, programId: pool.id, name: "Top scouts", slug: "top-scouts", createdAt: daysAgo(20),
      landingTextEn: "For partners who bring us creators every month: a personal manager and early access to new brands.",
      landingTextRu: "Для партнёров, которые приводят авторов каждый месяц: личный менеджер и ранний доступ к новым брендам.",
      applicationIntroEn: "Tell us which creators you have brought to brands before.",
      applicationIntroRu: "Расскажите, каких авторов вы уже приводили к брендам.",
      questions: [{ id: "q1", en: "How many creators can you recommend per month?", ru: "Сколько авторов в месяц вы можете рекомендовать?" }],
    },
  });
  await tx.programPartner.createMany({
    data: enrolments.flatMap(([program, keys]) =>
      keys.map((k) => ({
        tenantId, programId: program.id, partnerId: partners[k].id,
        groupId: program === pool ? (k === "jessica" ? topScouts.id : scouts.id) : null,
      })),
    ),
  });
  await tx.partnerGroupMove.create({
    data: { tenantId, programId: pool.id, partnerId: partners.jessica.id, fromGroupId: scouts.id, toGroupId: topScouts.id, movedAt: daysAgo(10), movedById: staff.owner },
  });

  // Pool opportunities: one open on the public board, one draft still being written.
  const openOpportunity = await tx.opportunity.create({
    data: {
      tenantId, programId: pool.id, side: "brand_seeks_creators", sourceMarket: "RU", targetMarket: "US",
      platforms: ["tiktok", "instagram"], niches: ["beauty", "skincare"], audienceMin: 20_000, audienceMax: 1_000_000,
      budgetMinMinor: 200_000n, budgetMaxMinor: 500_000n, budgetCurrency: "USD", prepaymentPercent: 50, netDays: 30,
      slots: 5, status: "open", deadline: daysAgo(-45), createdById: staff.manager, createdAt: daysAgo(6),
      titleEn: "RU skincare brand seeks 5 US beauty creators on TikTok",
      titleRu: "Российский бренд косметики ищет 5 бьюти-авторов из США в TikTok",
      descriptionEn: "Natural skincare from Altai entering the US. $2–5k per placement, 50% prepayment, the rest net 30.",
      descriptionRu: "Натуральная косметика с Алтая выходит на рынок США. 2–5 тыс. $ за интеграцию, предоплата 50%, остаток через 30 дней.",
    },
  });
  await tx.opportunity.create({
    data: {
      tenantId, programId: pool.id, side: "creator_seeks_brands", sourceMarket: "US", targetMarket: "RU",
      platforms: ["youtube"], niches: ["fitness"], budgetMinMinor: 15_000_000n, budgetMaxMinor: 40_000_000n, budgetCurrency: "RUB",
      barter: true, slots: 2, status: "draft", createdById: staff.manager, createdAt: daysAgo(1),
      titleEn: "US fitness creator looks for Russian sportswear brands",
    },
  });

  const wonReferrals: FunnelSeedInput["wonReferrals"] = [];
  for (const r of REFERRALS) {
    const partner = partners[r.partner];
    const subject = r.brand ? brands[r.brand] : creators[r.creator!];
    const steps = PATHS[r.status];
    const at = (step: number) => daysAgo(r.daysAgo - step * Math.max(1, Math.floor(r.daysAgo / (steps.length + 1))), -step);
    const stepAt = (s: ReferralStatus) => (steps.includes(s) ? at(steps.indexOf(s)) : null);
    const closed = r.status === "won" || r.status === "lost" || r.status === "rejected";
    const [contactName, contactChannel, contactValue] = r.contact;
    const referral = await tx.referral.create({
      data: {
        tenantId, programId: programs[r.program].id, partnerId: partner.id,
        kind: r.brand ? "brand" : "creator", mechanic: r.program === "warm" ? "direct" : "pool",
        brandId: r.brand ? subject.id : null, creatorId: r.creator ? subject.id : null, subjectName: subject.name,
        sourceMarket: subject.market, targetMarket: r.target, status: r.status,
        country: subject.country, website: subject.website, platforms: subject.platforms,
        contactName, contactChannel, contactValue,
        relationship: r.relationship, fitReason: r.fitReason, consentToIntro: true,
        dealValueMinor: r.deal?.[0] ?? null, dealCurrency: r.deal?.[1] ?? null,
        // As the app stores them: the reject code on the referral, code and note in its history.
        lostReason: r.lostReason ?? null, rejectReason: r.reject?.[0] ?? null,
        submittedAt: stepAt("submitted"), qualifiedAt: stepAt("qualified"),
        closedAt: closed ? at(steps.length - 1) : null, createdAt: daysAgo(r.daysAgo, 1), updatedAt: at(steps.length - 1),
      },
    });
    // The same keys a submission writes, so the demo referrals protect their subjects.
    const keys = subjectKeys({ website: subject.website, platforms: subject.platforms, contactChannel, contactValue });
    await tx.referralSubjectKey.createMany({ data: keys.map((key) => ({ tenantId, referralId: referral.id, key })) });
    await tx.referralTransition.createMany({
      data: steps.map((to, i) => {
        const reason = to === "lost" ? r.lostReason! : to === "rejected" ? encodeReason(r.reject![0], r.reject![1]) : to === "won" ? "Contract signed." : null;
        return {
          tenantId, referralId: referral.id, fromStatus: i === 0 ? null : steps[i - 1], toStatus: to,
          // Partners with a login submit themselves; staff enter the others and move every later step.
          actorUserId: i === 0 ? (partner.userId ?? staff.manager) : i === steps.length - 1 && closed ? staff.admin : staff.manager,
          // Like the app: a step without a note has nothing to hide; a rejection's note stays internal.
          reason, internal: !!reason && to === "rejected",
          createdAt: at(i),
        };
      }),
    });
    if (r.status === "won") {
      wonReferrals.push({ ...referral, partnerId: partner.id, closedAt: referral.closedAt!, deal: r.deal ?? null });
      // A won referral makes its subject a client, as transitionReferral does.
      const entity = r.brand ? "Brand" : "Creator";
      if (r.brand) await tx.brand.update({ where: { id: subject.id }, data: { isClient: true } });
      else await tx.creator.update({ where: { id: subject.id }, data: { isClient: true } });
      await tx.auditLog.create({
        data: { tenantId, actorUserId: staff.admin, action: `${entity.toLowerCase()}.became_client`, entityType: entity, entityId: subject.id, data: { referralId: referral.id }, createdAt: at(steps.length - 1) },
      });
    }
  }

  await seedPlacements(tx, { tenantId, staff, brandId: brands.belyilen.id, creatorName: "Дарья Козлова", referralId: wonReferrals.find((r) => r.subjectName === "Дарья Козлова")!.id });

  await seedFunnel(tx, {
    tenantId, slug: DEMO_TENANT_SLUG, programs, openOpportunity, wonReferrals,
    partners: PARTNERS.filter((p) => p.status === "active").map((p) => ({
      id: partners[p.key].id, market: p.market,
      programs: enrolments.filter(([, keys]) => keys.includes(p.key)).map(([program]) => (program === warm ? "warm" : "pool")),
    })),
  });

  await seedNotifications(tx, tenantId, staff);
  await seedMessages(tx, { tenantId, staff, programId: warm.id, partnerIds: enrolments[0][1].filter((k) => k !== "igor").map((k) => partners[k].id), ekaterina: partners.ekaterina.id });

  // Promo codes (issue 16, part 5): Jessica's podcast code, and an old one she no longer uses.
  await tx.promoCode.createMany({
    data: [
      { tenantId, partnerId: partners.jessica.id, programId: warm.id, code: "JESSICA-PODCAST", sourceMarket: "US", targetMarket: "RU", createdById: staff.admin, createdAt: daysAgo(20) },
      { tenantId, partnerId: partners.jessica.id, programId: warm.id, code: "SPRING24", sourceMarket: "US", targetMarket: "RU", createdById: staff.admin, createdAt: daysAgo(80), deactivatedAt: daysAgo(30) },
    ],
  });

  await tx.auditLog.createMany({
    data: [
      { tenantId, actorUserId: staff.owner, action: "tenant.created", entityType: "Tenant", entityId: tenantId, createdAt: daysAgo(90) },
      { tenantId, actorUserId: staff.owner, action: "program.created", entityType: "Program", entityId: warm.id, data: { name: warm.name }, createdAt: daysAgo(75) },
      { tenantId, actorUserId: staff.admin, action: "program.created", entityType: "Program", entityId: pool.id, data: { name: pool.name }, createdAt: daysAgo(60) },
      { tenantId, actorUserId: staff.admin, action: "partner.invited", entityType: "Partner", entityId: partners.emily.id, data: { email: "emily.nguyen@inbox.test" }, createdAt: daysAgo(43) },
      { tenantId, actorUserId: staff.admin, action: "partner.suspended", entityType: "Partner", entityId: partners.igor.id, data: { reason: "Repeated referrals without a real relationship" }, createdAt: daysAgo(20) },
      { tenantId, actorUserId: staff.manager, action: "brand.created", entityType: "Brand", entityId: brands.volnatech.id, data: { name: "ВолнаТех" }, createdAt: daysAgo(12) },
    ],
  });
}

async function seedCreators(tx: Tx, tenantId: string, list: typeof CREATORS) {
  const out: Record<string, Subject> = {};
  for (const c of list) {
    const row = await tx.creator.create({
      data: {
        tenantId, name: c.name, market: c.market, country: c.country, niches: c.niches, languages: c.languages,
        // Demo addresses on a reserved domain, so "invite to opt in" has somewhere to write.
        contactEmail: `${c.key}@creators.example`, createdAt: daysAgo(70),
      },
    });
    await tx.creatorPlatform.createMany({
      data: c.platforms.map(([platform, handle, audienceSize]) => ({
        tenantId, creatorId: row.id, platform, handle, handleNormalized: normalizeHandle(handle), audienceSize,
      })),
    });
    out[c.key] = {
      id: row.id, market: c.market, name: c.name, country: c.country, website: null,
      platforms: c.platforms.map(([platform, handle]) => ({ platform, handle })),
    };
  }
  return out;
}

/**
 * Messages to partners (lib/messages): an announcement in both languages to the warm-intros program's
 * active partners, and a direct message in Russian to Ekaterina with her reply and the agency's answer.
 * Settled as mailed (no demo mail); the announcement is read by Ekaterina.
 */
async function seedMessages(tx: Tx, s: { tenantId: string; staff: Record<string, string>; programId: string; partnerIds: string[]; ekaterina: string }) {
  const sent = daysAgo(6);
  const announcement = await tx.message.create({
    data: {
      tenantId: s.tenantId, audience: "program", programId: s.programId, authorUserId: s.staff.admin, createdAt: sent,
      subjectEn: "Warm intros: higher rates from January",
      bodyEn: "Hello!\n\nFrom 1 January a won introduction in the US ⇄ RU Warm Intros program earns 12% of the first-year deal value (up from 10%).\n\nThank you for your introductions.",
      subjectRu: "Тёплые знакомства: ставки выше с января",
      bodyRu: "Здравствуйте!\n\nС 1 января за успешное знакомство в программе US ⇄ RU Warm Intros — 12 % от суммы сделки за первый год (было 10 %).\n\nСпасибо за ваши рекомендации.",
    },
  });
  await tx.messageRecipient.createMany({
    data: s.partnerIds.map((partnerId) => ({
      tenantId: s.tenantId, messageId: announcement.id, partnerId, createdAt: sent, mailedAt: sent, readAt: partnerId === s.ekaterina ? daysAgo(5) : null,
    })),
  });
  const asked = daysAgo(3);
  const direct = await tx.message.create({
    data: {
      tenantId: s.tenantId, audience: "partner", partnerId: s.ekaterina, authorUserId: s.staff.manager, createdAt: asked,
      subjectRu: "Вопрос по «Сфере»", bodyRu: "Екатерина, добрый день!\nСможете познакомить нас с командой мобильного банка «Сфера» до конца месяца?",
    },
  });
  await tx.messageRecipient.create({ data: { tenantId: s.tenantId, messageId: direct.id, partnerId: s.ekaterina, createdAt: asked, mailedAt: asked } }); // unread: the answer came after she read it
  await tx.messageReply.createMany({
    data: [
      { tenantId: s.tenantId, messageId: direct.id, authorKind: "partner", body: "Да, напишу Павлу сегодня.\nОн обычно отвечает в течение недели.", createdAt: daysAgo(2) },
      { tenantId: s.tenantId, messageId: direct.id, authorKind: "staff", authorUserId: s.staff.manager, body: "Спасибо!", createdAt: daysAgo(1) },
    ],
  });
}

// A second, smaller tenant where owner@northstar.test is an admin, to demo tenant switching.
/**
 * The staff inbox (lib/notifications): the latest submitted referral for everyone who may act on it,
 * read by the owner already, unread for the others; the items are settled as mailed (no demo mail).
 */
async function seedNotifications(tx: Tx, tenantId: string, staff: Record<string, string>) {
  const referral = await tx.referral.findFirst({
    where: { tenantId, status: "submitted" }, orderBy: { submittedAt: "desc" },
    select: { id: true, subjectName: true, submittedAt: true, partner: { select: { name: true } } },
  });
  if (!referral) return;
  const at = referral.submittedAt ?? daysAgo(1);
  await tx.staffNotification.createMany({
    data: (["owner", "admin", "manager"] as const).map((role) => ({
      tenantId, userId: staff[role], kind: "referral_submitted", dedupeKey: `referral_submitted:${referral.id}`,
      params: { referralId: referral.id, subjectName: referral.subjectName, partnerName: referral.partner?.name ?? "" },
      createdAt: at, mailedAt: at, readAt: role === "owner" ? at : null,
    })),
  });
}

async function seedVolga(tx: Tx, passwordHash: string) {
  const tenant = await tx.tenant.create({
    data: { slug: "volga", name: "Volga Creative", reportingCurrency: "RUB", enabledMarkets: ["RU", "KZ", "US"], defaultLocale: "ru", createdAt: daysAgo(40) },
  });
  const tenantId = tenant.id;
  const owner = await upsertUser(tx, "owner@volga.test", "Дмитрий Волков", "ru", passwordHash);
  const guest = await tx.user.findUniqueOrThrow({ where: { email: "owner@northstar.test" } });
  await tx.membership.createMany({
    data: [
      { tenantId, userId: owner.id, role: "owner" },
      { tenantId, userId: guest.id, role: "admin" },
    ],
  });
  const program = await tx.program.create({
    data: { tenantId, name: "Блогеры Поволжья", markets: ["RU", "KZ"], mode: "both", access: "invite_only", description: "Рекомендации региональных блогеров для наших клиентов." },
  });
  const partnerRows = [
    { name: "Сергей Миронов", email: "s.mironov@volga.test", market: "RU" as const, country: "RU", status: "active" as const, trustTier: "trusted" as const },
    { name: "Айгерим Сейтказы", email: "aigerim@volga.test", market: "KZ" as const, country: "KZ", status: "invited" as const, trustTier: "new" as const },
  ];
  const partnerIds: string[] = [];
  for (const p of partnerRows) {
    const partner = await tx.partner.create({ data: { tenantId, ...p, preferredLocale: "ru" } });
    await tx.programPartner.create({ data: { tenantId, programId: program.id, partnerId: partner.id } });
    partnerIds.push(partner.id);
  }
  await tx.promoCode.create({ data: { tenantId, partnerId: partnerIds[0], programId: program.id, code: "MIRONOV", sourceMarket: "RU", targetMarket: "KZ" } });
  // The owner's inbox (lib/notifications): a possible sanctions match to review, not yet read.
  await tx.staffNotification.create({
    data: {
      tenantId, userId: owner.id, kind: "sanctions_possible_match", dedupeKey: `sanctions_possible_match:${partnerIds[0]}:seed`,
      params: { partnerId: partnerIds[0], partnerName: partnerRows[0].name }, mailedAt: new Date(),
    },
  });
  await tx.brand.createMany({
    data: [
      { tenantId, name: "Самарский хлеб", market: "RU", country: "RU", website: "https://samhleb.example", websiteNormalized: "samhleb.example", industry: "food & beverage", niches: ["выпечка"], languages: ["ru"] },
      { tenantId, name: "Kazan Digital", market: "RU", country: "RU", website: "https://kazandigital.example", websiteNormalized: "kazandigital.example", industry: "agency", niches: ["smm"], languages: ["ru", "en"] },
    ],
  });
  await seedCreators(tx, tenantId, [
    { key: "volga", name: "Волжские истории", market: "RU", country: "RU", niches: ["путешествия", "история"], languages: ["ru"], platforms: [["telegram", "@volga_stories", 23_400], ["vk_video", "volgastories", 8_900]] },
  ]);
  await tx.auditLog.create({ data: { tenantId, actorUserId: owner.id, action: "tenant.created", entityType: "Tenant", entityId: tenantId } });
}
