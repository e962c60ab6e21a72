import { randomBytes } from "node:crypto";
import { POST } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import type { Market } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { prisma } from "../helpers/db";

export type ApiAnswer = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any -- response JSON is asserted field by field

/** Calls the route's exported POST the way Next would, with a Request. */
export async function postEvents(body: unknown, key: string | null, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const res = await POST(new Request("http://app.test/api/v1/events", {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  }));
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function newKey(ctx: TenantContext, name = "Shop backend") {
  return (await createApiKey(ctx, { name })).key;
}

export const uid = (prefix = "k") => `${prefix}-${randomBytes(6).toString("hex")}`;

/** A submitted referral written directly (the referral flow itself is tested elsewhere). */
export function referralRow(tenantId: string, programId: string, partnerId: string | null, options: { sourceMarket?: Market; targetMarket?: Market; status?: "submitted" | "draft"; clickId?: string } = {}) {
  return prisma.referral.create({
    data: {
      tenantId, programId, partnerId, kind: "brand", subjectName: `Subject ${uid("s")}`,
      sourceMarket: options.sourceMarket ?? "RU", targetMarket: options.targetMarket ?? "US",
      status: options.status ?? "submitted", submittedAt: new Date(), clickId: options.clickId ?? null,
    },
  });
}

/** A tracked link and one human click on it, `minutesAgo` before now. */
export async function clickRow(tenantId: string, programId: string, partnerId: string, minutesAgo = 60, options: { isBot?: boolean } = {}) {
  const link = await prisma.trackedLink.create({
    data: { tenantId, partnerId, programId, code: uid("c"), destinationUrl: "https://shop.test/", sourceMarket: "US", targetMarket: "RU" },
  });
  return prisma.click.create({
    data: {
      id: uid("clk"), tenantId, linkId: link.id, partnerId, programId, sourceMarket: "US", targetMarket: "RU",
      occurredAt: new Date(Date.now() - minutesAgo * 60_000), visitorHash: uid("v"), isBot: options.isBot ?? false,
    },
  });
}
