// Demo data for the funnel (issue 5): partners' tracked links, 90 days of clicks (with the repeats and
// bots the redirect server stores but does not count) and their daily rollups, customers from won
// referrals and direct sign-ups, revenue and refund events in USD and RUB, and daily USD/RUB rates.
// Deterministic (seeded PRNG), so the demo dashboard shows the same numbers on every machine. One RUB
// event predates the rates on purpose: the dashboard shows it as missing an FX rate.
import type { Prisma } from "@/lib/db/generated/client";
import type { DeviceClass, Market } from "@/lib/db/generated/enums";
import { opportunityLinkMarkets } from "@/lib/kernel/markets";

type Tx = Prisma.TransactionClient;

export type FunnelSeedInput = {
  tenantId: string;
  slug: string;
  partners: { id: string; market: Market; programs: ("warm" | "pool")[] }[];
  programs: { warm: { id: string }; pool: { id: string } };
  openOpportunity: { id: string; sourceMarket: Market; targetMarket: Market };
  wonReferrals: { id: string; partnerId: string; programId: string; sourceMarket: Market; targetMarket: Market; subjectName: string; closedAt: Date; deal: [bigint, string] | null }[];
};

const DAY = 86_400_000;
const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES: Record<Market, string[]> = { US: ["US", "US", "US", "CA"], RU: ["RU", "RU", "KZ", "AM"], KZ: ["KZ"], AM: ["AM"], GE: ["GE"], AE: ["AE"], EU: ["DE"] };
const REFERRERS = ["t.me", "instagram.com", "www.linkedin.com", "vk.com", "mail.google.com", null, null];
const DEVICES: DeviceClass[] = ["mobile", "mobile", "mobile", "desktop", "desktop", "tablet"];

/** USD→RUB for a day: a gentle, deterministic wave around 80. */
function usdRub(day: Date): string {
  const n = Math.floor(day.getTime() / DAY);
  const value = 80 + 2.5 * Math.sin(n / 9) + ((n * 7919) % 100) / 100;
  return value.toFixed(4);
}

