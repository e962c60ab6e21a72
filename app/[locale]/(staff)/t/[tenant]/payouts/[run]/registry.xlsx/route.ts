import { registryResponse } from "@/lib/payouts/registry-response";

type Context = { params: Promise<{ locale: string; tenant: string; run: string }> };

/** The run's RUB registry as XLSX (same columns as the CSV; amount as a number cell). */
export async function GET(_request: Request, { params }: Context) {
  return registryResponse(await params, "xlsx");
}
