// Outsiders write countries and numbers as people do: «США», «120 тыс.». The public server actions
// accept them through the form schemas (no JavaScript involved: the text is what gets posted), store
// ISO codes and whole numbers, and refuse garbage with an error key that reads in both languages.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import enErrors from "@/locales/en/errors.json";
import ruErrors from "@/locales/ru/errors.json";
import { SPOKEN } from "@/lib/kernel/countries";
import { locales } from "@/lib/i18n/settings";
import { transitionForm } from "@/lib/referrals/transition-schemas";
import { poolProgram, postedOpportunity } from "../helpers/board";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { programIn } from "../helpers/partner-fixtures";

let ipCounter = 0;
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `198.19.${Math.floor(ipCounter / 250) % 250}.${(ipCounter++ % 250) + 1}` }),
  cookies: async () => ({ get: () => undefined }),
}));
const { optInAction } = await import("@/lib/opportunities/public-actions");
const { applyToProgramAction } = await import("@/lib/partners/public-actions");

let fixture: TenantFixture;
let opportunity: { id: string };
let program: { id: string };

beforeAll(async () => {
  ({ fixture } = await tenantWithOwner("Forms For People"));
  opportunity = await postedOpportunity(fixture, (await poolProgram(fixture)).id);
  program = await programIn(fixture.tenantId, { access: "open" });
});

const email = () => `people-${randomBytes(4).toString("hex")}@forms.test`;
const formData = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const optIn = (fields: Record<string, string>) =>
  optInAction({ locale: "ru", tenant: fixture.slug, id: opportunity.id }, {}, formData({
    kind: "creator", name: "Джесс Глоу", market: "US", website: "", "platforms.0.platform": "tiktok", "platforms.0.handle": `@jess_${randomBytes(3).toString("hex")}`,
    contactEmail: email(), consent: "yes", ...fields,
  }));

type Errors = Record<string, unknown>;
/** The Russian and English text of an error key (nested keys with dots). */
const text = (messages: Errors, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Errors | undefined)?.[part], messages);

describe("the public opt-in action", () => {
  it("accepts «США» and «120 тыс.» and stores US and 120 000", async () => {
    const contactEmail = email();
    const state = await optIn({ country: "США ", "platforms.0.audienceSize": "120 тыс.", contactEmail });
    expect(state).toMatchObject({ ok: true });
    const row = await prisma.optIn.findFirstOrThrow({ where: { contactEmail } });
    expect(row.country).toBe("US");
    expect(row.platforms).toEqual([expect.objectContaining({ platform: "tiktok", audienceSize: 120_000 })]);
  });

  it.each([
    ["сша", "1,5 млн", "US", 1_500_000], ["United States", "120k", "US", 120_000], ["kz", "120 000", "KZ", 120_000], ["Казахстан", "2.5M", "KZ", 2_500_000],
  ])("accepts %j with %j", async (country, audience, code, size) => {
    const contactEmail = email();
    expect(await optIn({ country, "platforms.0.audienceSize": audience, contactEmail })).toMatchObject({ ok: true });
    const row = await prisma.optIn.findFirstOrThrow({ where: { contactEmail } });
    expect(row.country).toBe(code);
    expect(row.platforms).toEqual([expect.objectContaining({ audienceSize: size })]);
  });

  it("refuses garbage with an error for each field, in both languages, and stores nothing", async () => {
    const contactEmail = email();
    const state = await optIn({ country: "Нарния", "platforms.0.audienceSize": "очень много", contactEmail });
    expect(state.ok).toBeFalsy();
    expect(state.fieldErrors).toMatchObject({ country: { key: "country_unknown" }, "platforms.0.audienceSize": { key: "audience_invalid" } });
    for (const key of ["country_unknown", "audience_invalid"]) {
      expect(text(ruErrors, key)).toMatch(/[а-я]/);
      expect(text(enErrors, key)).toMatch(/[a-z]/);
    }
    expect(text(ruErrors, "country_unknown")).toContain("Такой страны мы не знаем");
    expect(await prisma.optIn.count({ where: { contactEmail } })).toBe(0);
  });

  it.each([
    ["-5", "number_negative"], ["3 млрд", "number_too_large"], ["1,5", "whole_number"],
  ])("says why %j is not an audience", async (audience, key) => {
    const state = await optIn({ country: "US", "platforms.0.audienceSize": audience });
    expect(state.fieldErrors?.["platforms.0.audienceSize"]).toEqual({ key });
    expect(text(ruErrors, key)).toBeTruthy();
    expect(text(enErrors, key)).toBeTruthy();
  });
});

describe("the public program application action", () => {
  it("accepts a country by its Russian name and stores the code", async () => {
    const address = email();
    const state = await applyToProgramAction({ locale: "ru", tenant: fixture.slug, programId: program.id }, {}, formData({
      name: "Анна", email: address, market: "RU", country: "Россия", language: "ru", pitch: "Пишу о косметике, три интеграции в месяц.", consent: "yes",
    }));
    expect(state).toMatchObject({ ok: true });
    const application = await prisma.partner.findFirst({ where: { email: address }, select: { country: true } });
    expect(application?.country).toBe("RU");
  });

  it("refuses an unknown country with country_unknown", async () => {
    const state = await applyToProgramAction({ locale: "ru", tenant: fixture.slug, programId: program.id }, {}, formData({
      name: "Анна", email: email(), market: "RU", country: "Гондор", language: "ru", pitch: "Пишу о косметике, три интеграции в месяц.", consent: "yes",
    }));
    expect(state.fieldErrors?.country).toEqual({ key: "country_unknown" });
  });
});

describe("the won-deal amount", () => {
  it("reads «450 тыс.» as 450 000,00 in minor units and refuses a negative amount", () => {
    const won = transitionForm.safeParse({ to: "won", dealValue: "450 тыс.", dealCurrency: "RUB" });
    expect(won.success && won.data.dealValueMinor).toBe(45_000_000n);
    const negative = transitionForm.safeParse({ to: "won", dealValue: "-450", dealCurrency: "RUB" });
    expect(negative.success).toBe(false);
    expect(negative.error?.issues[0]).toMatchObject({ path: ["dealValue"], message: "number_negative" });
  });
});

it("the kernel's languages are the product's (the resolvers try each)", () => {
  expect([...SPOKEN]).toEqual([...locales]);
});
