// An agency's ОРД settings: its VK ОРД API key, which host (production, sandbox, or the local stand-in
// this installation names in ORD_VK_BASE_URL), and its own legal details (the agency in the middle of
// the contract chain). The key is kept like a webhook signing secret (lib/webhooks): stored because
// Twoway must send it, written by the owner, never read back to a page — only its last 4 characters.
// Only known hosts are accepted: a free-form URL would let a settings change send the key anywhere.
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { DomainError } from "@/lib/kernel/errors";
import type { OrdClient } from "./client";
import type { OrdSettingsInput } from "./settings-schemas";
import { VK_ORD_PRODUCTION_URL, VK_ORD_SANDBOX_URL, VkOrdClient, type VkOrdOptions } from "./vk-client";

type Env = Readonly<Record<string, string | undefined>>;

/** Hosts an agency may point its key at: VK's two, and the installation's own (the stand-in in tests, e2e and the demo). */
export function allowedOrdHosts(env: Env = process.env): string[] {
  const own = env.ORD_VK_BASE_URL?.trim().replace(/\/+$/, "");
  return [VK_ORD_PRODUCTION_URL, VK_ORD_SANDBOX_URL, ...(own ? [own] : [])];
}

/** The host calls go to: the chosen one, else the sandbox or production by the flag. */
export function effectiveOrdBaseUrl(s: { baseUrl: string | null; sandbox: boolean }): string {
  return s.baseUrl ?? (s.sandbox ? VK_ORD_SANDBOX_URL : VK_ORD_PRODUCTION_URL);
}

export type OrdSettingsView = {
  configured: boolean;
  apiKeyLast4: string | null;
  baseUrl: string | null;
  sandbox: boolean;
  effectiveBaseUrl: string;
  agencyName: string | null;
  agencyLegalForm: string | null;
  agencyInn: string | null;
  agencyKpp: string | null;
  agencyOgrn: string | null;
  defaultKktu: string;
  updatedAt: Date | null;
};

/** The settings as pages see them (never the key). */
export async function getOrdSettings(db: TenantDb | TenantTx): Promise<OrdSettingsView> {
  const s = await db.ordSettings.findFirst({ omit: { apiKey: true } });
  const base = { baseUrl: s?.baseUrl ?? null, sandbox: s?.sandbox ?? true };
  return {
    configured: !!s?.apiKeyLast4, apiKeyLast4: s?.apiKeyLast4 ?? null, ...base, effectiveBaseUrl: effectiveOrdBaseUrl(base),
    agencyName: s?.agencyName ?? null, agencyLegalForm: s?.agencyLegalForm ?? null, agencyInn: s?.agencyInn ?? null,
    agencyKpp: s?.agencyKpp ?? null, agencyOgrn: s?.agencyOgrn ?? null, defaultKktu: s?.defaultKktu ?? "30.15.1", updatedAt: s?.updatedAt ?? null,
  };
}

/** The owner saves the settings; audited without the key (only whether it changed). */
export async function saveOrdSettings(ctx: TenantContext, input: OrdSettingsInput, env: Env = process.env) {
  assertCan(ctx, "settings:manage");
  if (input.baseUrl && !allowedOrdHosts(env).includes(input.baseUrl)) throw new DomainError("ord_base_url_not_allowed");
  return ctx.db.$transaction(async (tx) => {
    const key = input.removeKey ? { apiKey: null, apiKeyLast4: null } : input.apiKey ? { apiKey: input.apiKey, apiKeyLast4: input.apiKey.slice(-4) } : {};
    const data = {
      ...key, sandbox: input.sandbox, baseUrl: input.baseUrl, agencyName: input.agencyName, agencyLegalForm: input.agencyLegalForm ?? null,
      agencyInn: input.agencyInn, agencyKpp: input.agencyKpp, agencyOgrn: input.agencyOgrn, defaultKktu: input.defaultKktu, updatedById: ctx.userId,
    };
    await tx.ordSettings.upsert({ where: { tenantId: ctx.tenantId }, create: { tenantId: ctx.tenantId, ...data }, update: data });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "ord.settings_updated", entityType: "OrdSettings", entityId: ctx.tenantId,
      data: { key: input.removeKey ? "removed" : input.apiKey ? "replaced" : "kept", sandbox: input.sandbox, baseUrl: input.baseUrl, agencyInn: input.agencyInn },
    });
  });
}

/** The tenant's client, or null without a key (the file export and a typed erid remain). */
export async function ordClientFor(db: TenantDb | TenantTx, overrides: Partial<Omit<VkOrdOptions, "baseUrl" | "apiKey">> = {}): Promise<OrdClient | null> {
  const s = await db.ordSettings.findFirst();
  if (!s?.apiKey) return null;
  return new VkOrdClient({ baseUrl: effectiveOrdBaseUrl(s), apiKey: s.apiKey, ...overrides });
}
