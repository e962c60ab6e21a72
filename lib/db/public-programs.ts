// Public application pages are opened without an account, so the tenant is looked up by its
// slug here. Read-only lookups return only what such a page may show; the one write creates an
// application (partner row status "applied" + enrolment + audit entry) inside that tenant.
import { prisma } from "./client";
import type { Market } from "./generated/enums";
import type { Prisma } from "./generated/client";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";

/** An open, live program of the tenant with this slug; a program of another tenant is not found. */
export function findOpenProgram(slug: string, programId: string) {
  return prisma.program.findFirst({
    where: { id: programId, access: "open", archivedAt: null, tenant: { slug } },
    select: {
      id: true, tenantId: true, name: true, description: true, markets: true,
      tenant: { select: { name: true, slug: true } },
    },
  });
}

export type ApplicationRow = {
  name: string;
  email: string;
  market: Market;
  country: string | null;
  preferredLocale: string;
  /** Kept on the audit entry: the application text and the consent the applicant gave. */
  record: Prisma.InputJsonValue;
};

export type CreateApplicationResult = { ok: true; partnerId: string } | { ok: false; code: "already_applied" };

export async function createApplication(program: { id: string; tenantId: string }, row: ApplicationRow): Promise<CreateApplicationResult> {
  const { tenantId } = program;
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.partner.findUnique({ where: { tenantId_email: { tenantId, email: row.email } }, select: { id: true } });
      if (existing) return { ok: false, code: "already_applied" } as const;
      const partner = await tx.partner.create({
        data: {
          tenantId, name: row.name, email: row.email, market: row.market, country: row.country,
          preferredLocale: row.preferredLocale, status: "applied",
        },
      });
      await tx.programPartner.create({ data: { tenantId, programId: program.id, partnerId: partner.id } });
      await tx.auditLog.create({
        data: { tenantId, actorUserId: null, action: "partner.applied", entityType: "Partner", entityId: partner.id, data: row.record },
      });
      return { ok: true, partnerId: partner.id } as const;
    });
  } catch (error) {
    // The same e-mail applying twice at the same moment.
    if (isUniqueViolation(error)) return { ok: false, code: "already_applied" };
    throw error;
  }
}
