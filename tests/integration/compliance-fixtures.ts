// Shared setup for the compliance tests: payouts written directly (their ledger path is tested
// elsewhere; here only their status, rail, currency and paid date matter) and the SDN fixture.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { PayoutRail, PayoutStatus, TaxForm } from "@/lib/db/generated/enums";
import { prisma } from "../helpers/db";

export const sdnFixture = () => new Uint8Array(readFileSync(join(process.cwd(), "tests/fixtures/ofac-sdn-sample.csv")));
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const runs = new Map<string, string>();

async function runFor(tenantId: string) {
  let id = runs.get(tenantId);
  if (!id) {
    const last = await prisma.payoutRun.findFirst({ where: { tenantId }, orderBy: { number: "desc" }, select: { number: true } });
    id = (await prisma.payoutRun.create({ data: { tenantId, number: (last?.number ?? 0) + 1, status: "completed", cutoffAt: new Date() } })).id;
    runs.set(tenantId, id);
  }
  return id;
}

export async function payoutRow(
  tenantId: string,
  partnerId: string,
  options: { amountMinor: bigint; currency: string; rail: PayoutRail; paidAt: string; status?: PayoutStatus; receiptRef?: string | null },
) {
  const key = randomBytes(8).toString("hex");
  return prisma.payout.create({
    data: {
      tenantId, partnerId, runId: await runFor(tenantId), rail: options.rail, currency: options.currency, amountMinor: options.amountMinor,
      status: options.status ?? "paid", reference: `TW-${key}`, idempotencyKey: key,
      paidAt: options.status && options.status !== "paid" ? null : new Date(options.paidAt), receiptRef: options.receiptRef ?? null,
    },
  });
}

/** A tax profile written directly (the form path is tested in compliance-tax). */
export function profileRow(tenantId: string, partnerId: string, form: TaxForm, extra: { tinLast4?: string | null; legalName?: string; selfEmployedCheckedOn?: Date | null } = {}) {
  return prisma.taxProfile.create({
    data: {
      tenantId, partnerId, form, legalName: extra.legalName ?? "Legal Name", country: form === "us_w9" ? "US" : "RU",
      tinLast4: extra.tinLast4 === undefined ? (form === "us_w9" ? "6789" : null) : extra.tinLast4,
      inn: form.startsWith("ru_") ? "500100732259" : null, selfEmployedCheckedOn: extra.selfEmployedCheckedOn ?? null,
    },
  });
}
