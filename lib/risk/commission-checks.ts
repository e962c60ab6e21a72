// Rules judged per new commission: self-referral (the customer's or referral contact's e-mail, its
// domain, or the visitor hash of the click matches the partner) and disposable e-mail domains.
// A fixed number of queries per batch of commissions, not per commission.
import type { TenantTx } from "@/lib/db/tenant-client";
import { emailDomain, isDisposableDomain, isFreeMail, normalizeEmail } from "./emails";
import { isOn, type RiskRuleBook } from "./rules";
import type { RiskFinding } from "./types";

type Subject = { commissionId: string; partnerId: string; emails: Set<string>; clickIds: Set<string> };

/** The e-mails and clicks a commission leads back to: its event, customer, referral and opt-in. */
async function loadSubjects(tx: TenantTx, commissionIds: string[]): Promise<Subject[]> {
  const commissions = await tx.commission.findMany({
    where: { id: { in: commissionIds }, kind: "earning" },
    select: { id: true, partnerId: true, eventId: true, customerId: true },
  });
  const eventIds = commissions.flatMap((c) => (c.eventId ? [c.eventId] : []));
  const events = await tx.conversionEvent.findMany({
    where: { id: { in: eventIds } }, select: { id: true, clickId: true, referralId: true, customerId: true, externalCustomerId: true },
  });
  const eventBy = new Map(events.map((e) => [e.id, e]));
  const customerIds = [...new Set([...commissions.map((c) => c.customerId), ...events.map((e) => e.customerId)].filter((x): x is string => !!x))];
  const customers = await tx.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, externalId: true, referralId: true, clickId: true } });
  const customerBy = new Map(customers.map((c) => [c.id, c]));
  const referralIds = [...new Set([...customers.map((c) => c.referralId), ...events.map((e) => e.referralId)].filter((x): x is string => !!x))];
  const referrals = await tx.referral.findMany({
    where: { id: { in: referralIds } },
    select: {
      id: true, contactChannel: true, contactValue: true, clickId: true,
      brand: { select: { contactEmail: true } }, creator: { select: { contactEmail: true } }, optIn: { select: { contactEmail: true } },
    },
  });
  const referralBy = new Map(referrals.map((r) => [r.id, r]));

  return commissions.map((c) => {
    const event = c.eventId ? eventBy.get(c.eventId) : undefined;
    const customer = customerBy.get(c.customerId ?? event?.customerId ?? "");
    const referral = referralBy.get(customer?.referralId ?? event?.referralId ?? "");
    const emails = new Set<string>();
    const clickIds = new Set<string>();
    const addEmail = (v: string | null | undefined) => { const e = normalizeEmail(v); if (e) emails.add(e); };
    // A shop or CRM often identifies its customer by e-mail.
    addEmail(customer?.externalId);
    addEmail(event?.externalCustomerId);
    if (referral?.contactChannel === "email") addEmail(referral.contactValue);
    addEmail(referral?.brand?.contactEmail);
    addEmail(referral?.creator?.contactEmail);
    addEmail(referral?.optIn?.contactEmail);
    for (const id of [event?.clickId, customer?.clickId, referral?.clickId]) if (id) clickIds.add(id);
    return { commissionId: c.id, partnerId: c.partnerId, emails, clickIds };
  });
}

export async function commissionFindings(tx: TenantTx, book: RiskRuleBook, commissionIds: string[]): Promise<RiskFinding[]> {
  const selfOn = isOn(book, "self_referral");
  const disposableOn = isOn(book, "disposable_email");
  if (commissionIds.length === 0 || (!selfOn && !disposableOn)) return [];
  const subjects = await loadSubjects(tx, commissionIds);
  const findings: RiskFinding[] = [];

  if (disposableOn) {
    const severity = book.get("disposable_email")!.severity;
    for (const s of subjects) {
      const hit = [...s.emails].find((e) => isDisposableDomain(emailDomain(e)));
      if (hit) {
        findings.push({
          partnerId: s.partnerId, kind: "disposable_email", severity, subjectKey: s.commissionId,
          details: { commissionId: s.commissionId, email: hit }, hold: { commissionIds: [s.commissionId] },
        });
      }
    }
  }
  if (!selfOn) return findings;

  const partnerIds = [...new Set(subjects.map((s) => s.partnerId))];
  const clickIds = [...new Set(subjects.flatMap((s) => [...s.clickIds]))];
  const [partners, visitors, clicks] = await Promise.all([
    tx.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, email: true, user: { select: { email: true } } } }),
    tx.partnerVisitor.findMany({ where: { partnerId: { in: partnerIds } }, select: { partnerId: true, visitorHash: true } }),
    clickIds.length ? tx.click.findMany({ where: { id: { in: clickIds } }, select: { id: true, visitorHash: true } }) : [],
  ]);
  const partnerEmails = new Map(partners.map((p) => [p.id, [p.email, p.user?.email].map(normalizeEmail).filter((e): e is string => !!e)]));
  const partnerHashes = new Map<string, Set<string>>();
  for (const v of visitors) partnerHashes.set(v.partnerId, (partnerHashes.get(v.partnerId) ?? new Set()).add(v.visitorHash));
  const clickHash = new Map(clicks.map((c) => [c.id, c.visitorHash]));
  const severity = book.get("self_referral")!.severity;

  for (const s of subjects) {
    const own = partnerEmails.get(s.partnerId) ?? [];
    const ownDomains = new Set(own.map(emailDomain).filter((d) => !isFreeMail(d)));
    const emails = [...s.emails];
    const sameEmail = emails.find((e) => own.includes(e));
    const sameDomain = sameEmail ? undefined : emails.find((e) => ownDomains.has(emailDomain(e)));
    const hashes = partnerHashes.get(s.partnerId);
    const sameVisitor = [...s.clickIds].find((id) => hashes?.has(clickHash.get(id) ?? ""));
    const match = sameEmail ? { match: "email", value: sameEmail }
      : sameDomain ? { match: "email_domain", value: emailDomain(sameDomain) }
      : sameVisitor ? { match: "visitor", value: sameVisitor }
      : null;
    if (!match) continue;
    findings.push({
      partnerId: s.partnerId, kind: "self_referral", severity, subjectKey: s.commissionId,
      details: { commissionId: s.commissionId, ...match }, hold: { commissionIds: [s.commissionId] },
    });
  }
  return findings;
}
