import { describe, expect, it } from "vitest";
import { composePartnerDigest, latestPerReferral, type DigestItem, type NoticeRow } from "./partner-digest-mail";

const tenant = { name: "Northstar", slug: "northstar" };
/** 1 December 2026, 12:00 UTC: 15:00 in Moscow, 07:00 in New York. */
const AT = new Date("2026-12-01T12:00:00Z");
const item = (n: number, overrides: Partial<DigestItem> = {}): DigestItem => ({
  referralId: `r${n}`, subjectName: `Brand ${n}`, status: "qualified", rejectReason: null, notes: [], at: AT, ...overrides,
});
const many = (count: number) => Array.from({ length: count }, (_, i) => item(i + 1));

describe("latestPerReferral", () => {
  it("keeps one line per referral with its latest status, every visible note, and a reason only for a final rejection", () => {
    const rows: NoticeRow[] = [
      { referralId: "a", subjectName: "Alpha", toStatus: "in_review", note: null, rejectReason: null, createdAt: AT },
      { referralId: "b", subjectName: "Beta", toStatus: "rejected", note: null, rejectReason: "not_a_fit", createdAt: AT },
      { referralId: "a", subjectName: "Alpha", toStatus: "qualified", note: "Called them", rejectReason: null, createdAt: AT },
      { referralId: "a", subjectName: "Alpha", toStatus: "in_negotiation", note: "Called them", rejectReason: null, createdAt: AT },
    ];
    expect(latestPerReferral(rows)).toEqual([
      { referralId: "a", subjectName: "Alpha", status: "in_negotiation", rejectReason: null, notes: ["Called them"], at: AT },
      { referralId: "b", subjectName: "Beta", status: "rejected", rejectReason: "not_a_fit", notes: [], at: AT },
    ]);
  });

  it("forgets a rejection reason when the referral moved on after it", () => {
    const rows: NoticeRow[] = [
      { referralId: "a", subjectName: "Alpha", toStatus: "rejected", note: null, rejectReason: "duplicate", createdAt: AT },
      { referralId: "a", subjectName: "Alpha", toStatus: "in_review", note: null, rejectReason: null, createdAt: AT },
    ];
    expect(latestPerReferral(rows)).toEqual([{ referralId: "a", subjectName: "Alpha", status: "in_review", rejectReason: null, notes: [], at: AT }]);
  });
});

describe("composePartnerDigest", () => {
  it("one referral: the subject and body partners have always received, and when it moved in the partner's zone", () => {
    const mail = composePartnerDigest({
      locale: "ru", partnerName: "Мария", tenant, baseUrl: "https://app.test/", timeZone: "Europe/Moscow",
      items: [item(1, { subjectName: "Белый Лён", status: "rejected", rejectReason: "duplicate", notes: ["Уже работаем с ними."] })],
    });
    expect(mail.subject).toBe("Рекомендация «Белый Лён»: отклонена");
    expect(mail.text).toBe([
      "Здравствуйте, Мария!",
      "",
      "Статус вашей рекомендации «Белый Лён» в агентстве Northstar: отклонена.",
      "Статус изменён 01.12.2026, 15:00\u00a0(МСК).",
      "Причина: агентство уже знает об этом бренде или авторе",
      "Комментарий агентства: Уже работаем с ними.",
      "",
      "Подробности в кабинете партнёра: https://app.test/ru/p/northstar/referrals/r1",
      "",
      "— Northstar, через Twoway",
    ].join("\n"));
  });

  it("several referrals: a counted subject, one line each with reason and notes, and a link to the list", () => {
    const mail = composePartnerDigest({
      locale: "en", partnerName: "Ann", tenant, baseUrl: "https://app.test", timeZone: "America/New_York",
      items: [item(1, { status: "won", notes: ["Signed."] }), item(2, { status: "rejected", rejectReason: "unreachable" })],
    });
    expect(mail.subject).toBe("2 referrals updated at Northstar");
    expect(mail.text).toBe([
      "Hello Ann,",
      "",
      "Your referrals to Northstar have new statuses:",
      "• Brand 1: won — 12/01/2026, 07:00 AM\u00a0EST",
      "  Note from the agency: Signed.",
      "• Brand 2: rejected — 12/01/2026, 07:00 AM\u00a0EST",
      "  Reason: we could not reach them",
      "",
      "See all your referrals in your partner portal: https://app.test/en/p/northstar/referrals",
      "",
      "— Northstar, via Twoway",
    ].join("\n"));
  });

  it("counts in Russian with every plural form", () => {
    const subject = (count: number) => composePartnerDigest({ locale: "ru", partnerName: "М", tenant, baseUrl: "https://app.test", timeZone: "UTC", items: many(count) }).subject;
    expect(subject(2)).toBe("2 рекомендации обновлены в агентстве Northstar");
    expect(subject(5)).toBe("5 рекомендаций обновлено в агентстве Northstar");
    expect(subject(11)).toBe("11 рекомендаций обновлено в агентстве Northstar");
    expect(subject(21)).toBe("21 рекомендация обновлена в агентстве Northstar");
    expect(subject(24)).toBe("24 рекомендации обновлены в агентстве Northstar");
    expect(subject(1234)).toBe("1\u00a0234 рекомендации обновлены в агентстве Northstar");
  });
});
