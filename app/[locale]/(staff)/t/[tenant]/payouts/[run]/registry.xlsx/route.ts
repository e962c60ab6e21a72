import { registryRoute } from "@/lib/payouts/registry-response";

/** The run's RUB registry as XLSX (same columns as the CSV; amount as a number cell). */
export const GET = registryRoute("xlsx");
