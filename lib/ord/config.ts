// Which ОРД client this installation has. ORD_VK_API_KEY (from the VK ОРД cabinet) turns the
// integration on; ORD_VK_BASE_URL picks the host (default production; the sandbox
// https://api-sandbox.ord.vk.com sends nothing to the state register; the local stand-in for tests
// and the demo). Without a key the agency exports files for a manual upload (lib/ord/export.ts).
import type { OrdClient } from "./client";
import { VK_ORD_PRODUCTION_URL, VkOrdClient, type VkOrdOptions } from "./vk-client";

export function ordConfigured(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return Boolean(env.ORD_VK_API_KEY?.trim());
}

export function getOrdClient(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: Partial<Omit<VkOrdOptions, "baseUrl" | "apiKey">> = {},
): OrdClient | null {
  const apiKey = env.ORD_VK_API_KEY?.trim();
  if (!apiKey) return null;
  return new VkOrdClient({ baseUrl: env.ORD_VK_BASE_URL?.trim() || VK_ORD_PRODUCTION_URL, apiKey, ...overrides });
}
