// What the fault suite needs in its database, written directly (the orchestrator connects to
// PostgreSQL itself, never through the fault proxy): an agency whose owner signs in with a password,
// active partners with tracked links, two more accounts for the sign-in lock-out, and a second agency
// with an approved payout run of Stripe payouts to connected accounts that exist at the stand-in.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { approvePayoutRun } from "@/lib/payouts/execute-run";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerIn, programIn } from "../helpers/partner-fixtures";
import { approved, payee, payoutWorld, type World as PayoutWorld } from "../integration/payouts-fixtures";

export const PASSWORD = "fault-suite-password";

export type Link = { id: string; code: string; partnerId: string };

export type FaultWorld = {
  slug: string;
  ownerEmail: string;
  /** The link scenario 1 disables (its partner has only this one, so the links page shows one row). */
  disable: Link;
  /** Links under load in the outage scenarios. */
  links: Link[];
  /** Links looked up once at start and not again until the database is refused: expired entries by then. */
  staleLinks: Link[];
  lockEmail: string;
  controlEmail: string;
  payouts: { world: PayoutWorld; runId: string; count: number };
};

/** Connected-account ids for `count` payees (created onboarded at the stand-in). */
export function stripeAccounts(count: number): string[] {
  const run = randomBytes(3).toString("hex");
  return Array.from({ length: count }, (_, i) => `acct_fault${run}${String(i).padStart(4, "0")}`);
}

async function passwordUser(email: string, hash: string) {
  return prisma.user.create({ data: { email, name: email.split("@")[0], passwordHash: hash } });
}

export async function seedFaultWorld(accounts: string[]): Promise<FaultWorld> {
  const hash = await hashPassword(PASSWORD);
  const { fixture } = await tenantWithOwner("Fault Suite");
  await prisma.user.update({ where: { id: fixture.userId }, data: { passwordHash: hash } });
  const program = await programIn(fixture.tenantId, { name: "Fault Links" });

  const link = async (partnerId: string): Promise<Link> => {
    const row = await prisma.trackedLink.create({
      data: {
        tenantId: fixture.tenantId, partnerId, programId: program.id, code: `flt${randomBytes(6).toString("hex")}`,
        destinationUrl: "https://example.com/landing", sourceMarket: "RU", targetMarket: "US",
      },
    });
    return { id: row.id, code: row.code, partnerId };
  };
  const disablePartner = await partnerIn(fixture.tenantId, "active", { name: "Disable Me" });
  const disable = await link(disablePartner.id);
  const partner = await partnerIn(fixture.tenantId, "active", { name: "Under Load" });
  const links: Link[] = [];
  for (let i = 0; i < 6; i++) links.push(await link(partner.id));
  const staleLinks: Link[] = [];
  for (let i = 0; i < 4; i++) staleLinks.push(await link(partner.id));

  const suffix = randomBytes(4).toString("hex");
  const lockEmail = `locked-${suffix}@fault-suite.test`;
  const controlEmail = `control-${suffix}@fault-suite.test`;
  await passwordUser(lockEmail, hash);
  await passwordUser(controlEmail, hash);

  // The payout run: approved, not executing yet (the worker's every-minute resume job would start it).
  const world = await payoutWorld("Fault Payouts");
  for (let i = 0; i < accounts.length; i++) {
    const partnerId = await payee(world, { rail: "stripe", stripeAccountId: accounts[i] });
    await approved(world, partnerId, [[BigInt(10_000 + i), "USD"]]);
  }
  const { id: runId } = await createPayoutRun(world.ctx, { cutoffAt: new Date() });
  await approvePayoutRun(world.ctx, runId);

  return { slug: fixture.slug, ownerEmail: fixture.email, disable, links, staleLinks, lockEmail, controlEmail, payouts: { world, runId, count: accounts.length } };
}
