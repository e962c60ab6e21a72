// Rules judged per partner: one payout account or tax id (INN, TIN) shared by several partners, and
// a partner who is the same person as a partner the agency suspended or declined (same sign-in
// account, payout account or tax id, or the same browser on the portal).
import { createHash } from "node:crypto";
import type { TenantTx } from "@/lib/db/tenant-client";
import { revealTin, tinBinding } from "@/lib/compliance/tin";
import { isOn, type RiskRuleBook } from "./rules";
import type { RiskFinding } from "./types";

/** The identifying values behind a partner's payout method and tax profile, as "field:value". */
type Fingerprint = { field: "bank_account" | "stripe_account" | "inn" | "tin"; value: string };

const short = (v: string) => createHash("sha256").update(v).digest("hex").slice(0, 16);

async function fingerprints(tx: TenantTx, tenantId: string, partnerIds: string[]): Promise<Map<string, Fingerprint[]>> {
  const [methods, profiles] = await Promise.all([
    tx.payoutMethod.findMany({ where: { partnerId: { in: partnerIds } }, select: { partnerId: true, bic: true, accountNumber: true, stripeAccountId: true, inn: true } }),
    tx.taxProfile.findMany({ where: { partnerId: { in: partnerIds } }, select: { partnerId: true, inn: true, tinEncrypted: true } }),
  ]);
  const out = new Map<string, Fingerprint[]>(partnerIds.map((id) => [id, []]));
  const add = (partnerId: string, field: Fingerprint["field"], value: string | null | undefined) => {
    const v = value?.replace(/\s+/g, "");
    if (v && !out.get(partnerId)!.some((f) => f.field === field && f.value === v)) out.get(partnerId)!.push({ field, value: v });
  };
  for (const m of methods) {
    if (m.accountNumber) add(m.partnerId, "bank_account", `${m.bic ?? ""}/${m.accountNumber}`);
    add(m.partnerId, "stripe_account", m.stripeAccountId);
    add(m.partnerId, "inn", m.inn);
  }
  for (const p of profiles) {
    add(p.partnerId, "inn", p.inn);
    if (p.tinEncrypted) add(p.partnerId, "tin", tryReveal(p.tinEncrypted, tinBinding(tenantId, p.partnerId)));
  }
  return out;
}

function tryReveal(tinEncrypted: string, binding: string): string | null {
  try {
    return revealTin(tinEncrypted, binding);
  } catch {
    return null; // no key or a foreign row: nothing to compare
  }
}

/** Other partners holding the same value; TINs are compared decrypted, among rows with the same last 4 digits. */
async function othersWith(tx: TenantTx, tenantId: string, partnerId: string, fp: Fingerprint): Promise<string[]> {
  const not = { partnerId: { not: partnerId } };
  switch (fp.field) {
    case "bank_account": {
      const [bic, accountNumber] = fp.value.split("/");
      const rows = await tx.payoutMethod.findMany({ where: { ...not, accountNumber, bic: bic || null }, select: { partnerId: true } });
      return rows.map((r) => r.partnerId);
    }
    case "stripe_account":
      return (await tx.payoutMethod.findMany({ where: { ...not, stripeAccountId: fp.value }, select: { partnerId: true } })).map((r) => r.partnerId);
    case "inn": {
      const [a, b] = await Promise.all([
        tx.payoutMethod.findMany({ where: { ...not, inn: fp.value }, select: { partnerId: true } }),
        tx.taxProfile.findMany({ where: { ...not, inn: fp.value }, select: { partnerId: true } }),
      ]);
      return [...new Set([...a, ...b].map((r) => r.partnerId))];
    }
    case "tin": {
      const rows = await tx.taxProfile.findMany({ where: { ...not, tinLast4: fp.value.slice(-4), tinEncrypted: { not: null } }, select: { partnerId: true, tinEncrypted: true } });
      return rows.filter((r) => tryReveal(r.tinEncrypted!, tinBinding(tenantId, r.partnerId)) === fp.value).map((r) => r.partnerId);
    }
  }
}

export async function partnerFindings(tx: TenantTx, tenantId: string, book: RiskRuleBook, partnerIds: string[]): Promise<RiskFinding[]> {
  const sharedOn = isOn(book, "shared_payout_account");
  const bannedOn = isOn(book, "banned_elsewhere");
  if (partnerIds.length === 0 || (!sharedOn && !bannedOn)) return [];
  const prints = await fingerprints(tx, tenantId, partnerIds);
  const findings: RiskFinding[] = [];
  const sharedBy = new Map<string, { otherId: string; field: Fingerprint["field"] }[]>();

  for (const partnerId of partnerIds) {
    const shared: { otherId: string; field: Fingerprint["field"] }[] = [];
    for (const fp of prints.get(partnerId) ?? []) {
      const others = await othersWith(tx, tenantId, partnerId, fp);
      if (others.length === 0) continue;
      for (const otherId of others) shared.push({ otherId, field: fp.field });
      if (sharedOn) {
        findings.push({
          partnerId, kind: "shared_payout_account", severity: book.get("shared_payout_account")!.severity,
          // The value itself is not repeated here: a digest names the finding, the field says what matched.
          subjectKey: `${partnerId}|${fp.field}:${short(fp.value)}`,
          details: { field: fp.field, otherPartnerIds: others }, hold: { allUnpaid: true },
        });
      }
    }
    sharedBy.set(partnerId, shared);
  }
  if (!bannedOn) return findings;

  const [me, myVisitors] = await Promise.all([
    tx.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, userId: true } }),
    tx.partnerVisitor.findMany({ where: { partnerId: { in: partnerIds } }, select: { partnerId: true, visitorHash: true } }),
  ]);
  const userIds = me.flatMap((p) => (p.userId ? [p.userId] : []));
  const hashes = [...new Set(myVisitors.map((v) => v.visitorHash))];
  const banned = await tx.partner.findMany({
    where: {
      status: { in: ["suspended", "declined"] },
      OR: [
        { id: { in: [...sharedBy.values()].flat().map((s) => s.otherId) } },
        ...(userIds.length ? [{ userId: { in: userIds } }] : []),
        ...(hashes.length ? [{ visitors: { some: { visitorHash: { in: hashes } } } }] : []),
      ],
    },
    select: { id: true, status: true, userId: true, visitors: { where: { visitorHash: { in: hashes } }, select: { visitorHash: true } } },
  });
  const severity = book.get("banned_elsewhere")!.severity;
  for (const p of me) {
    const mine = new Set(myVisitors.filter((v) => v.partnerId === p.id).map((v) => v.visitorHash));
    for (const b of banned) {
      if (b.id === p.id) continue;
      const via = p.userId && b.userId === p.userId ? "user"
        : sharedBy.get(p.id)?.find((s) => s.otherId === b.id)?.field
        ?? (b.visitors.some((v) => mine.has(v.visitorHash)) ? "visitor" : null);
      if (!via) continue;
      findings.push({
        partnerId: p.id, kind: "banned_elsewhere", severity, subjectKey: `${p.id}|${b.id}`,
        details: { otherPartnerId: b.id, otherStatus: b.status, via }, hold: { allUnpaid: true },
      });
    }
  }
  return findings;
}
