import { registryRoute } from "@/lib/payouts/registry-response";

/** The run's RUB registry as CSV (UTF-8 with BOM, ";" separated; format in lib/payouts/registry.ts). */
export const GET = registryRoute("csv");
