import { registryResponse } from "@/lib/payouts/registry-response";

type Context = { params: Promise<{ locale: string; tenant: string; run: string }> };

/** The run's RUB registry as CSV (UTF-8 with BOM, ";" separated; format in lib/payouts/registry.ts). */
export async function GET(_request: Request, { params }: Context) {
  return registryResponse(await params, "csv");
}