export async function seedFunnel(tx: Tx, input: FunnelSeedInput): Promise<void> {
  const { tenantId, slug } = input;
  const rand = prng(20261126);
  const today = utcDay(new Date());

  // Tracked links: one per partner and program, plus an opportunity link for each pool partner
  // (its pair is that of the referrals the opportunity brings, as the app makes it).
  type Link = { id: string; partnerId: string; programId: string; sourceMarket: Market; targetMarket: Market; weight: number };
  const links: Link[] = [];
  let n = 0;
  for (const p of input.partners) {
    for (const program of p.programs) {
      const target: Market = p.market === "US" ? "RU" : "US";
      const code = `demo${String(++n).padStart(4, "0")}`;
      const row = await tx.trackedLink.create({
        data: {
          tenantId, partnerId: p.id, programId: input.programs[program].id, code, sourceMarket: p.market, targetMarket: target,
          destinationUrl: `/${p.market === "RU" ? "ru" : "en"}/o/${slug}`, label: program === "warm" ? "Newsletter" : "Telegram channel",
          createdAt: new Date(today.getTime() - 88 * DAY),
        },
      });
      links.push({ id: row.id, partnerId: p.id, programId: row.programId, sourceMarket: row.sourceMarket, targetMarket: row.targetMarket, weight: 0.5 + rand() * 2 });
      if (program === "pool") {
        const opp = input.openOpportunity;
        const o = await tx.trackedLink.create({
          data: {
            tenantId, partnerId: p.id, programId: input.programs.pool.id, opportunityId: opp.id, code: `demo${String(++n).padStart(4, "0")}`,
            ...opportunityLinkMarkets(opp), destinationUrl: `/${p.market === "RU" ? "ru" : "en"}/o/${slug}/${opp.id}`,
            label: "Opportunity", createdAt: new Date(today.getTime() - 6 * DAY),
          },
        });
        links.push({ id: o.id, partnerId: p.id, programId: o.programId, sourceMarket: o.sourceMarket, targetMarket: o.targetMarket, weight: 3 });
      }
    }
  }

  // Clicks: 90 days, growing slowly; ~6% repeats within 30 minutes and ~4% bots.
  const clicks: Prisma.ClickCreateManyInput[] = [];
  const daily = new Map<string, { day: Date; link: Link; clicks: number; repeats: number; bots: number }>();
  for (let d = 89; d >= 0; d--) {
    const day = new Date(today.getTime() - d * DAY);
    for (const link of links) {
      const expected = link.weight * (4 + (90 - d) / 30) * (day.getUTCDay() % 6 === 0 ? 0.6 : 1);
      const count = Math.floor(expected + rand() * 3);
      for (let i = 0; i < count; i++) {
        const at = new Date(day.getTime() + Math.floor(rand() * (d === 0 ? Math.max(1, Date.now() - day.getTime() - 60_000) : DAY)));
        const isBot = rand() < 0.04;
        const repeatOf = !isBot && clicks.length > 0 && rand() < 0.06 ? clicks[clicks.length - 1] : null;
        const repeatOfId = repeatOf && repeatOf.linkId === link.id && !repeatOf.isBot && !repeatOf.repeatOfId ? (repeatOf.id as string) : null;
        const id = `dm${slug.slice(0, 2)}${clicks.length.toString(36).padStart(6, "0")}${Math.floor(rand() * 1e9).toString(36)}`;
        clicks.push({
          id, tenantId, linkId: link.id, partnerId: link.partnerId, programId: link.programId,
          sourceMarket: link.sourceMarket, targetMarket: link.targetMarket, occurredAt: at,
          country: COUNTRIES[rand() < 0.7 ? link.targetMarket : link.sourceMarket][Math.floor(rand() * 4) % COUNTRIES[link.targetMarket].length] ?? null,
          referrerHost: REFERRERS[Math.floor(rand() * REFERRERS.length)], device: isBot ? "bot" : DEVICES[Math.floor(rand() * DEVICES.length)],
          visitorHash: Math.floor(rand() * 2 ** 48).toString(16), isBot, repeatOfId,
        });
        const key = `${day.toISOString()}|${link.id}`;
        const agg = daily.get(key) ?? { day, link, clicks: 0, repeats: 0, bots: 0 };
        if (isBot) agg.bots++;
        else if (repeatOfId) agg.repeats++;
        else agg.clicks++;
        daily.set(key, agg);
      }
    }
  }
  for (let i = 0; i < clicks.length; i += 2000) await tx.click.createMany({ data: clicks.slice(i, i + 2000) });
  await tx.clickDaily.createMany({
    data: [...daily.values()].map((a) => ({
      tenantId, day: a.day, linkId: a.link.id, partnerId: a.link.partnerId, programId: a.link.programId,
      sourceMarket: a.link.sourceMarket, targetMarket: a.link.targetMarket, clicks: a.clicks, repeats: a.repeats, bots: a.bots,
    })),
  });

  // USD/RUB from the Central Bank of Russia for the last 120 days (the demo's reporting currency is USD).
  const rates: Prisma.FxRateCreateManyInput[] = [];
  for (let d = 119; d >= 0; d--) {
    const day = new Date(today.getTime() - d * DAY);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 1) continue; // the CBR sets no rate for Sunday and Monday
    rates.push({ tenantId, day, base: "USD", quote: "RUB", rate: usdRub(day), source: "cbr" });
  }
  await tx.fxRate.createMany({ data: rates });
  const rateFor = (at: Date): { rate: string; day: Date } | null => {
    const day = utcDay(at);
    for (let back = 0; back <= 7; back++) {
      const d = new Date(day.getTime() - back * DAY);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 1 && today.getTime() - d.getTime() <= 119 * DAY) return { rate: usdRub(d), day: d };
    }
    return null;
  };
  const toUsd = (minor: bigint, currency: string, at: Date) => {
    if (currency === "USD") return { reportingAmountMinor: minor, fxRate: "1", fxRateDay: utcDay(at) };
    const r = rateFor(at);
    if (!r) return { reportingAmountMinor: null, fxRate: null, fxRateDay: null };
    // RUB→USD: divide by the USD/RUB rate, rounded half-up to cents (rate has 4 decimals).
    const scaled = minor * 10_000n;
    const rate = BigInt(r.rate.replace(".", ""));
    return { reportingAmountMinor: (scaled + rate / 2n) / rate, fxRate: (1 / Number(r.rate)).toFixed(10), fxRateDay: r.day };
  };

  // Customers: every won referral, and a dozen direct customers for the LTV comparison.
  type Cust = { id: string; currency: string; monthly: bigint; since: Date; partnerId: string | null; programId: string | null; sourceMarket: Market | null; targetMarket: Market | null; referralId: string | null };
  const customers: Cust[] = [];
  for (const r of input.wonReferrals) {
    const currency = r.targetMarket === "RU" ? "RUB" : "USD";
    const c = await tx.customer.create({
      data: {
        tenantId, externalId: `crm-${customers.length + 1001}`, name: r.subjectName, source: "referral", referralId: r.id,
        partnerId: r.partnerId, programId: r.programId, sourceMarket: r.sourceMarket, targetMarket: r.targetMarket, firstSeenAt: r.closedAt,
      },
    });
    customers.push({ id: c.id, currency, monthly: currency === "RUB" ? 45_000_000n : 480_000n, since: r.closedAt, partnerId: r.partnerId, programId: r.programId, sourceMarket: r.sourceMarket, targetMarket: r.targetMarket, referralId: r.id });
  }
  const DIRECT = ["Brooklyn Candle Co.", "Pinecrest Outdoor", "Northwind Tea", "Ясная Поляна Косметикс", "Сибирская Ягода", "Lumen Studio", "Oakline Furniture", "Городские Пекарни", "Harborview Dental", "Mosaic Learning", "ТехноПарк Онлайн", "Blue Fern Yoga"];
  for (const [i, name] of DIRECT.entries()) {
    const ru = /[А-я]/.test(name);
    const since = new Date(today.getTime() - (80 - i * 6) * DAY);
    const c = await tx.customer.create({ data: { tenantId, externalId: `crm-${2001 + i}`, name, source: "direct", firstSeenAt: since } });
    customers.push({ id: c.id, currency: ru ? "RUB" : "USD", monthly: ru ? 12_000_000n + BigInt(i) * 500_000n : 150_000n + BigInt(i) * 10_000n, since, partnerId: null, programId: null, sourceMarket: null, targetMarket: null, referralId: null });
  }

  // Monthly revenue per customer since it was first seen; one refund; one RUB payment before the rates.
  const events: Prisma.ConversionEventCreateManyInput[] = [];
  for (const c of customers) {
    for (let at = c.since; at.getTime() < Date.now(); at = new Date(at.getTime() + 30 * DAY)) {
      const amount = c.monthly + BigInt(Math.floor(rand() * 20)) * (c.currency === "RUB" ? 100_000n : 1_000n);
      events.push({
        tenantId, type: "revenue", source: "api", idempotencyKey: `demo-${c.id}-${at.getTime()}`, payloadHash: "demo", occurredAt: at,
        amountMinor: amount, currency: c.currency, reportingCurrency: "USD", ...toUsd(amount, c.currency, at),
        customerId: c.id, partnerId: c.partnerId, programId: c.programId, sourceMarket: c.sourceMarket, targetMarket: c.targetMarket, referralId: c.referralId,
      });
    }
  }
  const refunded = customers.find((c) => c.currency === "USD" && c.referralId === null)!;
  const refundAt = new Date(today.getTime() - 10 * DAY);
  events.push({
    tenantId, type: "refund", source: "api", idempotencyKey: `demo-refund-${refunded.id}`, payloadHash: "demo", occurredAt: refundAt,
    amountMinor: 50_000n, currency: "USD", reportingCurrency: "USD", ...toUsd(50_000n, "USD", refundAt), customerId: refunded.id,
  });
  const early = customers.find((c) => c.currency === "RUB" && c.referralId === null)!;
  const earlyAt = new Date(today.getTime() - 150 * DAY);
  await tx.customer.update({ where: { id: early.id }, data: { firstSeenAt: earlyAt } });
  events.push({
    tenantId, type: "revenue", source: "csv", idempotencyKey: `demo-early-${early.id}`, payloadHash: "demo", occurredAt: earlyAt,
    amountMinor: 9_900_000n, currency: "RUB", reportingCurrency: "USD", ...toUsd(9_900_000n, "RUB", earlyAt), customerId: early.id,
  });
  await tx.conversionEvent.createMany({ data: events });
}
